using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources.Rekom;

public sealed class RekomExportReaderSpecs : IDisposable
{
    private const string SampleName = "REKOM_Export_2017-07-05.csv";
    private static readonly IExtractReader Reader = RecordPipelines.Reader("rekom");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sample => RecordPipelines.Sample("rekom", SampleName);

    private string Write(string name, params string[] lines)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new System.Text.UTF8Encoding(true));
        return path;
    }

    private const string Header = "TN_ID;Projekt;Schulform;Quartier;Geschlecht;Migrationshintergrund;Eintritt;Austritt;Verbleib;Verbleib_Datum";

    private static (decimal Numerator, decimal Denominator) Rate(List<Observation> totals, string indicator) =>
        (totals.Where(o => o.IndicatorCode == indicator).Sum(o => o.Numerator!.Value), totals.Where(o => o.IndicatorCode == indicator).Sum(o => o.Denominator!.Value));

    private static decimal Sum(List<Observation> totals, string indicator) => totals.Where(o => o.IndicatorCode == indicator).Sum(o => o.Value!.Value);

    [Fact]
    public void Every_line_of_the_export_is_loaded_rejected_or_skipped()
    {
        var (rows, _, _) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.Equal(31, rows.Count);
        Assert.Equal(Enumerable.Range(1, 31), rows.Select(r => r.Row));
        Assert.Equal(21, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal([10, 11, 17, 21, 27, 28, 29], rows.OfType<SourceRow.Rejected>().Select(r => r.Row));
        Assert.Equal([1, 30, 31], rows.OfType<SourceRow.Skipped>().Select(r => r.Row));
    }

    [Fact]
    public void Participants_never_leave_the_reader_only_monthly_totals_do()
    {
        var (rows, totals, scope) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.All(rows.OfType<SourceRow.Accepted>(), r => Assert.Empty(r.Observations));
        Assert.Equal(4 * 7, totals.Count); // four indicators, January to the export month July
        Assert.All(totals, o => Assert.Equal(("REKOM", "05711000"), (o.SeriesKey, o.AreaCode)));
        Assert.Equal(new DeliveryScope("rekom", "REKOM", new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1)), scope);
        Assert.Equal(SupersedeMode.FullSnapshot, scope.Mode);
    }

    [Fact]
    public void REGE_1_counts_placements_of_Haupt_and_Gesamtschule_leavers_who_do_not_go_on_to_higher_school()
    {
        var (_, totals, _) = RecordPipelines.ReadAll(Reader, Sample);
        var rege1 = totals.Where(o => o.IndicatorCode == "REGE-1.1").ToDictionary(o => o.Month.Month);

        // Leavers: January 2 (T-000101, T-000102), June 3 (T-000103, T-000106, T-000107); T-000104 goes to higher school,
        // T-000105 is from a Realschule. Placements: February T-000101, May T-000107, June T-000103.
        Assert.Equal((3m, 5m), Rate(totals, "REGE-1.1"));
        Assert.Equal((0m, 2m), (rege1[1].Numerator!.Value, rege1[1].Denominator!.Value));
        Assert.Equal((1m, 0m), (rege1[2].Numerator!.Value, rege1[2].Denominator!.Value));
        Assert.Equal((1m, 3m), (rege1[6].Numerator!.Value, rege1[6].Denominator!.Value));
        Assert.Null(rege1[2].Value);
        Assert.Equal(33.3333m, rege1[6].Value);
    }

    [Fact]
    public void Counts_and_rates_of_the_other_projects_are_exact()
    {
        var (_, totals, _) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.Equal(3m, Sum(totals, "REGE-2.1")); // February, April, May; T-000101 counts here as well as in UEM
        Assert.Equal([0m, 1m, 0m, 1m, 1m, 0m, 0m], totals.Where(o => o.IndicatorCode == "REGE-2.1").OrderBy(o => o.Month).Select(o => o.Value!.Value));
        Assert.Equal(3m, Sum(totals, "REGE-4.1")); // March, April, June
        Assert.Equal((3m, 4m), Rate(totals, "REGE-5.1")); // 75 %
    }

    [Fact]
    public void Inconsistent_rows_are_rejected_with_a_reason_each_and_umlauts_intact()
    {
        var (rows, _, _) = RecordPipelines.ReadAll(Reader, Sample);
        var problems = rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems)
            .Select(p => (p.Row, p.Column, p.RawValue, p.Reason.Code)).ToList();

        Assert.Equal(
        [
            (10, "TN_ID", null, "TEILNAHME_DOPPELT"),
            (11, "Verbleib_Datum", null, "VERBLEIB_UNVOLLSTAENDIG"),
            (17, "Austritt", "28.02.2017", "AUSTRITT_VOR_EINTRITT"),
            (21, "Verbleib", "AUSB_DUAL", "VERBLEIB_OHNE_AUSTRITT"),
            (27, "Verbleib", "Ausbildung", "VERBLEIB_UNBEKANNT"),
            (28, "Projekt", "Übergang", "PROJEKTCODE_UNBEKANNT"),
            (29, "Austritt", "31.08.2017", "DATUM_NACH_EXPORT"),
            (29, "Verbleib_Datum", "01.09.2017", "DATUM_NACH_EXPORT"),
        ], problems);
        Assert.All(rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems), p => Assert.Null(p.Sheet));
    }

    [Fact]
    public void Of_a_participant_listed_twice_in_a_project_the_later_Verbleib_Datum_counts_and_the_other_row_is_reported()
    {
        var path = Write("REKOM_Export_2017-03-01.csv", Header,
            "T-1;KAUSA;HS;Sieker;w;J;01.01.2017;31.01.2017;EQ;15.02.2017",
            "T-1;KAUSA;HS;Sieker;w;J;01.01.2017;31.01.2017;ARBEIT;01.02.2017");

        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, path);

        var rejected = Assert.Single(rows.OfType<SourceRow.Rejected>());
        Assert.Equal(3, rejected.Row);
        Assert.Equal("Die TN_ID dieser Zeile steht für KAUSA auch in Zeile 2 (Verbleib_Datum 15.02.2017); gezählt wird jene Zeile, diese nicht.", Assert.Single(rejected.Problems).Message);
        Assert.Equal(1m, Sum(totals, "REGE-2.1"));
        Assert.Equal(1m, totals.Single(o => o.IndicatorCode == "REGE-2.1" && o.Month.Month == 2).Value);
    }

    [Fact]
    public void A_UTF8_export_with_commas_a_renamed_header_and_an_extra_column_gives_the_same_figures()
    {
        var path = RecordPipelines.Redeliver(Sample, _dir.File(SampleName), separator: ",", bom: true,
            renamed: new Dictionary<string, string> { ["Verbleib_Datum"] = "Verbleibsdatum" }, extraColumn: "Bemerkung");

        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, path);

        Assert.Equal("Kopfzeile (nicht verwendete Spalten: Bemerkung)", Assert.IsType<SourceRow.Skipped>(rows[0]).Why);
        Assert.Equal((3m, 5m), Rate(totals, "REGE-1.1"));
        Assert.Equal((3m, 4m), Rate(totals, "REGE-5.1"));
        Assert.Equal(21, rows.OfType<SourceRow.Accepted>().Count());
        var renamed = rows.OfType<SourceRow.Rejected>().Single(r => r.Row == 11).Problems.Single();
        Assert.Equal("Verbleibsdatum", renamed.Column);
        Assert.Contains(rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems), p => p.RawValue == "Übergang");
    }

    [Fact]
    public void A_missing_required_column_refuses_the_file_naming_the_column()
    {
        var path = Write("REKOM_Export_2017-03-01.csv", "TN_ID;Projekt;Schulform;Eintritt;Verbleib;Verbleib_Datum", "T-1;KAUSA;HS;01.01.2017;;");

        var error = Assert.Throws<ExtractFileException>(() => RecordPipelines.ReadAll(Reader, path));

        Assert.Equal("SPALTE_FEHLT", error.Reason.Code);
        Assert.Contains("'Austritt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_without_export_date_is_refused()
    {
        var path = Write("REKOM_Export_Juli.csv", Header);

        Assert.Equal("DATEINAME_UNERWARTET", Assert.Throws<ExtractFileException>(() => Reader.Open(path)).Reason.Code);
    }

    [Fact]
    public void A_pipeline_that_names_an_unknown_indicator_is_refused_at_start_up()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Pipelines, "rekom.yml")).Replace("REGE-2.1", "REGE-2.9", StringComparison.Ordinal);
        var path = _dir.File("rekom.yml");
        File.WriteAllText(path, text);

        var error = Assert.Throws<PipelineDefinitionException>(() => SourceReaders.Create(PipelineFiles.Read(path), new SourceContext(KafPipeline.Catalog, KafPipeline.Areas)));

        Assert.Contains("REGE-2.9", error.Message, StringComparison.Ordinal);
    }
}
