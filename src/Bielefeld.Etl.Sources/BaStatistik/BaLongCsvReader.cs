using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using CsvHelper;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// Reads a long CSV special evaluation: one row per Berichtsmonat, Datenstand, region, Merkmal and value; several
/// months and regions per file. Each row is one value with its Datenstand, delivered per value.
/// </summary>
internal sealed partial class BaLongCsvReader(string pipeline, BaStatistikMapping mapping, AreaCatalog areas)
{
    private static readonly SearchValues<byte> AsciiWhiteSpace = SearchValues.Create(" \t\n\v\f\r"u8);

    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var name = FileNamePattern().Match(fileName);
        if (!name.Success || !DateOnly.TryParseExact(name.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var delivered))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird BA_SA_<Thema>_<JJJJMMTT>.csv, z. B. BA_SA_Alleinerziehende_20170714.csv.");
        }

        // One pass: the months the file covers (the load record's period) are gathered while the rows stream; the scope
        // answers with the delivery month until the first month is read, and with the file's range once all rows are.
        var reader = OpenCsv(path, fileName, out var columns);
        var state = new BaLongCsvState(columns, new DateOnly(delivered.Year, delivered.Month, 1));
        return new ExtractReading(
            () => new DeliveryScope(pipeline, null, state.First ?? state.Fallback, state.Last ?? state.Fallback) { Mode = SupersedeMode.PerValue },
            ReadRows(reader, state), reader);
    }

    private CsvReader OpenCsv(string path, string fileName, out Columns columns)
    {
        CsvReader reader;
        try
        {
            reader = CsvReader.FromFile(path, new CsvReaderOptions
            {
                Encoding = ExtractEncoding.Detect(path),
                TrackLineNumbers = true,
                SkipEmptyLines = false,
                TrimWhitespace = true,
                MaxRecordSize = Limits.ExtractLimits.Default.MaxRecordBytes,
            });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ExtractFileException(FileReasons.Unreadable, $"{fileName}: keine lesbare CSV-Datei ({ex.Message}).", ex);
        }

        try
        {
            columns = ColumnsOf(reader.Headers.Select(h => h.Trim().TrimStart('\uFEFF')).ToList(), fileName);
            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private Columns ColumnsOf(List<string> headers, string fileName)
    {
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var (column, names) in mapping.ColumnNames)
        {
            var indexes = Enumerable.Range(0, headers.Count)
                .Where(i => names.Contains(headers[i], StringComparer.OrdinalIgnoreCase)).ToList();
            switch (indexes.Count)
            {
                case 0:
                    missing.Add(column);
                    break;
                case 1:
                    found[column] = indexes[0];
                    break;
                default:
                    throw new ExtractFileException(FileReasons.UnexpectedHead, $"{fileName}: die Spalte '{column}' steht mehrfach in der Kopfzeile.");
            }
        }

        if (missing.Count > 0)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                $"{fileName}: es fehlen die Spalten {string.Join(", ", missing)} (Kopfzeile: {string.Join(";", headers)}); ein umbenannter Spaltenkopf wird in pipelines/{pipeline}.yml als Alias eingetragen.");
        }

        return new Columns(found["Berichtsmonat"], found["Datenstand"], found["Regionstyp"], found["Regionsschluessel"], found["Region"], found["Merkmal"], found["Wert"], headers);
    }

    private IEnumerable<SourceRow> ReadRows(CsvReader reader, BaLongCsvState state)
    {
        yield return new SourceRow.Skipped(1, "Kopfzeile");
        while (reader.Read())
        {
            var number = checked((int)reader.LineNumber);
            if (IsBlank(reader))
            {
                yield return new SourceRow.Skipped(number, "Leerzeile");
                continue;
            }

            yield return ReadRow(reader, state, number);
        }
    }

    /// <summary>Whether every field is empty or white space (as <see cref="string.IsNullOrWhiteSpace"/> says), without decoding ASCII fields.</summary>
    private static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);
            if (bytes.IsEmpty)
            {
                continue;
            }

            var blank = Ascii.IsValid(bytes) ? bytes.IndexOfAnyExcept(AsciiWhiteSpace) < 0 : string.IsNullOrWhiteSpace(reader.GetString(i));
            if (!blank)
            {
                return false;
            }
        }

        return true;
    }

    private SourceRow ReadRow(CsvReader reader, BaLongCsvState state, int number)
    {
        var fields = state.Fields;
        var columns = state.Columns;
        fields.Load(reader);
        RejectedRow Problem(int column, string? raw, ReasonCode reason, string message) => new(null, number, columns.Headers[column], raw, reason, message);

        // The scope counts every month the file names, also in rows that are rejected for other reasons.
        var month = state.Month(fields.Get(columns.Month));
        if (month is { } seen)
        {
            state.First = state.First is { } f && f < seen ? f : seen;
            state.Last = state.Last is { } l && l > seen ? l : seen;
        }

        if (state.Merkmal(mapping, fields.Get(columns.Merkmal)) is not { } merkmal)
        {
            var merkmalText = fields.Text(columns.Merkmal);
            return new SourceRow.Rejected(number, [Problem(columns.Merkmal, merkmalText, BaStatistikReasons.UnknownMerkmal,
                $"Das Merkmal '{merkmalText}' ist nicht bekannt; ein neues Merkmal oder eine neue Schreibweise wird in pipelines/{pipeline}.yml eingetragen.")]);
        }

        var regionType = RegionType(fields.Get(columns.RegionType));
        if (regionType is null)
        {
            var type = fields.Text(columns.RegionType);
            return new SourceRow.Rejected(number, [Problem(columns.RegionType, type, BaStatistikReasons.UnknownRegionType,
                $"Der Regionstyp '{type}' ist weder Stadt noch Stadtbezirk noch Quartier.")]);
        }

        if (!merkmal.Feeds(regionType))
        {
            return new SourceRow.Skipped(number, $"Regionstyp {regionType} wird für '{merkmal.Label}' nicht geladen");
        }

        List<RejectedRow>? problems = null;
        void Add(RejectedRow problem) => (problems ??= []).Add(problem);
        if (month is null)
        {
            var monthText = fields.Text(columns.Month);
            Add(Problem(columns.Month, monthText, BaStatistikReasons.InvalidMonth, $"'{monthText}' ist kein Berichtsmonat im Format JJJJMM (z. B. 201706)."));
        }

        var status = state.Status(fields.Get(columns.DataStatus));
        if (status is null)
        {
            var statusText = fields.Text(columns.DataStatus);
            Add(Problem(columns.DataStatus, statusText, BaStatistikReasons.InvalidDataStatus, $"'{statusText}' ist kein Datenstand im Format TT.MM.JJJJ."));
        }
        else if (month is { } m && status < m)
        {
            Add(Problem(columns.DataStatus, fields.Text(columns.DataStatus), BaStatistikReasons.InvalidDataStatus,
                string.Create(GermanValues.Culture, $"Der Datenstand {status:dd.MM.yyyy} liegt vor dem Berichtsmonat {m:MM/yyyy}.")));
        }

        var region = state.Region(areas, regionType, fields, columns);
        if (region.Reason is { } regionReason)
        {
            var column = region.Column == "Region" ? columns.Region : columns.RegionKey;
            Add(Problem(column, region.Raw, regionReason, region.Message!));
        }

        var value = BaValue.ParseText(fields.Get(columns.Value));
        if (value.Problem(merkmal.Indicator) is not null)
        {
            // The message quotes the cell as written: parsed again from the text, only for the rare rejected value.
            var valueText = fields.Text(columns.Value);
            var problem = BaValue.Parse(valueText).Problem(merkmal.Indicator)!.Value;
            Add(Problem(columns.Value, valueText, problem.Reason, problem.Message));
        }

        if (problems is not null)
        {
            return new SourceRow.Rejected(number, problems);
        }

        if (!value.IsObservation)
        {
            return new SourceRow.Skipped(number, $"kein Wert ({value.NoValueReason})");
        }

        var area = region.Area!;
        if (!state.Seen.Add(merkmal.Indicator, month!.Value, area))
        {
            return new SourceRow.Rejected(number, [new RejectedRow(null, number, null, null, BaStatistikReasons.Duplicate,
                string.Create(GermanValues.Culture, $"'{merkmal.Label}' für {area.Name}, Berichtsmonat {month:MM/yyyy}, steht bereits weiter oben in der Datei."))]);
        }

        return new SourceRow.Accepted(number,
        [
            new Observation(merkmal.Indicator.Code, month.Value, area.Code, state.SeriesKey(merkmal.Indicator.Code), value.Number)
            {
                Suppressed = value.Kind == BaValueKind.Suppressed,
                Vintage = status,
            },
        ]);
    }

    private static string? RegionType(ReadOnlySpan<char> text)
    {
        foreach (var type in BaStatistikMapping.RegionTypes)
        {
            if (text.Equals(type, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        return null;
    }

    [GeneratedRegex(@"^BA_SA_(?<thema>.+)_(?<date>\d{8})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    internal sealed record Columns(int Month, int DataStatus, int RegionType, int RegionKey, int Region, int Merkmal, int Value, IReadOnlyList<string> Headers);
}
