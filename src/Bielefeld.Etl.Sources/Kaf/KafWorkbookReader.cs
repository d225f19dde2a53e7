using System.Data;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
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

    private static readonly string[] ExpectedHeader =
        ["Kennzahl", "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", "Summe"];

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
            MoveToSheet(excel, fileName);
            var head = ReadHead(excel, fileName, nameMatch.Groups["code"].Value, int.Parse(nameMatch.Groups["year"].Value, CultureInfo.InvariantCulture));
            var scope = new DeliveryScope(_pipeline, "KAF:" + head.Project, new DateOnly(head.Year, 1, 1), new DateOnly(head.Year, 12, 1));
            var rows = head.Rows.Concat(ReadBody(excel, head));
            return new ExtractReading(scope, rows, new CompositeDisposable(excel, stream)) { Sheet = _options.Sheet };
        }
        catch
        {
            excel.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private void MoveToSheet(IExcelDataReader excel, string fileName)
    {
        var sheets = new List<string>();
        do
        {
            if (string.Equals(excel.Name, _options.Sheet, StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            sheets.Add(excel.Name);
        }
        while (excel.NextResult());

        throw new ExtractFileException(FileReasons.SheetMissing,
            $"{fileName}: das Blatt '{_options.Sheet}' fehlt (vorhanden: {string.Join(", ", sheets)}).");
    }

    private WorkbookHead ReadHead(IExcelDataReader excel, string fileName, string fileProject, int fileYear)
    {
        var cells = new List<object?[]>();
        while (cells.Count < HeaderRow && excel.Read())
        {
            var row = new object?[Math.Max(excel.FieldCount, ExpectedHeader.Length)];
            for (var i = 0; i < excel.FieldCount; i++)
            {
                row[i] = excel.GetValue(i);
            }

            cells.Add(row);
        }

        if (cells.Count < HeaderRow)
        {
            throw Head(fileName, $"die Mappe endet vor der Kopfzeile in Zeile {HeaderRow}.");
        }

        var project = SheetCell.Raw(cells[2][1])?.Trim();
        var yearText = SheetCell.Raw(cells[3][1])?.Trim();
        if (!string.Equals(SheetCell.Raw(cells[0][0])?.Trim(), "KAF-Projektcontrolling", StringComparison.Ordinal)
            || !Label(cells[2][0]).StartsWith("Projektkürzel", StringComparison.Ordinal)
            || !Label(cells[3][0]).StartsWith("Jahr", StringComparison.Ordinal))
        {
            throw Head(fileName, "Titel 'KAF-Projektcontrolling' in A1, 'Projektkürzel:' in A3 und 'Jahr:' in A4 werden erwartet.");
        }

        for (var i = 0; i < ExpectedHeader.Length; i++)
        {
            if (!string.Equals(Label(cells[5][i]), ExpectedHeader[i], StringComparison.OrdinalIgnoreCase))
            {
                throw Head(fileName, $"Kopfzeile {HeaderRow}, Spalte {SheetCell.ColumnLetter(i)}: erwartet '{ExpectedHeader[i]}', gefunden '{Label(cells[5][i])}'.");
            }
        }

        if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            throw Head(fileName, $"B4 enthält kein Jahr ('{yearText}').");
        }

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

        var headRows = Enumerable.Range(1, HeaderRow).Select(r => (SourceRow)new SourceRow.Skipped(r, "Kopfbereich")).ToList();
        return new WorkbookHead(project!, year, headRows);
    }

    private IEnumerable<SourceRow> ReadBody(IExcelDataReader excel, WorkbookHead head)
    {
        var rowNumber = HeaderRow;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        KafRowValues? parent = null;
        var afterData = false;
        while (excel.Read())
        {
            rowNumber++;
            var values = new object?[SumColumn + 1];
            for (var i = 0; i < Math.Min(excel.FieldCount, values.Length); i++)
            {
                values[i] = excel.GetValue(i);
            }

            var extraFigures = excel.FieldCount > values.Length && Enumerable.Range(values.Length, excel.FieldCount - values.Length).Any(i => !SheetCell.IsBlank(excel.GetValue(i)));
            var row = KafRowValues.Parse(rowNumber, values);
            if (row.IsBlank && !extraFigures)
            {
                afterData = seen.Count > 0;
                yield return new SourceRow.Skipped(rowNumber, "Leerzeile");
                continue;
            }

            if (afterData && !row.HasFigures && _mapping.Find(row.Label) is null)
            {
                yield return new SourceRow.Skipped(rowNumber, "Bemerkung");
                continue;
            }

            var result = Validate(row, head, seen, parent);
            if (!row.IsSubset)
            {
                parent = row;
            }

            yield return result;
        }
    }

    private SourceRow Validate(KafRowValues row, WorkbookHead head, HashSet<string> seen, KafRowValues? parent)
    {
        var problems = new List<RejectedRow>(row.CellProblems(_options.Sheet));
        var kennzahl = _mapping.Find(row.Label);
        if (row.Label.Length == 0)
        {
            problems.Add(Problem(row, "A", null, ReasonCode.FiguresWithoutKennzahl, "Die Zeile enthält Zahlen, aber keine Kennzahl in Spalte A."));
        }
        else if (kennzahl is null)
        {
            problems.Add(Problem(row, "A", row.Label, ReasonCode.UnknownKennzahl,
                $"Die Kennzahl '{row.Label}' ist nicht bekannt; ein neuer Name wird in pipelines/{_pipeline}.yml als Alias eingetragen."));
        }
        else if (!seen.Add(kennzahl.Label))
        {
            problems.Add(Problem(row, "A", row.Label, ReasonCode.DuplicateKennzahl, $"Die Kennzahl '{kennzahl.Label}' steht bereits weiter oben."));
        }

        if (problems.Count == 0 && row.SumMismatch() is { } sum)
        {
            problems.Add(Problem(row, "N", SheetCell.Raw(row.Cells[SumColumn]), ReasonCode.SumMismatch,
                string.Create(CultureInfo.GetCultureInfo("de-DE"), $"Summe {sum.Stated:N0} weicht von der Summe der Monate {sum.Computed:N0} ab.")));
        }

        if (row.IsSubset)
        {
            problems.AddRange(SubsetProblems(row, parent));
        }

        var indicators = kennzahl is null ? [] : kennzahl.IndicatorsFor(head.Project);
        if (problems.Count == 0 && indicators.Count == 0)
        {
            problems.Add(Problem(row, "A", row.Label, ReasonCode.KennzahlWithoutIndicator,
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

    private IEnumerable<RejectedRow> SubsetProblems(KafRowValues row, KafRowValues? parent)
    {
        if (parent is null)
        {
            yield return Problem(row, "A", row.Label, ReasonCode.SubsetWithoutParent, "Über dem Darunter-Wert steht keine Kennzahl.");
            yield break;
        }

        for (var m = 0; m < 12; m++)
        {
            if (row.Months[m] is { } part && parent.Months[m] is { } whole && part > whole)
            {
                yield return Problem(row, SheetCell.ColumnLetter(m + 1), SheetCell.Raw(row.Cells[m + 1]), ReasonCode.SubsetExceedsParent,
                    string.Create(CultureInfo.InvariantCulture, $"'{row.Label}' ({part}) ist größer als '{parent.Label}' ({whole}) in Zeile {parent.Number}."));
            }
        }
    }

    private RejectedRow Problem(KafRowValues row, string column, string? raw, ReasonCode reason, string message) =>
        new(_options.Sheet, row.Number, column, raw, reason, message);

    private static string Label(object? cell) => SheetCell.Raw(cell)?.Trim() ?? "";

    private static ExtractFileException Head(string fileName, string detail) =>
        new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");

    [GeneratedRegex(@"^KAF_(?<code>[A-Za-z0-9-]+)_(?<year>\d{4})\.(xlsx|xls)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    private sealed record WorkbookHead(string Project, int Year, IReadOnlyList<SourceRow> Rows);
}
