using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Einwohnermeldeamt;

/// <summary>
/// Reads the quarterly population counts (<c>EWO_Bestand_&lt;yyyyMMdd&gt;.csv</c>, reference date in the name) and sums
/// them into the context series the pipeline declares (<see cref="IContextSource"/>): one stock value per series,
/// reference month and area (city, each district, each quarter that config/bereiche.yml knows).
/// </summary>
/// <remarks>
/// A quarter the area catalog does not know still counts for its district and the city; a known quarter listed under
/// another district is rejected. Control-total rows (Altersgruppe <c>insgesamt</c>) are optional and checked against
/// their detail rows, so the file is read twice. A re-delivery for the same reference date replaces the earlier file
/// completely (full snapshot of the reference month), so totals never add up across two deliveries.
/// Counts are exact here; counts of 1 or 2 at quarter level are suppressed in the reporting views.
/// </remarks>
public sealed partial class EinwohnermeldeamtCountReader : IExtractReader, IContextSource
{
    /// <summary>The reader's name in pipeline files.</summary>
    public const string Name = "einwohnermeldeamt-csv";

    /// <summary>The series all of a file's values belong to.</summary>
    public const string Series = "EWO";

    private readonly string _pipeline;
    private readonly EinwohnermeldeamtMapping _mapping;

    private EinwohnermeldeamtCountReader(string pipeline, EinwohnermeldeamtMapping mapping)
    {
        _pipeline = pipeline;
        _mapping = mapping;
    }

    /// <inheritdoc />
    public IReadOnlyList<Indicator> ContextIndicators => _mapping.Indicators;

    /// <summary>Creates the reader from the pipeline's <c>einwohnermeldeamt:</c> section.</summary>
    public static EinwohnermeldeamtCountReader Create(PipelineDefinition pipeline, SourceContext context) =>
        new(pipeline.Name, EinwohnermeldeamtMapping.Build(pipeline.ReadSection<EinwohnermeldeamtOptions>("einwohnermeldeamt"), context, pipeline.FilePath));

    /// <inheritdoc />
    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var match = FileNamePattern().Match(fileName);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var referenceDate)
            || referenceDate.Month % 3 != 0 || referenceDate.AddDays(1).Day != 1)
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird EWO_Bestand_<JJJJMMTT>.csv mit einem Quartalsende (31.03., 30.06., 30.09., 31.12.) als Stichtag.");
        }

        var (head, header) = _mapping.Columns.Find(path, EinwohnermeldeamtMapping.Known, fileName);

        var month = new DateOnly(referenceDate.Year, referenceDate.Month, 1);
        // Per area the sum of each context series (index as in the pipeline): one lookup per area and row.
        var sums = new Dictionary<string, long[]>(StringComparer.Ordinal);
        var scope = new DeliveryScope(_pipeline, Series, month, month);
        return new ExtractReading(scope, Rows(path, fileName, head, header, referenceDate, sums), null) { Totals = Totals(sums, month), Normalisations = header.Protocol(head) };
    }

    private IEnumerable<SourceRow> Rows(string path, string fileName, CsvHead head, CsvHeader header, DateOnly referenceDate, Dictionary<string, long[]> sums)
    {
        var (firstLines, detailSums) = FirstPass(path, fileName, head, header, referenceDate);
        var keys = new CompactKey();
        var quarters = new AreaNames(_mapping.Areas, AreaLevel.Quarter);
        using var reader = head.OpenData(path);
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

            var row = EinwohnermeldeamtRowValues.Parse(record, _mapping, quarters, referenceDate, fileName);
            if (row is not null && firstLines.TryGetValue(Key(keys, row), out var first) && first != record.Line)
            {
                record.RejectRow(EinwohnermeldeamtReasons.DuplicateRow,
                    $"{row.QuarterName}, {row.AgeBand}, {row.Sex}, {row.Migration} steht schon in Zeile {first.ToString(CultureInfo.InvariantCulture)}; gezählt wird jene Zeile.");
            }
            else if (row is { IsTotal: true } && detailSums.GetValueOrDefault(TotalKey(keys, row)) is var computed && computed != row.Count)
            {
                record.Reject(EinwohnermeldeamtMapping.Anzahl, EinwohnermeldeamtReasons.ControlTotalMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"Kontrollsumme {row.Count} für {row.QuarterName} ({row.Sex}, {row.Migration}) weicht von der Summe der Einzelzeilen {computed} ab."));
            }

            if (row is null || record.HasProblems)
            {
                yield return record.ToRejected();
                continue;
            }

            if (!row.IsTotal)
            {
                Add(row, sums);
            }

            yield return new SourceRow.Accepted(record.Line, []);
        }
    }

    /// <summary>
    /// The first pass: for every row key the line of its first row (the one that counts; a later row with the same key
    /// is a duplicate), and per control-total key the sum of the counting detail rows. One 128-bit key (see
    /// <see cref="CompactKey"/>) and a line number per distinct row, not the strings; the second pass reuses the map.
    /// </summary>
    private (Dictionary<UInt128, int> FirstLines, Dictionary<UInt128, long> DetailSums) FirstPass(
        string path, string fileName, CsvHead head, CsvHeader header, DateOnly referenceDate)
    {
        var keys = new CompactKey();
        var quarters = new AreaNames(_mapping.Areas, AreaLevel.Quarter);
        var firstLines = new Dictionary<UInt128, int>();
        var sums = new Dictionary<UInt128, long>();
        using var reader = head.OpenData(path);
        while (reader.Read())
        {
            var record = CsvRecord.Current(reader, header);
            if (!record.IsBlank && EinwohnermeldeamtRowValues.Parse(record, _mapping, quarters, referenceDate, fileName) is { } row
                && firstLines.TryAdd(Key(keys, row), record.Line) && !row.IsTotal)
            {
                var total = TotalKey(keys, row);
                CollectionsMarshal.GetValueRefOrAddDefault(sums, total, out _) += row.Count;
            }
        }

        return (firstLines, sums);
    }

    private void Add(EinwohnermeldeamtRowValues row, Dictionary<string, long[]> sums)
    {
        // What the row adds to each series (its count or 0), decided once, then added to each of its areas.
        var series = _mapping.Options.Context;
        Span<long> added = series.Count <= 64 ? stackalloc long[series.Count] : new long[series.Count];
        for (var i = 0; i < added.Length; i++)
        {
            added[i] = _mapping.Counts(series[i], row) ? row.Count : 0;
        }

        AddTo(Area.CityCode, added, sums);
        AddTo(row.DistrictCode, added, sums);
        if (row.QuarterCode is { } quarter)
        {
            AddTo(quarter, added, sums);
        }
    }

    private static void AddTo(string area, ReadOnlySpan<long> added, Dictionary<string, long[]> sums)
    {
        // Every area the file speaks for gets a value, 0 included: the file is complete for its reference date.
        ref var byArea = ref CollectionsMarshal.GetValueRefOrAddDefault(sums, area, out _);
        byArea ??= new long[added.Length];
        for (var i = 0; i < added.Length; i++)
        {
            byArea[i] += added[i];
        }
    }

    private IEnumerable<Observation> Totals(Dictionary<string, long[]> sums, DateOnly month)
    {
        var areas = sums.Keys.Order(StringComparer.Ordinal).ToList();
        for (var series = 0; series < _mapping.Options.Context.Count; series++)
        {
            foreach (var area in areas)
            {
                yield return new Observation(_mapping.Options.Context[series].Code, month, area, Series, sums[area][series]);
            }
        }
    }

    /// <summary>A row's identity: district, quarter and age band (case-insensitive), sex, migration background.</summary>
    private static UInt128 Key(CompactKey keys, EinwohnermeldeamtRowValues row) =>
        keys.Begin().Add(row.DistrictCode).AddUpperInvariant(row.QuarterName).AddUpperInvariant(row.AgeBand).Add(row.Sex).Add(row.Migration).Finish();

    /// <summary>The key of a control total and of the detail rows it sums: district, quarter (case-insensitive), sex, migration background.</summary>
    private static UInt128 TotalKey(CompactKey keys, EinwohnermeldeamtRowValues row) =>
        keys.Begin().Add(row.DistrictCode).AddUpperInvariant(row.QuarterName).Add(row.Sex).Add(row.Migration).Finish();

    [GeneratedRegex(@"^EWO_Bestand_(?<date>\d{8})\.csv$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();
}
