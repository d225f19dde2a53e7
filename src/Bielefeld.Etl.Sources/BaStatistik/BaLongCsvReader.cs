using System.Globalization;
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
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var name = FileNamePattern().Match(fileName);
        if (!name.Success || !DateOnly.TryParseExact(name.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var delivered))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird BA_SA_<Thema>_<JJJJMMTT>.csv, z. B. BA_SA_Alleinerziehende_20170714.csv.");
        }

        // A first pass reads the months the file covers (the load record's period); the second yields the rows.
        DateOnly? first = null, last = null;
        using (var scan = OpenCsv(path, fileName, out var scanColumns))
        {
            while (scan.Read())
            {
                if (ParseMonth(Field(scan, scanColumns.Month)) is { } month)
                {
                    first = first is { } f && f < month ? f : month;
                    last = last is { } l && l > month ? l : month;
                }
            }
        }

        var fallback = new DateOnly(delivered.Year, delivered.Month, 1);
        var scope = new DeliveryScope(pipeline, null, first ?? fallback, last ?? fallback) { Mode = SupersedeMode.PerValue };
        var reader = OpenCsv(path, fileName, out var columns);
        return new ExtractReading(scope, ReadRows(reader, columns), reader);
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

    private IEnumerable<SourceRow> ReadRows(CsvReader reader, Columns columns)
    {
        yield return new SourceRow.Skipped(1, "Kopfzeile");
        var seen = new HashSet<(string Indicator, DateOnly Month, string Area)>();
        while (reader.Read())
        {
            var number = checked((int)reader.LineNumber);
            if (Enumerable.Range(0, reader.FieldCount).All(i => string.IsNullOrWhiteSpace(reader.GetString(i))))
            {
                yield return new SourceRow.Skipped(number, "Leerzeile");
                continue;
            }

            yield return ReadRow(reader, columns, number, seen);
        }
    }

    private SourceRow ReadRow(CsvReader reader, Columns columns, int number, HashSet<(string, DateOnly, string)> seen)
    {
        var merkmalText = Field(reader, columns.Merkmal);
        var type = Field(reader, columns.RegionType);
        RejectedRow Problem(int column, string? raw, ReasonCode reason, string message) => new(null, number, columns.Headers[column], raw, reason, message);

        if (mapping.FindMerkmal(merkmalText) is not { } merkmal)
        {
            return new SourceRow.Rejected(number, [Problem(columns.Merkmal, merkmalText, BaStatistikReasons.UnknownMerkmal,
                $"Das Merkmal '{merkmalText}' ist nicht bekannt; ein neues Merkmal oder eine neue Schreibweise wird in pipelines/{pipeline}.yml eingetragen.")]);
        }

        var regionType = BaStatistikMapping.RegionTypes.FirstOrDefault(t => string.Equals(t, type, StringComparison.OrdinalIgnoreCase));
        if (regionType is null)
        {
            return new SourceRow.Rejected(number, [Problem(columns.RegionType, type, BaStatistikReasons.UnknownRegionType,
                $"Der Regionstyp '{type}' ist weder Stadt noch Stadtbezirk noch Quartier.")]);
        }

        if (!merkmal.Feeds(regionType))
        {
            return new SourceRow.Skipped(number, $"Regionstyp {regionType} wird für '{merkmal.Label}' nicht geladen");
        }

        var problems = new List<RejectedRow>();
        var monthText = Field(reader, columns.Month);
        var month = ParseMonth(monthText);
        if (month is null)
        {
            problems.Add(Problem(columns.Month, monthText, BaStatistikReasons.InvalidMonth, $"'{monthText}' ist kein Berichtsmonat im Format JJJJMM (z. B. 201706)."));
        }

        var statusText = Field(reader, columns.DataStatus);
        DateOnly? status = DateOnly.TryParseExact(statusText, "dd.MM.yyyy", German, DateTimeStyles.None, out var s) ? s : null;
        if (status is null)
        {
            problems.Add(Problem(columns.DataStatus, statusText, BaStatistikReasons.InvalidDataStatus, $"'{statusText}' ist kein Datenstand im Format TT.MM.JJJJ."));
        }
        else if (month is { } m && status < m)
        {
            problems.Add(Problem(columns.DataStatus, statusText, BaStatistikReasons.InvalidDataStatus,
                string.Create(German, $"Der Datenstand {status:dd.MM.yyyy} liegt vor dem Berichtsmonat {m:MM/yyyy}.")));
        }

        var region = BaRegion.Resolve(areas, regionType, Field(reader, columns.RegionKey), Field(reader, columns.Region));
        if (region.Reason is { } regionReason)
        {
            var column = region.Column == "Region" ? columns.Region : columns.RegionKey;
            problems.Add(Problem(column, region.Raw, regionReason, region.Message!));
        }

        var valueText = Field(reader, columns.Value);
        var value = BaValue.Parse(valueText);
        if (value.Problem(merkmal.Indicator) is { } valueProblem)
        {
            problems.Add(Problem(columns.Value, valueText, valueProblem.Reason, valueProblem.Message));
        }

        if (problems.Count > 0)
        {
            return new SourceRow.Rejected(number, problems);
        }

        if (!value.IsObservation)
        {
            return new SourceRow.Skipped(number, $"kein Wert ({value.NoValueReason})");
        }

        var area = region.Area!;
        if (!seen.Add((merkmal.Indicator.Code, month!.Value, area.Code)))
        {
            return new SourceRow.Rejected(number, [new RejectedRow(null, number, null, null, BaStatistikReasons.Duplicate,
                string.Create(German, $"'{merkmal.Label}' für {area.Name}, Berichtsmonat {month:MM/yyyy}, steht bereits weiter oben in der Datei."))]);
        }

        return new SourceRow.Accepted(number,
        [
            new Observation(merkmal.Indicator.Code, month.Value, area.Code, BaStatistikReader.SeriesKey(merkmal.Indicator.Code), value.Number)
            {
                Suppressed = value.Kind == BaValueKind.Suppressed,
                Vintage = status,
            },
        ]);
    }

    private static string Field(CsvReader reader, int index) => index < reader.FieldCount ? (reader.GetString(index) ?? "").Trim() : "";

    private static DateOnly? ParseMonth(string text) =>
        text.Length == 6 && DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) ? month : null;

    [GeneratedRegex(@"^BA_SA_(?<thema>.+)_(?<date>\d{8})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    private sealed record Columns(int Month, int DataStatus, int RegionType, int RegionKey, int Region, int Merkmal, int Value, IReadOnlyList<string> Headers);
}
