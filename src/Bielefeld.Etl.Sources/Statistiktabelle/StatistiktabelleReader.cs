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

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>
/// Reads an official statistics table (IT.NRW Landesdatenbank, Statistikamt Nord, …) as its pipeline file describes
/// it (<see cref="StatistiktabelleOptions"/>): title block, a header of one or more rows found by its content, wide or
/// long layout, the table's symbols, footnotes, and the <c>Stand</c> line as the Datenstand of every value. A later
/// Stand supersedes an earlier one value by value, whatever order the files arrive in; a table without a Stand line
/// replaces the months it covers completely. Series the pipeline declares as <c>Kontext.&lt;name&gt;</c> join the
/// warehouse as context series, areas outside Bielefeld it declares as context areas (<see cref="IContextSource"/>).
/// </summary>
public sealed class StatistiktabelleReader : IExtractReader, IContextSource
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "statistiktabelle";

    /// <summary>The pipeline file's section this reader reads.</summary>
    public const string Section = "statistiktabelle";

    private readonly string _pipeline;
    private readonly StatistiktabelleMapping _mapping;

    static StatistiktabelleReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private StatistiktabelleReader(string pipeline, StatistiktabelleMapping mapping)
    {
        _pipeline = pipeline;
        _mapping = mapping;
    }

    /// <inheritdoc />
    public IReadOnlyList<Indicator> ContextIndicators => _mapping.ContextIndicators;

    /// <inheritdoc />
    public IReadOnlyList<Area> ContextAreas => _mapping.ContextAreas;

    /// <summary>The series every value of the table belongs to, whichever vintage delivered it.</summary>
    public string SeriesKey => $"{_pipeline}:{_mapping.Options.Code}";

    /// <summary>Creates the reader from the pipeline's <c>statistiktabelle:</c> section, checked against catalog and areas.</summary>
    public static StatistiktabelleReader Create(PipelineDefinition pipeline, SourceContext context) =>
        new(pipeline.Name, StatistiktabelleMapping.Build(pipeline.ReadSection<StatistiktabelleOptions>(Section), context, pipeline.FilePath));

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var (stream, excel) = ExcelWorkbook.Open(path);

        try
        {
            var protocol = new NormalisationProtocol();
            var sheet = MoveToSheet(excel, fileName, protocol);
            // The Stand line often closes the footnotes, and merged header cells are only listed after the rows:
            // one streaming pass finds both, then the sheet is read again from its top.
            var (stand, standRow, merges) = FirstPass(excel, fileName);
            excel.Reset();
            MoveToSheet(excel, fileName, new NormalisationProtocol());
            var head = TableHead.Read(excel, _mapping, merges, fileName, sheet, protocol);
            CheckTitle(head, fileName);
            var body = new TableBody(_mapping, head, fileName, sheet, SeriesKey, stand, standRow, protocol);
            var rows = head.Rows.Concat(_mapping.IsLong ? body.ReadLong(excel) : body.ReadWide(excel));
            var mode = stand is null ? SupersedeMode.FullSnapshot : SupersedeMode.PerValue;
            var fallback = _mapping.FixedMonth ?? (stand is { } s ? new DateOnly(s.Year, s.Month, 1) : new DateOnly(2000, 1, 1));
            return new ExtractReading(
                () => new DeliveryScope(_pipeline, mode == SupersedeMode.PerValue ? null : SeriesKey, body.First ?? fallback, body.Last ?? fallback) { Mode = mode },
                rows,
                new CompositeDisposable(excel, stream))
            {
                Sheet = sheet,
                Normalisations = protocol,
            };
        }
        catch
        {
            excel.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private string MoveToSheet(IExcelDataReader excel, string fileName, NormalisationProtocol protocol) =>
        string.IsNullOrWhiteSpace(_mapping.Options.Sheet)
            ? excel.Name ?? ""
            : SheetChoice.MoveTo(excel, fileName, _mapping.Options.Sheet, _mapping.Options.SheetAliases, protocol);

    private (DateOnly? Stand, int? Row, IReadOnlyList<CellRange> Merges) FirstPass(IExcelDataReader excel, string fileName)
    {
        var found = new List<(int Row, DateOnly Date, string Raw)>();
        var number = 0;
        while (excel.Read())
        {
            number++;
            if (_mapping.StandPattern is not { } pattern)
            {
                continue;
            }

            if (StandIn(excel, pattern) is not { } raw)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(raw, _mapping.Options.Stand!.Format, GermanValues.Culture, DateTimeStyles.None, out var date))
            {
                throw new ExtractFileException(StatistiktabelleReasons.MissingStand,
                    $"{fileName}: der Stand '{raw}' in Zeile {number.ToString(CultureInfo.InvariantCulture)} ist kein Datum im Format {_mapping.Options.Stand.Format}.");
            }

            found.Add((number, date, raw));
        }

        var merges = excel.MergeCells?.ToList() ?? [];
        if (_mapping.StandPattern is null)
        {
            return (null, null, merges);
        }

        if (found.Count == 0)
        {
            throw new ExtractFileException(StatistiktabelleReasons.MissingStand,
                $"{fileName}: keine Zeile nennt den Stand der Tabelle (Muster '{_mapping.Options.Stand!.Pattern}'); ohne ihn ist nicht zu entscheiden, welche Lieferung gilt.");
        }

        if (found.Select(f => f.Date).Distinct().Count() > 1)
        {
            throw new ExtractFileException(StatistiktabelleReasons.MissingStand,
                $"{fileName}: die Tabelle nennt mehrere Stände ({string.Join(", ", found.Select(f => f.Raw))}); welcher gilt, wäre geraten.");
        }

        return (found[0].Date, found[0].Row, merges);
    }

    /// <summary>
    /// The Stand a row names: in one cell (<c>Stand: 21.07.2014</c>), or, as offices also lay it out, split over the
    /// row's cells (<c>Stand:</c> beside a text or date-typed cell), which is read as the cells' texts joined by a space.
    /// </summary>
    private string? StandIn(IExcelDataReader excel, Regex pattern)
    {
        var cells = new List<string>();
        for (var i = 0; i < excel.FieldCount; i++)
        {
            var text = excel.GetValue(i) switch
            {
                string s => GermanLabel.Normalise(s),
                DateTime d => d.ToString(_mapping.Options.Stand!.Format, GermanValues.Culture),
                _ => "",
            };
            if (text.Length == 0)
            {
                continue;
            }

            if (pattern.Match(text) is { Success: true } match)
            {
                return match.Groups["stand"].Value;
            }

            cells.Add(text);
        }

        return cells.Count > 1 && pattern.Match(string.Join(' ', cells)) is { Success: true } joined ? joined.Groups["stand"].Value : null;
    }

    private void CheckTitle(TableHead head, string fileName)
    {
        var title = head.Title;
        var missing = _mapping.Options.Title.Where(t => !title.Contains(GermanLabel.Normalise(t), StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                $"{fileName}: der Titelblock nennt {string.Join(", ", missing.Select(m => $"'{m}'"))} nicht (vorhanden: {string.Join(" | ", title)}); es ist nicht die Tabelle {_mapping.Options.Code}.");
        }

        if (_mapping.Options.Area.Title is { } areaTitle && !title.Contains(GermanLabel.Normalise(areaTitle), StringComparer.OrdinalIgnoreCase))
        {
            throw new ExtractFileException(StatistiktabelleReasons.ForeignArea,
                $"{fileName}: der Titelblock nennt nicht '{areaTitle}' (vorhanden: {string.Join(" | ", title)}); die Pipeline liest die Tabelle für {_mapping.TableArea?.Name}.");
        }
    }
}
