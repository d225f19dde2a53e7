using System.Text;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Tests.Warehouse;

// What a target means, as the reporting views show it (issue 17): strict comparators, a target for a set of areas with
// its quarters as drill-down, deadlines stated or assumed, baselines with their origin, school-year periods. Exact
// figures from the 2017 catalog and from real files (the BA special evaluation of the samples, Meldebogen CSVs).
public abstract partial class WarehouseBehaviour
{
    private const string MeldebogenHeader = "Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von";

    private void WriteMeldebogen(string name, params string[] rows)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Inbox, "meldebogen")).FullName;
        File.WriteAllText(Path.Combine(folder, name), string.Join("\r\n", [MeldebogenHeader, .. rows]) + "\r\n", new UTF8Encoding(true));
    }

    // Properties, not a positional record: the providers type the columns differently (SQLite a null as blob, 0/1 for a
    // boolean), and Dapper converts property by property.
    private sealed class TargetRow
    {
        public string? Vergleich { get; set; }
        public double? Istwert { get; set; }
        public double? Zielwert { get; set; }
        public double? Grad { get; set; }
        public object? ErreichtWert { get; set; }
        public bool? Erreicht => ErreichtWert is null ? null : Convert.ToBoolean(ErreichtWert, System.Globalization.CultureInfo.InvariantCulture);
        public double? Planwert { get; set; }
        public string? PlanwertEinheit { get; set; }
        public string Einheit { get; set; } = "";
        public string? ZielbereichCode { get; set; }
        public string? Zielbereich { get; set; }
        public string? ZeitraumArt { get; set; }
        public string? PeriodeVon { get; set; }
        public string? PeriodeBis { get; set; }
        public string? Stichtag { get; set; }
        public string? StichtagHerkunft { get; set; }
        public double? Basis { get; set; }
        public string? BasisEinheit { get; set; }
        public string? BasisHerkunft { get; set; }
        public string? BasisMonat { get; set; }
    }

    private async Task<TargetRow> TargetRowAsync(string indicator, string month, string area) =>
        (await QueryAsync<TargetRow>(
            $"""
            SELECT vergleich, istwert, zielwert, zielerreichungsgrad AS grad, erreicht AS erreichtwert, planwert, planwert_einheit AS planwerteinheit, einheit,
                   zielbereich_code AS zielbereichcode, zielbereich, zeitraum_art AS zeitraumart, {MonthText("periode_von")} AS periodevon,
                   {MonthText("periode_bis")} AS periodebis, {MonthText("stichtag")} AS stichtag, stichtag_herkunft AS stichtagherkunft, basis,
                   basis_einheit AS basiseinheit, basis_herkunft AS basisherkunft, {MonthText("basis_monat")} AS basismonat
            FROM {View("zielerreichung")} WHERE indikator_code = @indicator AND {MonthText("monat")} = @month AND bereich_code = @area
            """,
            new { indicator, month, area })).Single();

    [Fact]
    public async Task Mehr_als_50_percent_is_not_met_by_exactly_50_percent()
    {
        WriteMeldebogen("Meldebogen_540-1_2017.csv",
            "540-1.1;;;2017-03;;;10;20;;;Elternbefragung;540",
            "540-1.2;;;2017-03;;;11;20;;;Befragung Kita/Grundschule;540");

        await RunAsync();

        var exactly = await TargetRowAsync("540-1.1", "2017-03-01", Area.CityCode);
        var above = await TargetRowAsync("540-1.2", "2017-03-01", Area.CityCode);
        Assert.Equal(("mehr_als", 50d, 50d, 1d, false), (exactly.Vergleich, exactly.Istwert, exactly.Zielwert, exactly.Grad, exactly.Erreicht));
        Assert.Equal(("mehr_als", 55d, 1.1d, true), (above.Vergleich, above.Istwert, Math.Round(above.Grad!.Value, 6), above.Erreicht));
        Assert.Equal(("%", "%"), (exactly.PlanwertEinheit, exactly.Einheit));
        Assert.Equal(["mehr_als", "mehr_als"], await QueryAsync<string>(
            $"SELECT vergleich FROM {View("indikator")} WHERE indikator_code IN ('540-1.1', '540-1.2') ORDER BY indikator_code"));
    }

    [Fact]
    public async Task A_reduction_for_a_set_of_areas_adds_up_its_quarters_and_measures_each_quarter_as_drill_down()
    {
        var ba = Directory.CreateDirectory(Path.Combine(Inbox, "ba-statistik")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv"), Path.Combine(ba, "BA_SA_Alleinerziehende_20170714.csv"));

        await RunAsync();

        // December 2016: Sennestadt 112 + Baumheide 87 + Sieker 64 = 263; June 2017: 104 + 84 + 60 = 248.
        // Target 263 × 0.95 = 249.85; degree (263 − 248) / (263 − 249.85) = 15 / 13.15.
        var set = Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);
        var together = await TargetRowAsync("Jobcenter-8.1", "2017-06-01", set);
        Assert.Equal((248d, 249.85d, Math.Round(15 / 13.15, 6), true), (together.Istwert, Math.Round(together.Zielwert!.Value, 2), Math.Round(together.Grad!.Value, 6), together.Erreicht));
        Assert.Equal(("reduktion", 5d, "%", "Anzahl"), (together.Vergleich, together.Planwert, together.PlanwertEinheit, together.Einheit));
        Assert.Equal((set, "Sennestadt + Baumheide + Sieker"), (together.ZielbereichCode, together.Zielbereich));
        Assert.Equal((263d, "Anzahl", "angenommen", "2016-12-01"), (together.Basis, together.BasisEinheit, together.BasisHerkunft, together.BasisMonat));

        // Sennestadt as drill-down: its own December value 112, 5 % less is 106.4; (112 − 104) / (112 − 106.4).
        var sennestadt = await TargetRowAsync("Jobcenter-8.1", "2017-06-01", "quartier:sennestadt");
        Assert.Equal((104d, 106.4d, Math.Round(8 / 5.6, 6), true), (sennestadt.Istwert, Math.Round(sennestadt.Zielwert!.Value, 2), Math.Round(sennestadt.Grad!.Value, 6), sennestadt.Erreicht));
        Assert.Equal((set, 112d, "2016-12-01"), (sennestadt.ZielbereichCode, sennestadt.Basis, sennestadt.BasisMonat));

        Assert.Equal(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"], await QueryAsync<string>(
            $"SELECT bereich_code FROM {Table("dim_bereich_menge")} WHERE menge_code = @set ORDER BY position", new { set }));
        Assert.Equal((5d, "%", set, "Sennestadt + Baumheide + Sieker", 1), (await QueryAsync<(double, string, string, string, int)>(
            $"SELECT zielwert, zielwert_einheit, zielbereich_code, zielbereich, anzahl_zielbereiche FROM {View("indikator")} WHERE indikator_code = 'Jobcenter-8.1'")).Single());
    }

    [Fact]
    public async Task A_reduction_from_a_baseline_the_plan_states_is_measured_from_it_and_each_quarter_from_its_own_December()
    {
        var ba = Directory.CreateDirectory(Path.Combine(Inbox, "ba-statistik")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv"), Path.Combine(ba, "BA_SA_Alleinerziehende_20170714.csv"));
        // As if the plan stated the three quarters' stock: 270 (the December figures add up to 263).
        var catalog = ReviseCatalog("Jobcenter-8", "    basis_herkunft: angenommen\n", "    basis: 270\n    basis_herkunft: plan\n");

        await RunAsync(catalog);

        // Target 270 × 0.95 = 256.5; June 248: degree (270 − 248) / (270 − 256.5) = 22 / 13.5; no month was taken as baseline.
        var set = Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);
        var together = await TargetRowAsync("Jobcenter-8.1", "2017-06-01", set);
        Assert.Equal((248d, 256.5d, Math.Round(22 / 13.5, 6)), (together.Istwert, together.Zielwert, Math.Round(together.Grad!.Value, 6)));
        Assert.Equal((270d, "plan", (string?)null), (together.Basis, together.BasisHerkunft, together.BasisMonat));

        // The set's baseline is the quarters' together: Sennestadt is measured from its own December 112, assumed.
        var sennestadt = await TargetRowAsync("Jobcenter-8.1", "2017-06-01", "quartier:sennestadt");
        Assert.Equal((104d, 106.4d, Math.Round(8 / 5.6, 6)), (sennestadt.Istwert, Math.Round(sennestadt.Zielwert!.Value, 2), Math.Round(sennestadt.Grad!.Value, 6)));
        Assert.Equal((112d, "angenommen", "2016-12-01"), (sennestadt.Basis, sennestadt.BasisHerkunft, sennestadt.BasisMonat));
        Assert.Equal((270d, "plan"), (await QueryAsync<(double, string)>($"SELECT basis, basis_herkunft FROM {View("indikator")} WHERE indikator_code = 'Jobcenter-8.1'")).Single());

        // report --as-of computes alike.
        var run = Prepare(catalog);
        var asOf = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, "quartier:sennestadt", Clock.GetUtcNow(), TestContext.Current.CancellationToken)).Rows
            .Single(r => r.IndikatorCode == "Jobcenter-8.1" && r.Monat == new DateOnly(2017, 6, 1));
        Assert.Equal(106.4m, Math.Round(asOf.Zielwert!.Value, 2));
    }

    [Fact]
    public async Task A_deadline_the_plan_states_and_an_assumed_one_are_told_apart_and_a_stated_baseline_is_shown()
    {
        await RunAsync();

        var deadlines = await QueryAsync<(string, string, string)>(
            $"SELECT indikator_code, {MonthText("stichtag")}, stichtag_herkunft FROM {View("indikator")} WHERE indikator_code IN ('510-4.1', '510-7.3', '500-6.1') ORDER BY indikator_code");
        Assert.Equal([("500-6.1", "2017-12-31", "angenommen"), ("510-4.1", "2018-12-31", "plan"), ("510-7.3", "2017-12-31", "angenommen")], deadlines);

        var assumed = await TargetRowAsync("510-7.3", "2017-12-01", Area.CityCode);
        Assert.Equal(("erledigt_bis", "stichtag", "2017-12-31", "angenommen", "erledigt"), (assumed.Vergleich, assumed.ZeitraumArt, assumed.Stichtag, assumed.StichtagHerkunft, assumed.PlanwertEinheit));
        var stated = await TargetRowAsync("510-4.1", "2018-12-01", Area.CityCode);
        Assert.Equal(("2017-01-01", "2018-12-01", "2018-12-31", "plan"), (stated.PeriodeVon, stated.PeriodeBis, stated.Stichtag, stated.StichtagHerkunft));

        Assert.Equal((23.8d, "%", "plan", 5985d, "Integrationen"), (await QueryAsync<(double, string, string, double, string)>(
            $"SELECT basis, basis_einheit, basis_herkunft, zielwert, zielwert_einheit FROM {View("indikator")} WHERE indikator_code = 'Jobcenter-3.1'")).Single());
        // Beside every figure as well: the Ausgangslage's rate next to a count target, no month taken for it.
        var integrations = await TargetRowAsync("Jobcenter-3.1", "2017-06-01", Area.CityCode);
        Assert.Equal(("mindestens", 5985d, "Integrationen", 23.8d, "%", "plan", (string?)null), (integrations.Vergleich, integrations.Planwert, integrations.PlanwertEinheit, integrations.Basis, integrations.BasisEinheit, integrations.BasisHerkunft, integrations.BasisMonat));
    }

    [Fact]
    public async Task An_indicator_with_a_target_per_quarter_shows_a_Zielwert_in_the_indicator_view_naming_its_quarters()
    {
        await RunAsync();

        // 500-8.2 has no city target but one per selected Quartier (1 Vereinbarung each): the view names them all.
        Assert.Equal(("mindestens", 1d, "Vereinbarung", "quartier:heepen", "Heepen, Sennestadt, Jöllenbeck, Stieghorst", 4), (await QueryAsync<(string, double, string, string, string, int)>(
            $"SELECT vergleich, zielwert, zielwert_einheit, zielbereich_code, zielbereich, anzahl_zielbereiche FROM {View("indikator")} WHERE indikator_code = '500-8.2'")).Single());
        Assert.Equal(4, (await QueryAsync<int>($"SELECT COUNT(*) FROM {View("zielwert")} WHERE indikator_code = '500-8.2'")).Single());
        // 500-4.1 has one target, for Jöllenbeck only.
        Assert.Equal(("mindestens", 0.75d, "quartier:joellenbeck", 1), (await QueryAsync<(string, double, string, int)>(
            $"SELECT vergleich, zielwert, zielbereich_code, anzahl_zielbereiche FROM {View("indikator")} WHERE indikator_code = '500-4.1'")).Single());
    }

    [Fact]
    public async Task A_school_year_target_covers_August_to_July_and_a_later_month_does_not_count()
    {
        WriteMeldebogen("Meldebogen_REGE-8_2017.csv",
            "REGE-8.2;;;2017-07;;;30;60;;;Zeugnisse Schuljahresende;REGE",
            "REGE-8.2;;;2017-09;;;1;10;;;neues Schuljahr;REGE");

        await RunAsync();

        var months = await QueryAsync<string>(
            $"SELECT {MonthText("monat")} FROM {View("zielerreichung")} WHERE indikator_code = 'REGE-8.2' AND bereich_code = @city ORDER BY monat", new { city = Area.CityCode });
        Assert.Equal(12, months.Count);
        Assert.Equal(("2016-08-01", "2017-07-01"), (months[0], months[^1]));
        var july = await TargetRowAsync("REGE-8.2", "2017-07-01", Area.CityCode);
        Assert.Equal(("schuljahr", "2016-08-01", "2017-07-01", 50d, 1d, true), (july.ZeitraumArt, july.PeriodeVon, july.PeriodeBis, july.Istwert, july.Grad, july.Erreicht));
        Assert.Equal(("schuljahr", "2016-08-01", "2017-07-01", "mindestens", 50d, "%"), (await QueryAsync<(string, string, string, string, double, string)>(
            $"SELECT zeitraum_art, {MonthText("periode_von")}, {MonthText("periode_bis")}, vergleich, zielwert, zielwert_einheit FROM {View("indikator")} WHERE indikator_code = 'REGE-8.2'")).Single());
    }

    [Fact]
    public async Task A_darunter_value_above_its_parent_is_flagged_in_the_status_hint_and_the_nightly_summary()
    {
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv",
            "Jobcenter-6.2;;;2017-04;;12;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;15;;;;;darunter zusätzliche;Jobcenter",
            "Jobcenter-6.4;;;2017-04;;9;;;;;Jobakademie U25;Jobcenter",
            "Jobcenter-6.5;;;2017-04;;4;;;;;darunter zusätzliche;Jobcenter");

        var run = await RunAsync();

        const string Expected = "inkonsistent: Jobcenter-6.3 (15) größer als Jobcenter-6.2 (12), dessen Teil es ist, im 2017-04";
        var violation = Assert.Single(run.ConsistencyViolations);
        Assert.Equal(new Consistency.ConsistencyViolation("Jobcenter-6.3", new DateOnly(2017, 4, 1), Area.CityCode, Expected), violation);
        var hints = await QueryAsync<(string, string?)>(
            $"SELECT {MonthText("monat")}, status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = 'Jobcenter-6.3' AND bereich_code = @city AND {MonthText("monat")} IN ('2017-03-01', '2017-04-01') ORDER BY monat",
            new { city = Area.CityCode });
        // From the violation's month on (a late Meldebogen may add its own "vorläufig" beside it, by the clock of the run).
        Assert.DoesNotContain("inkonsistent", hints[0].Item2 ?? "", StringComparison.Ordinal);
        Assert.EndsWith(Expected, hints[1].Item2, StringComparison.Ordinal);
        Assert.Empty(await QueryAsync<string>(
            $"SELECT status_hinweis FROM {View("zielerreichung")} WHERE indikator_code IN ('Jobcenter-6.2', 'Jobcenter-6.5') AND status_hinweis LIKE '%inkonsistent%'"));

        var summary = await Jobs.Summary.NightlySummaryPublisher.BuildAsync(run, Warehouse, await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken), null, new DateOnly(2017, 5, 2), TestContext.Current.CancellationToken);
        var text = Jobs.Summary.NightlySummaryText.Text(summary);
        Assert.Contains("Widersprüche zwischen Indikatoren (konsistenz.yml)", text, StringComparison.Ordinal);
        Assert.Contains("Jobcenter-6.3 (05711000): " + Expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_numerator_above_its_denominator_is_flagged_in_the_status_hint_and_the_nightly_summary()
    {
        WriteMeldebogen("Meldebogen_540-1_2017.csv",
            "540-1.1;;;2017-03;;;25;20;;;Elternbefragung;540",
            "540-1.2;;;2017-03;;;11;20;;;Befragung Kita/Grundschule;540");

        var run = await RunAsync();

        // Flagged, not corrected: the figure stays as delivered (125 %), the source has to be asked.
        const string Expected = "inkonsistent: Zähler 25 größer als Nenner 20 im 2017-03";
        Assert.Equal(new Consistency.ConsistencyViolation("540-1.1", new DateOnly(2017, 3, 1), Area.CityCode, Expected), Assert.Single(run.ConsistencyViolations));
        var flagged = await TargetRowAsync("540-1.1", "2017-03-01", Area.CityCode);
        Assert.Equal(125d, flagged.Istwert);
        Assert.EndsWith(Expected, (await QueryAsync<string?>(
            $"SELECT status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = '540-1.1' AND bereich_code = @city AND {MonthText("monat")} = '2017-03-01'",
            new { city = Area.CityCode })).Single(), StringComparison.Ordinal);
        Assert.Empty(await QueryAsync<string>(
            $"SELECT status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = '540-1.2' AND status_hinweis LIKE '%inkonsistent%'"));

        var summary = await Jobs.Summary.NightlySummaryPublisher.BuildAsync(run, Warehouse, await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken), null, new DateOnly(2017, 4, 2), TestContext.Current.CancellationToken);
        Assert.Contains("540-1.1 (05711000): " + Expected, Jobs.Summary.NightlySummaryText.Text(summary), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provenance_of_a_figure_names_its_plan_sentence_and_the_files_with_Datenstand_it_was_computed_from()
    {
        var ba = Directory.CreateDirectory(Path.Combine(Inbox, "ba-statistik")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv"), Path.Combine(ba, "BA_SA_Alleinerziehende_20170714.csv"));

        await RunAsync();

        var set = Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);
        var provenance = Table("fact_zielwert") == "fact_zielwert" ? "dwh_herkunft" : "dwh.herkunft";
        var rows = await QueryAsync<(string, string, string, long, string, string, string, string, long)>(
            $"""
            SELECT zielwert_text, basis_herkunft, datei, werte, {MonthText("erster_monat")}, {MonthText("letzter_monat")}, {MonthText("datenstand")}, quelle, entscheidungen
            FROM {provenance} WHERE indikator_code = 'Jobcenter-8.1' AND {MonthText("monat")} = '2017-06-01' AND bereich_code = @set
            """,
            new { set });

        // A stock's June figure of the set: June's values of the three quarters, all from the one file.
        Assert.Equal(
            [("Bestandsreduzierung um 5%.", "angenommen", "BA_SA_Alleinerziehende_20170714.csv", 3L, "2017-06-01", "2017-06-01", "2017-07-13", "ba-statistik", 0L)],
            rows);
        Assert.NotNull((await QueryAsync<string?>(
            $"SELECT CAST(geladen_um AS {(provenance == "dwh_herkunft" ? "TEXT" : "varchar(40)")}) FROM {provenance} WHERE indikator_code = 'Jobcenter-8.1' AND bereich_code = @set", new { set })).First());

        // As the workspace page Herkunft reads it (ProvenanceAsync): the set's June figure and a quarter's as drill-down,
        // each with the file, its Datenstand and its load time (the suite's clock: 01.03.2018 03:00 in Bielefeld).
        var read = await Warehouse.ProvenanceAsync("Jobcenter-8.1", TestContext.Current.CancellationToken);
        Assert.Equal(
            [(set, set, "reduktion", "Bestandsreduzierung um 5%.", "BA_SA_Alleinerziehende_20170714.csv", new DateOnly(2017, 7, 13), "01.03.2018 03:00", 3L),
             ("quartier:sennestadt", set, "reduktion", "Bestandsreduzierung um 5%.", "BA_SA_Alleinerziehende_20170714.csv", new DateOnly(2017, 7, 13), "01.03.2018 03:00", 1L)],
            read.Where(r => r.Monat == new DateOnly(2017, 6, 1) && (r.BereichCode == set || r.BereichCode == "quartier:sennestadt"))
                .Select(r => (r.BereichCode, r.ZielbereichCode, r.Vergleich, r.ZielwertText, r.Datei, r.Datenstand!.Value, BerlinTime.Stamp(r.GeladenUm!.Value), r.Werte!.Value)));
    }
}
