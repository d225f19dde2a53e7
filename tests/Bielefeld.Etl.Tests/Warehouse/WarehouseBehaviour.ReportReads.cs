using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Warehouse;

// What the report reads beyond the reporting views: report --as-of for a target of a set of areas (Jobcenter-8.1:
// Sennestadt + Baumheide + Sieker together) and the files behind an area's figures for its provenance section, from the
// BA special evaluation of the samples: the July file, then the October file that revises June and adds July to September.
public abstract partial class WarehouseBehaviour
{
    private void CopyAlleinerziehende(string name)
    {
        var ba = Directory.CreateDirectory(Path.Combine(Inbox, "ba-statistik")).FullName;
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", name), Path.Combine(ba, name));
    }

    [Fact]
    public async Task Attainment_as_of_a_moment_adds_up_a_sets_quarters_as_they_were_known_then()
    {
        CopyAlleinerziehende("BA_SA_Alleinerziehende_20170714.csv");
        await RunAsync();
        var reported = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(1));
        CopyAlleinerziehende("BA_SA_Alleinerziehende_20171013.csv");
        await RunAsync();
        var run = Prepare();
        var set = Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);
        var ct = TestContext.Current.CancellationToken;

        var thenAsOf = await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, set, reported, ct);
        var nowAsOf = await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, set, Clock.GetUtcNow(), ct);
        var (then, now) = (thenAsOf.Rows, nowAsOf.Rows);
        var current = await Warehouse.AttainmentSeriesAsync(set, ct);

        // Only the set's indicator; as reported in July: June 104 + 84 + 60 = 248 against 263 × 0.95 = 249.85,
        // degree (263 − 248) / (263 − 249.85); July not yet delivered.
        Assert.Equal(["Jobcenter-8.1"], then.Select(r => r.IndikatorCode).Distinct());
        var june = then.Single(r => r.Monat == new DateOnly(2017, 6, 1));
        Assert.Equal((248m, 249.85m, Math.Round(15 / 13.15m, 6), "Sennestadt + Baumheide + Sieker"), (june.Istwert, Math.Round(june.Zielwert!.Value, 2), Math.Round(june.Zielerreichungsgrad!.Value, 6), june.Bereich));
        Assert.Equal(AttainmentStatus.NoData, then.Single(r => r.Monat == new DateOnly(2017, 7, 1)).Status);

        // Today: the October file revised June to 102 + 82 + 59 = 243 and added July, 101 + 81 + 58 = 240; as the
        // recomputed figures say.
        Assert.Equal((243m, Math.Round(20 / 13.15m, 6)), (now.Single(r => r.Monat == new DateOnly(2017, 6, 1)).Istwert, Math.Round(now.Single(r => r.Monat == new DateOnly(2017, 6, 1)).Zielerreichungsgrad!.Value, 6)));
        Assert.Equal(240m, now.Single(r => r.Monat == new DateOnly(2017, 7, 1)).Istwert);
        Assert.Equal(
            current.Select(r => (r.Monat, r.Istwert, Round(r.Zielwert), Round(r.Zielerreichungsgrad), r.Status)),
            now.Select(r => (r.Monat, r.Istwert, Round(r.Zielwert), Round(r.Zielerreichungsgrad), r.Status)));

        // A quarter is measured against the set's target as drill-down, with its own December as baseline:
        // Sennestadt's June as reported in July 104 against 112 × 0.95 = 106.4.
        var sennestadt = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, "quartier:sennestadt", reported, ct)).Rows
            .Single(r => r.IndikatorCode == "Jobcenter-8.1" && r.Monat == new DateOnly(2017, 6, 1));
        Assert.Equal((104m, 106.4m, Math.Round(8 / 5.6m, 6)), (sennestadt.Istwert, Math.Round(sennestadt.Zielwert!.Value, 2), Math.Round(sennestadt.Zielerreichungsgrad!.Value, 6)));

        // The files behind the set's June figure: as reported in July the July file's three quarters with its Datenstand;
        // today the October file's, which revised them.
        Assert.Equal([("BA_SA_Alleinerziehende_20170714.csv", new DateOnly(2017, 7, 13), 3L)], thenAsOf.Files.Where(f => f.Monat == new DateOnly(2017, 6, 1)).Select(f => (f.Datei!, f.Datenstand!.Value, f.Werte!.Value)));
        Assert.Equal([("BA_SA_Alleinerziehende_20171013.csv", new DateOnly(2017, 10, 12), 3L)], nowAsOf.Files.Where(f => f.Monat == new DateOnly(2017, 6, 1)).Select(f => (f.Datei!, f.Datenstand!.Value, f.Werte!.Value)));
        Assert.DoesNotContain(thenAsOf.Files, f => f.Monat == new DateOnly(2017, 7, 1));

        static decimal? Round(decimal? value) => value is { } v ? Math.Round(v, 6) : null;
    }

    [Fact]
    public async Task The_files_behind_an_areas_figures_name_source_file_Datenstand_and_count_of_values()
    {
        CopyAlleinerziehende("BA_SA_Alleinerziehende_20170714.csv");
        await RunAsync();
        Clock.Advance(TimeSpan.FromHours(1));
        CopyAlleinerziehende("BA_SA_Alleinerziehende_20171013.csv");
        await RunAsync();
        var set = Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);

        var rows = await Warehouse.AreaProvenanceAsync(set, TestContext.Current.CancellationToken);

        // A stock's figure is its month's values of the three quarters: June and later from the October file; March
        // still from July's (April, a suppressed quarter, from October's too).
        Assert.All(rows, r => Assert.Equal(("Jobcenter-8.1", set), (r.IndikatorCode, r.BereichCode)));
        Assert.Equal(
            [(new DateOnly(2017, 3, 1), "BA_SA_Alleinerziehende_20170714.csv", new DateOnly(2017, 7, 13), 3L), (new DateOnly(2017, 6, 1), "BA_SA_Alleinerziehende_20171013.csv", new DateOnly(2017, 10, 12), 3L), (new DateOnly(2017, 7, 1), "BA_SA_Alleinerziehende_20171013.csv", new DateOnly(2017, 10, 12), 3L)],
            rows.Where(r => r.Monat.Month is 3 or 6 or 7).Select(r => (r.Monat, r.Datei!, r.Datenstand!.Value, r.Werte!.Value)));
    }

    [Fact]
    public async Task The_files_behind_a_figure_as_of_a_moment_are_those_current_then_with_the_decisions_taken_by_then()
    {
        CopySamples();
        await RunAsync();
        var reported = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(1));
        var reject = Assert.Single(await FimRejectsAsync());
        Assert.True(await Warehouse.DecideAsync(reject.AbweisungId, RejectDecision.Akzeptiert, "M. Muster", "Summe mit dem Träger geklärt", TestContext.Current.CancellationToken));
        WriteSprachWithJune(35);
        await RunAsync();
        var run = Prepare();
        var ct = TestContext.Current.CancellationToken;

        var then = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, reported, ct)).Files;
        var now = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, Clock.GetUtcNow(), ct)).Files;
        var today = await Warehouse.AreaProvenanceAsync(Area.CityCode, ct);

        // As reported before the decision and the re-delivery: June's REGE-11.1 from the FIM workbook (its rejected row
        // still undecided), REGE-12.1 from the first SPRACH workbook, Jan–Jun, loaded 01.03.2018 03:00.
        Assert.Equal(
            ["REGE-11.1 2017-06-01 05711000 mindestens kaf:KAF_FIM_2017.xlsx 01.03.2018 03:00 6 0 ",
             "REGE-12.1 2017-06-01 05711000 mindestens kaf:KAF_SPRACH_2017.xlsx 01.03.2018 03:00 6 0 "],
            June(then));

        // Today: the decision is named, and June's SPRACH value comes from the re-delivery an hour later.
        Assert.Equal(
            ["REGE-11.1 2017-06-01 05711000 mindestens kaf:KAF_FIM_2017.xlsx 01.03.2018 03:00 6 1 akzeptiert Zeile 9 (SUMME_ABWEICHEND): Summe mit dem Träger geklärt – M. Muster",
             "REGE-12.1 2017-06-01 05711000 mindestens kaf:KAF_SPRACH_2017.xlsx 01.03.2018 03:00 5 0 ",
             "REGE-12.1 2017-06-01 05711000 mindestens kaf:KAF_SPRACH_2017.xlsx 01.03.2018 04:00 1 0 "],
            June(now));

        // As of now the rule is dwh.herkunft's, figure by figure.
        Assert.Equal(127, today.Count);
        Assert.Equal(today.Select(Describe), now.Select(Describe));

        static List<string> June(IEnumerable<ProvenanceRow> rows) =>
            [.. rows.Where(r => r.Monat == new DateOnly(2017, 6, 1) && r.IndikatorCode is "REGE-11.1" or "REGE-12.1").Select(Describe)];

        static string Describe(ProvenanceRow r) =>
            $"{r.IndikatorCode} {GermanText.Iso(r.Monat)} {r.ZielbereichCode} {r.Vergleich} {r.Quelle}:{r.Datei}{(r.Datenstand is { } d ? GermanText.Iso(d) : "")} {(r.GeladenUm is { } g ? BerlinTime.Stamp(g) : "")} {r.Werte} {r.Entscheidungen} {r.EntscheidungenText}";
    }
}
