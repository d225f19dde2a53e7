using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Prosoz;

/// <summary>
/// Reads Prosoz HzE exports (<c>Prosoz_HzE_&lt;yyyyMMdd&gt;.csv</c>): one row per case, a full snapshot of the plan
/// year. Cases are checked and counted into the configured rates; only the monthly numerators and denominators leave
/// the reader (<see cref="ExtractReading.Totals"/>), never a case.
/// </summary>
/// <remarks>
/// Areas: the city-wide value counts every valid case, those with Stadtbezirk <c>unbekannt</c> included; each
/// district gets its own observations from the cases of that district on top (so the districts add up to the city
/// minus the unknown ones). Counts are exact here; small counts are suppressed in the reporting views.
/// </remarks>
public sealed partial class ProsozCaseReader : IExtractReader
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "prosoz-csv";

    /// <summary>The series all of a file's values belong to, so that the next export supersedes them.</summary>
    public const string Series = "PROSOZ";

    private readonly string _pipeline;
    private readonly ProsozMapping _mapping;

    private ProsozCaseReader(string pipeline, ProsozMapping mapping)
    {
        _pipeline = pipeline;
        _mapping = mapping;
    }

    /// <summary>Creates the reader from the pipeline's <c>prosoz:</c> section, checked against the catalog and the areas.</summary>
    public static ProsozCaseReader Create(PipelineDefinition pipeline, SourceContext context) =>
        new(pipeline.Name, ProsozMapping.Build(pipeline.ReadSection<ProsozOptions>("prosoz"), context, pipeline.FilePath));

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exportDate))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName, $"{fileName}: erwartet wird Prosoz_HzE_<JJJJMMTT>.csv (Exportdatum).");
        }

        var (head, header) = _mapping.Columns.Find(path, ProsozMapping.Known, fileName);
        var reader = head.OpenData(path);
        try
        {
            var counts = new Dictionary<(int Rate, string Area, int Month), (int Numerator, int Denominator)>();
            var scope = new DeliveryScope(_pipeline, Series, new DateOnly(exportDate.Year, 1, 1), new DateOnly(exportDate.Year, 12, 1));
            return new ExtractReading(scope, Rows(reader, head, header, exportDate, counts), reader) { Totals = Totals(counts, exportDate), Normalisations = header.Protocol(head) };
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    private IEnumerable<SourceRow> Rows(CsvHelper.CsvReader reader, CsvHead head, CsvHeader header, DateOnly exportDate, Dictionary<(int, string, int), (int, int)> counts)
    {
        // Duplicate check: a 128-bit key per case number (see CompactKey; the Fallnummer itself is not kept) and its line.
        var keys = new CompactKey();
        var seen = new Dictionary<UInt128, int>();
        var districts = new AreaNames(_mapping.Areas, AreaLevel.District);
        foreach (var skipped in head.SkippedHead(header.SkipReason))
        {
            yield return skipped;
        }

        while (reader.Read())
        {
            var record = CsvRecord.Current(reader, header);
            if (record.IsBlank)
            {
                yield return new SourceRow.Skipped(record.Line, "Leerzeile");
                continue;
            }

            var row = ProsozRowValues.Parse(record, _mapping, districts, exportDate);
            if (row is not null && keys.Begin().Add(row.CaseNumber).Finish() is var key && !seen.TryAdd(key, record.Line))
            {
                record.RejectIdentifier(ProsozMapping.Fallnummer, ProsozReasons.DuplicateCase,
                    $"Die Fallnummer dieser Zeile steht schon in Zeile {seen[key].ToString(CultureInfo.InvariantCulture)}; gezählt wird jene Zeile.");
            }

            if (row is null || record.HasProblems)
            {
                yield return record.ToRejected();
                continue;
            }

            Count(record, row, exportDate.Year, counts);
            yield return new SourceRow.Accepted(record.Line, []);
        }
    }

    private void Count(CsvRecord record, ProsozRowValues row, int year, Dictionary<(int, string, int), (int Numerator, int Denominator)> counts)
    {
        for (var i = 0; i < _mapping.Options.Rates.Count; i++)
        {
            var rate = _mapping.Options.Rates[i];
            if (!row.Dates.TryGetValue(rate.Month, out var date) || date.Year != year || !rate.Denominator.AllMet(record))
            {
                continue;
            }

            var inNumerator = rate.Numerator.AllMet(record) ? 1 : 0;
            foreach (var area in row.DistrictCode is { } district ? [Area.CityCode, district] : new[] { Area.CityCode })
            {
                var key = (i, area, date.Month);
                var (numerator, denominator) = counts.GetValueOrDefault(key);
                counts[key] = (numerator + inNumerator, denominator + 1);
            }
        }
    }

    private IEnumerable<Observation> Totals(Dictionary<(int Rate, string Area, int Month), (int Numerator, int Denominator)> counts, DateOnly exportDate)
    {
        // Every month from January to the export month, 0 where no case fell into it: the snapshot is complete. The city
        // always, a district wherever it has a case for that rate in the year.
        var lastMonth = exportDate.Month;
        for (var i = 0; i < _mapping.Options.Rates.Count; i++)
        {
            var rate = _mapping.Options.Rates[i];
            var areas = counts.Keys.Where(k => k.Rate == i).Select(k => k.Area).Append(Area.CityCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var area in areas)
            {
                for (var m = 1; m <= lastMonth; m++)
                {
                    var (numerator, denominator) = counts.GetValueOrDefault((i, area, m));
                    yield return new Observation(rate.Indicator, new DateOnly(exportDate.Year, m, 1), area, Series,
                        denominator == 0 ? null : Math.Round(100m * numerator / denominator, 4))
                    {
                        Numerator = numerator,
                        Denominator = denominator,
                    };
                }
            }
        }
    }

    [GeneratedRegex(@"^Prosoz_HzE_(?<date>\d{8})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
