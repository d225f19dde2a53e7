using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources.Prosoz;

public sealed class ProsozCaseReaderSpecs : IDisposable
{
    private const string SampleName = "Prosoz_HzE_20170705.csv";
    private const string City = "05711000";
    private static readonly IExtractReader Reader = RecordPipelines.Reader("prosoz");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sample => RecordPipelines.Sample("prosoz", SampleName);

    private static (decimal Numerator, decimal Denominator) Rate(List<Observation> totals, string indicator, string area = City)
    {
        var values = totals.Where(o => o.IndicatorCode == indicator && o.AreaCode == area).ToList();
        return (values.Sum(o => o.Numerator!.Value), values.Sum(o => o.Denominator!.Value));
    }

    [Fact]
    public void Every_line_of_the_export_is_loaded_rejected_or_skipped()
    {
        var (rows, _, scope) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.Equal(Enumerable.Range(1, 17), rows.Select(r => r.Row));
        Assert.Equal(9, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal([11, 12, 13, 14, 15, 16], rows.OfType<SourceRow.Rejected>().Select(r => r.Row));
        Assert.Equal([1, 17], rows.OfType<SourceRow.Skipped>().Select(r => r.Row));
        Assert.Equal(new DeliveryScope("prosoz", "PROSOZ", new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1)), scope);
    }

    [Fact]
    public void City_wide_rates_count_every_valid_case_of_the_year()
    {
        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.All(rows.OfType<SourceRow.Accepted>(), r => Assert.Empty(r.Observations));
        Assert.Equal((2m, 5m), Rate(totals, "510-7.2")); // 40 %: the 2016 placement does not count, the unknown district does
        Assert.Equal((5m, 7m), Rate(totals, "510-8.1")); // an empty Anbieterdatenbank is not a documented decision
        Assert.Equal((4m, 6m), Rate(totals, "510-9.1"));
        Assert.Equal((3m, 6m), Rate(totals, "510-9.2")); // an empty Verfahren_neu counts as not applied
        Assert.Equal(
            [(1m, 1m), (0m, 1m), (0m, 1m), (1m, 1m), (0m, 1m), (0m, 0m), (0m, 0m)],
            totals.Where(o => o.IndicatorCode == "510-7.2" && o.AreaCode == City).OrderBy(o => o.Month).Select(o => (o.Numerator!.Value, o.Denominator!.Value)));
    }

    [Fact]
    public void Districts_get_their_own_values_and_unknown_districts_count_city_wide_only()
    {
        var (_, totals, _) = RecordPipelines.ReadAll(Reader, Sample);
        var placementAreas = totals.Where(o => o.IndicatorCode == "510-7.2").Select(o => o.AreaCode).Distinct().Order().ToList();

        Assert.Equal([City, "05711000-01", "05711000-04", "05711000-07", "05711000-08"], placementAreas);
        Assert.Equal((1m, 1m), Rate(totals, "510-7.2", "05711000-01")); // Mitte
        Assert.Equal((0m, 1m), Rate(totals, "510-7.2", "05711000-04")); // Brackwede
        var districtSum = placementAreas.Skip(1).Sum(a => Rate(totals, "510-7.2", a).Denominator);
        Assert.Equal(4m, districtSum); // the fifth placement's district is `unbekannt`
        Assert.All(totals, o => Assert.Equal("PROSOZ", o.SeriesKey));
    }

    [Fact]
    public void Inconsistent_cases_are_rejected_with_a_reason_each_and_umlauts_intact()
    {
        var (rows, _, _) = RecordPipelines.ReadAll(Reader, Sample);
        var problems = rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Column, p.RawValue, p.Reason.Code));

        Assert.Equal(
        [
            (11, "Unterbringung", null, "UNTERBRINGUNG_FEHLT"),
            (12, "Stadtbezirk", "Großdornberg", "BEZIRK_UNBEKANNT"),
            (13, "Paragraph", "99", "PARAGRAPH_UNBEKANNT"),
            (14, "Fallnummer", null, "FALL_DOPPELT"),
            (15, "Hilfeende", "15.04.2017", "HILFEENDE_VOR_BEGINN"),
            (16, "Ziele_smart", null, "HILFEPLAN_UNVOLLSTAENDIG"),
        ], problems);
    }

    [Fact]
    public void A_UTF8_export_with_commas_a_renamed_header_and_an_extra_column_gives_the_same_figures()
    {
        var path = RecordPipelines.Redeliver(Sample, _dir.File(SampleName), separator: ",", bom: false,
            renamed: new Dictionary<string, string> { ["Stationaer"] = "Stationär" }, extraColumn: "Sachbearbeitung");

        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, path);

        Assert.Equal(9, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal((2m, 5m), Rate(totals, "510-7.2"));
        Assert.Contains(rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems), p => p.RawValue == "Großdornberg");
    }

    [Fact]
    public void A_missing_column_refuses_the_file_naming_it()
    {
        var path = _dir.File(SampleName);
        File.WriteAllText(path, "Fallnummer;Paragraph;Stationaer;Unterbringung;Hilfebeginn;Hilfeende;Stadtbezirk;Entscheidung_Datum;Hilfeplan_Datum;Ziele_smart;Verfahren_neu\n");

        var error = Assert.Throws<ExtractFileException>(() => Reader.Open(path));

        Assert.Equal("SPALTE_FEHLT", error.Reason.Code);
        Assert.Contains("'Anbieterdatenbank'", error.Message, StringComparison.Ordinal);
    }
}
