using System.Data;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Sources.Workbooks;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Kaf;

/// <summary>
/// Reads KAF-Projektcontrolling workbooks (<c>KAF_&lt;Projektkürzel&gt;_&lt;yyyy&gt;.xlsx</c> or legacy <c>.xls</c>):
/// title block, header row, one row per Kennzahl with the month's new cases (a flow), remarks below.
/// </summary>
public sealed partial class KafWorkbookReader : IExtractReader
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "kaf-workbook";

    private const int HeaderRow = 6;
    private const int SumColumn = 13;

    private readonly string _pipeline;
    private readonly KafOptions _options;
    private readonly KafMapping _mapping;

    static KafWorkbookReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private KafWorkbookReader(string pipeline, KafOptions options, KafMapping mapping)
    {
        _pipeline = pipeline;
        _options = options;
        _mapping = mapping;
    }

    /// <summary>Creates the reader from the pipeline's <c>kaf:</c> section, checked against the catalog.</summary>
    public static KafWorkbookReader Create(PipelineDefinition pipeline, SourceContext context)
    {
        var options = pipeline.ReadSection<KafOptions>("kaf");
        return new KafWorkbookReader(pipeline.Name, options, KafMapping.Build(options, context.Plan, pipeline.FilePath));
    }

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var nameMatch = FileNamePattern().Match(fileName);
        if (!nameMatch.Success)
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird KAF_<Projektkürzel>_<Jahr>.xlsx oder .xls.");
        }

        var (stream, excel) = ExcelWorkbook.Open(path);

        try
        {
            var protocol = new NormalisationProtocol();
            var sheet = SheetChoice.MoveTo(excel, fileName, _options.Sheet, _options.SheetAliases, protocol);
            var head = ReadHead(excel, fileName, sheet, protocol, nameMatch.Groups["code"].Value, int.Parse(nameMatch.Groups["year"].Value, CultureInfo.InvariantCulture));
            var scope = new DeliveryScope(_pipeline, "KAF:" + head.Project, new DateOnly(head.Year, 1, 1), new DateOnly(head.Year, 12, 1));
            var rows = head.Rows.Concat(ReadBody(excel, head, protocol));
            return new ExtractReading(scope, rows, new CompositeDisposable(excel, stream)) { Sheet = sheet, Normalisations = protocol };
        }
        catch
        {
            excel.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private WorkbookHead ReadHead(IExcelDataReader excel, string fileName, string sheet, NormalisationProtocol protocol, string fileProject, int fileYear)
    {
        var head = SheetHead.Read(excel, KafLayout.ContractHeader.Length);
        var width = head.Rows.Count == 0 ? 0 : head.Rows.Max(r => r.Length);
        // The header row holds 'Kennzahl'; merged over two header rows, the label belongs to the lower one (where the months are).
        var headerRow = head.FindHeader(
            r => KafLayout.KennzahlColumn(c => head.Cell(r, c), width) is var k and >= 0 && head.IsBottomOfCell(r, k),
            fileName, "'Kennzahl'", HeaderRow - 1, sheet, protocol);

        var title = TitleValues(head, headerRow);
        if (!title.ContainsKey("KAF-Projektcontrolling") || !title.TryGetValue("Projektkürzel", out var projectCell) || !title.TryGetValue("Jahr", out var yearCell))
        {
            throw Head(fileName, "Titel 'KAF-Projektcontrolling' in A1, 'Projektkürzel:' in A3 und 'Jahr:' in A4 werden erwartet.");
        }

        var project = GermanLabel.Of(projectCell);
        var yearText = GermanLabel.Of(yearCell);
        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw Head(fileName, $"B4 enthält kein Jahr ('{yearText}').");
        }

        var layout = KafLayout.Read(head.HeaderCells(headerRow, sheet, protocol), headerRow + 1, year, _options.BlankColumns, fileName, sheet, protocol);
        if (!string.Equals(project, fileProject, StringComparison.Ordinal) || year != fileYear)
        {
            throw new ExtractFileException(FileReasons.Contradiction,
                $"{fileName}: der Dateiname nennt {fileProject} {fileYear}, die Mappe {project} {year}.");
        }

        if (!_options.Projects.Exists(p => p.Code == project))
        {
            throw new ExtractFileException(FileReasons.UnknownProject,
                $"{fileName}: das Projekt '{project}' ist in der Pipeline-Definition nicht bekannt; ein neues Projekt wird in pipelines/{_pipeline}.yml eingetragen.");
        }

        var headRows = Enumerable.Range(1, headerRow + 1).Select(r => (SourceRow)new SourceRow.Skipped(r, "Kopfbereich")).ToList();
        return new WorkbookHead(project, year, sheet, layout, headRows, headerRow + 1, [.. head.Rows.Skip(headerRow + 1)]);
    }

    /// <summary>
    /// The title block above the header: the first non-blank cell of each row as key (without its colon), the next
    /// non-blank cell as value ('Projektkürzel:' | THEO); the title itself as a key without value.
    /// </summary>
    private static Dictionary<string, object?> TitleValues(SheetHead head, int headerRow)
    {
        var title = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var r = 0; r < headerRow; r++)
        {
            var cells = head.Rows[r].Where(c => !SheetCell.IsBlank(c)).ToList();
            if (cells.Count > 0)
            {
                title.TryAdd(GermanLabel.Of(cells[0]).TrimEnd(':').TrimEnd(), cells.Count > 1 ? cells[1] : null);
            }
        }

        return title;
    }

    private IEnumerable<SourceRow> ReadBody(IExcelDataReader excel, WorkbookHead head, NormalisationProtocol protocol)
    {
        var rowNumber = head.HeaderRow;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        KafRowValues? parent = null;
        var afterData = false;
        var used = new HashSet<int>(head.Layout.Columns);
        foreach (var cells in head.Pending.Concat(Remaining(excel)))
        {
            rowNumber++;
            var unheaded = head.Layout.BlankColumns.Where(c => c < cells.Length && !SheetCell.IsBlank(cells[c])).ToList();
            var extraFigures = Enumerable.Range(0, cells.Length).Any(i => !used.Contains(i) && !SheetCell.IsBlank(cells[i]));
            var row = KafRowValues.Parse(rowNumber, head.Sheet, head.Layout.Arrange(cells), head.Layout.Columns);
            if (row.IsBlank && !extraFigures)
            {
                afterData = seen.Count > 0;
                yield return new SourceRow.Skipped(rowNumber, "Leerzeile");
                continue;
            }

            if (afterData && !row.HasFigures && unheaded.Count == 0 && _mapping.Find(row.Label) is null)
            {
                yield return new SourceRow.Skipped(rowNumber, "Bemerkung");
                continue;
            }

            var result = Validate(row, head, seen, parent, unheaded.Select(c => Problem(row, SheetCell.ColumnLetter(c), SheetCell.Raw(cells[c]), ReasonCode.ValueWithoutHeader,
                "Die Spalte hat keinen Kopf (leere Zusatzspalte); ihr Wert gehört in die Spalte des Monats.")));
            if (result is SourceRow.Accepted)
            {
                foreach (var (column, note) in row.Notes)
                {
                    protocol.Note(note, head.Sheet, rowNumber, SheetCell.ColumnLetter(column));
                }
            }

            if (!row.IsSubset)
            {
                parent = row;
            }

            yield return result;
        }
    }

    private static IEnumerable<object?[]> Remaining(IExcelDataReader excel)
    {
        while (excel.Read())
        {
            yield return SheetHead.Cells(excel, KafLayout.ContractHeader.Length);
        }
    }

    private SourceRow Validate(KafRowValues row, WorkbookHead head, HashSet<string> seen, KafRowValues? parent, IEnumerable<RejectedRow> unheaded)
    {
        var problems = new List<RejectedRow>(row.CellProblems());
        problems.AddRange(unheaded);
        var kennzahl = _mapping.Find(row.Label);
        if (row.Label.Length == 0)
        {
            problems.Add(Problem(row, row.Letter(0), null, ReasonCode.FiguresWithoutKennzahl, "Die Zeile enthält Zahlen, aber keine Kennzahl in Spalte A."));
        }
        else if (kennzahl is null)
        {
            problems.Add(Problem(row, row.Letter(0), row.Label, ReasonCode.UnknownKennzahl,
                $"Die Kennzahl '{row.Label}' ist nicht bekannt; ein neuer Name wird in pipelines/{_pipeline}.yml als Alias eingetragen."));
        }
        else if (!seen.Add(kennzahl.Label))
        {
            problems.Add(Problem(row, row.Letter(0), row.Label, ReasonCode.DuplicateKennzahl, $"Die Kennzahl '{kennzahl.Label}' steht bereits weiter oben."));
        }

        if (problems.Count == 0 && row.SumMismatch() is { } sum)
        {
            problems.Add(Problem(row, row.Letter(SumColumn), SheetCell.Raw(row.Cells[SumColumn]), ReasonCode.SumMismatch,
                string.Create(GermanValues.Culture, $"Summe {sum.Stated:N0} weicht von der Summe der Monate {sum.Computed:N0} ab.")));
        }

        if (row.IsSubset)
        {
            problems.AddRange(SubsetProblems(row, parent));
        }

        var indicators = kennzahl is null ? [] : kennzahl.IndicatorsFor(head.Project);
        if (problems.Count == 0 && indicators.Count == 0)
        {
            problems.Add(Problem(row, row.Letter(0), row.Label, ReasonCode.KennzahlWithoutIndicator,
                $"'{kennzahl!.Label}' ist für das Projekt {head.Project} keinem Indikator zugeordnet (pipelines/{_pipeline}.yml)."));
        }

        if (problems.Count > 0)
        {
            return new SourceRow.Rejected(row.Number, problems);
        }

        var observations = new List<Observation>();
        foreach (var indicator in indicators)
        {
            for (var m = 0; m < 12; m++)
            {
                if (row.Months[m] is { } value)
                {
                    observations.Add(new Observation(indicator, new DateOnly(head.Year, m + 1, 1), Area.CityCode, "KAF:" + head.Project, value));
                }
            }
        }

        return new SourceRow.Accepted(row.Number, observations);
    }

    private static IEnumerable<RejectedRow> SubsetProblems(KafRowValues row, KafRowValues? parent)
    {
        if (parent is null)
        {
            yield return Problem(row, row.Letter(0), row.Label, ReasonCode.SubsetWithoutParent, "Über dem Darunter-Wert steht keine Kennzahl.");
            yield break;
        }

        for (var m = 0; m < 12; m++)
        {
            if (row.Months[m] is { } part && parent.Months[m] is { } whole && part > whole)
            {
                yield return Problem(row, row.Letter(m + 1), SheetCell.Raw(row.Cells[m + 1]), ReasonCode.SubsetExceedsParent,
                    string.Create(CultureInfo.InvariantCulture, $"'{row.Label}' ({part}) ist größer als '{parent.Label}' ({whole}) in Zeile {parent.Number}."));
            }
        }
    }

    private static RejectedRow Problem(KafRowValues row, string column, string? raw, ReasonCode reason, string message) =>
        new(row.Sheet, row.Number, column, raw, reason, message);

    private static ExtractFileException Head(string fileName, string detail) =>
        new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");

    [GeneratedRegex(@"^KAF_(?<code>[A-Za-z0-9-]+)_(?<year>\d{4})\.(xlsx|xls)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    // HeaderRow is the header's 1-based row; Pending the rows below it already read while looking for it.
    private sealed record WorkbookHead(
        string Project, int Year, string Sheet, KafLayout Layout, IReadOnlyList<SourceRow> Rows, int HeaderRow, IReadOnlyList<object?[]> Pending);
}
