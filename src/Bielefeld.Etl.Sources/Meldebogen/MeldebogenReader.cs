using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Sources.Workbooks;
using CsvHelper;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// Reads filled Meldebogen files (Excel sheet <c>Meldebogen</c>, or CSV): header in row 1, one report per row.
/// Reports replace earlier reports of the same indicator, month and area one by one (<see cref="SupersedeMode.PerValue"/>);
/// the file has no Datenstand, so the later file wins.
/// </summary>
public sealed class MeldebogenReader : IExtractReader
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "meldebogen";

    private readonly string _pipeline;
    private readonly PlanCatalog _plan;
    private readonly AreaCatalog _areas;
    private readonly MeldebogenMapping _mapping;

    static MeldebogenReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private MeldebogenReader(string pipeline, SourceContext context, MeldebogenMapping mapping)
    {
        _pipeline = pipeline;
        _plan = context.Plan;
        _areas = context.Areas;
        _mapping = mapping;
    }

    /// <summary>Creates the reader from the pipeline's <c>meldebogen:</c> section, checked against the catalog.</summary>
    public static MeldebogenReader Create(PipelineDefinition pipeline, SourceContext context) =>
        new(pipeline.Name, context, MeldebogenMapping.Read(pipeline, context.Plan));

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var extension = Path.GetExtension(path).ToUpperInvariant();
        var scope = new DeliveryScope(_pipeline, null, new DateOnly(_plan.Year - 1, 1, 1), new DateOnly(_plan.Year + 1, 12, 1))
        {
            Mode = SupersedeMode.PerValue,
        };
        return extension switch
        {
            ".XLSX" or ".XLS" => OpenWorkbook(path, fileName, scope),
            ".CSV" => OpenCsv(path, fileName, scope),
            _ => throw new ExtractFileException(FileReasons.UnexpectedName, $"{fileName}: ein Meldebogen ist eine .xlsx- oder .csv-Datei."),
        };
    }

    private ExtractReading OpenWorkbook(string path, string fileName, DeliveryScope scope)
    {
        var stream = File.OpenRead(path);
        IExcelDataReader? excel = null;
        try
        {
            try
            {
                excel = ExcelReaderFactory.CreateReader(stream);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                throw new ExtractFileException(FileReasons.Unreadable, $"{fileName}: keine lesbare Excel-Mappe ({ex.Message}).", ex);
            }

            var protocol = new NormalisationProtocol();
            var sheet = SheetChoice.MoveTo(excel, fileName, _mapping.Options.Sheet, _mapping.Options.SheetAliases, protocol);
            var head = SheetHead.Read(excel, MeldebogenColumns.Header.Count);
            if (head.Rows.Count == 0)
            {
                throw Head(fileName, "das Blatt ist leer; in Zeile 1 wird die Kopfzeile erwartet.");
            }

            // The header row is the one that names the Indikator and Periode columns; above it may stand a title block.
            var headerRow = head.FindHeader(r => IsHeader(head.Rows[r]), fileName, "'Indikator' und 'Periode'", 0, sheet, protocol);
            var header = head.HeaderCells(headerRow, sheet, protocol).Select(c => GermanLabel.Of(c)).ToList();
            foreach (var (cell, column) in head.Rows[headerRow].Select((c, i) => (c, i)))
            {
                protocol.Note(cell is string text ? LabelNote(text) : null, sheet, headerRow + 1, SheetCell.ColumnLetter(column));
            }

            var columns = MapHeader(header, fileName);
            var rows = WorkbookRows(excel, sheet, columns, headerRow + 1, head.Rows.Skip(headerRow + 1), protocol);
            return new ExtractReading(scope, rows, new CompositeDisposable(excel, stream)) { Sheet = sheet, Normalisations = protocol };
        }
        catch
        {
            excel?.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private IEnumerable<SourceRow> WorkbookRows(
        IExcelDataReader excel, string sheet, IReadOnlyDictionary<string, int> columns, int headerRow, IEnumerable<object?[]> pending, NormalisationProtocol protocol)
    {
        var check = new MeldebogenRowCheck(_plan, _areas, _mapping);
        for (var r = 1; r <= headerRow; r++)
        {
            yield return new SourceRow.Skipped(r, r == headerRow ? "Kopfzeile" : "Titelblock");
        }

        var number = headerRow;
        foreach (var values in pending.Concat(Remaining(excel)))
        {
            number++;
            var cells = columns.ToDictionary(c => c.Key, c => (c.Value < values.Length ? values[c.Value] : null, SheetCell.ColumnLetter(c.Value)), StringComparer.Ordinal);
            yield return check.Check(new MeldebogenRowValues(number, sheet, cells) { Protocol = protocol });
        }
    }

    private static IEnumerable<object?[]> Remaining(IExcelDataReader excel)
    {
        while (excel.Read())
        {
            yield return SheetHead.Cells(excel, MeldebogenColumns.Header.Count);
        }
    }

    private static bool IsHeader(object?[] cells)
    {
        var names = cells.Select(c => MeldebogenColumns.Normalise(GermanLabel.Of(c))).ToHashSet(StringComparer.Ordinal);
        return names.Contains(MeldebogenColumns.Normalise(MeldebogenColumns.Indikator)) && names.Contains(MeldebogenColumns.Normalise(MeldebogenColumns.Periode));
    }

    private static Normalisation? LabelNote(string text)
    {
        GermanLabel.Read(text, out var note);
        return note;
    }

    private ExtractReading OpenCsv(string path, string fileName, DeliveryScope scope)
    {
        var head = CsvHead.Find(path, fileName, fields => IsHeader([.. fields]), fields => MapHeader([.. fields.Select(f => GermanLabel.Normalise(f))], fileName));
        var header = head.Fields.Select(h => GermanLabel.Normalise(h)).ToList();
        var columns = MapHeader(header, fileName);
        var protocol = new NormalisationProtocol();
        head.Note(protocol);
        CsvReader reader;
        try
        {
            reader = head.OpenData(path);
        }
        catch (CsvFormatException ex)
        {
            throw new ExtractFileException(FileReasons.Unreadable, $"{fileName}: keine lesbare CSV-Datei ({ex.Message}).", ex);
        }

        return new ExtractReading(scope, CsvRows(reader, head, columns, header), reader) { Normalisations = protocol };
    }

    private IEnumerable<SourceRow> CsvRows(CsvReader reader, CsvHead head, IReadOnlyDictionary<string, int> columns, List<string> header)
    {
        var check = new MeldebogenRowCheck(_plan, _areas, _mapping);
        foreach (var skipped in head.SkippedHead("Kopfzeile"))
        {
            yield return skipped;
        }

        while (reader.Read())
        {
            var cells = columns.ToDictionary(c => c.Key, c => ((object?)(c.Value < reader.FieldCount ? reader.GetString(c.Value) : null), header[c.Value]), StringComparer.Ordinal);
            yield return check.Check(new MeldebogenRowValues((int)reader.LineNumber, null, cells));
        }
    }

    /// <summary>Contract column → index in the file. Missing required columns refuse the file; unknown extra columns are ignored.</summary>
    private static Dictionary<string, int> MapHeader(List<string> header, string fileName)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = MeldebogenColumns.Header.FirstOrDefault(h => MeldebogenColumns.Normalise(h) == MeldebogenColumns.Normalise(header[i]));
            if (name is not null && !columns.TryAdd(name, i))
            {
                throw Head(fileName, $"die Spalte '{name}' steht zweimal in der Kopfzeile.");
            }
        }

        var missing = MeldebogenColumns.Required.Where(c => !columns.ContainsKey(c)).ToList();
        return missing.Count == 0
            ? columns
            : throw Head(fileName, $"in der Kopfzeile fehlen die Spalten {string.Join(", ", missing)}; einen neuen Meldebogen erzeugen und die Meldungen übertragen.");
    }

    private static ExtractFileException Head(string fileName, string detail) => new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");
}
