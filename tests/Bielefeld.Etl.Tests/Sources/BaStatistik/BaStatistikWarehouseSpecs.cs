using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>The BA samples through the real pipeline into a real SQLite warehouse: loads, revisions by Datenstand, attainment.</summary>
public sealed class BaStatistikWarehouseSpecs : IAsyncLifetime
{
    private readonly TemporaryDirectory _dir = new();
    private SqliteWarehouse _warehouse = null!;

    private string Inbox => _dir.Folder(Path.Combine("inbox", BaPipeline.Inbox));

    public ValueTask InitializeAsync()
    {
        _warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", TimeProvider.System);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<RunSummary> RunAsync(params string[] samples)
    {
        foreach (var sample in samples)
        {
            File.Copy(BaPipeline.Sample(sample), Path.Combine(Inbox, sample), overwrite: true);
        }

        return await RunWithAreasAsync(RepositoryPaths.Areas);
    }

    private async Task<RunSummary> RunWithAreasAsync(string areas)
    {
        var run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, areas, new WarehouseSettings("sqlite", "")),
            _warehouse, NullLogger.Instance, TimeProvider.System);
        return await run.RunAsync(["ba-statistik"], null, TestContext.Current.CancellationToken);
    }

    private async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    private async Task<(double? Ist, double? Ziel, double? Grad, string Status, long Unterdrueckt)> AttainmentAsync(string indicator, string month, string area = "Stadt Bielefeld") =>
        (await QueryAsync<(double?, double?, double?, string, long)>(
            "SELECT istwert, zielwert, zielerreichungsgrad, status, unterdrueckte_werte FROM rpt_zielerreichung WHERE indikator_code = @indicator AND monat = @month AND bereich = @area",
            new { indicator, month, area })).Single();

    private Task<List<(string Bereich, string Monat, double? Wert, long Unterdrueckt, string Datenstand)>> CurrentLoneParentsAsync() =>
        QueryAsync<(string, string, double?, long, string)>(
            "SELECT bereich_code, monat, wert, unterdrueckt, datenstand FROM fact_beobachtung WHERE indikator_code = 'Jobcenter-8.1' AND ersetzt_durch_datei_id IS NULL ORDER BY bereich_code, monat");

    [Fact]
    public async Task Attainment_reads_only_the_plan_months_yet_an_area_with_values_only_outside_them_keeps_its_months()
    {
        // Sieker has values only in 2015, Baumheide in June 2017 and as the December 2016 baseline.
        BaSpecialEvaluationWriter.Write(
            [
                new("201506", "13.07.2017", "Quartier", "", "Sieker", "Arbeitslose Alleinerziehende SGB II", "60"),
                new("201612", "13.07.2017", "Quartier", "", "Baumheide", "Arbeitslose Alleinerziehende SGB II", "87"),
                new("201706", "13.07.2017", "Quartier", "", "Baumheide", "Arbeitslose Alleinerziehende SGB II", "64"),
            ],
            Path.Combine(Inbox, "BA_SA_Fenster_20170714.csv"));

        var summary = await RunAsync();

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(summary.Files).Status);
        var sieker = await QueryAsync<(string Monat, double? Ist)>(
            "SELECT monat, istwert FROM fact_zielerreichung WHERE indikator_code = 'Jobcenter-8.1' AND bereich_code = 'quartier:sieker' ORDER BY monat");
        Assert.Equal(12, sieker.Count);
        Assert.All(sieker, f => Assert.Null(f.Ist));
        var baumheide = await QueryAsync<(string Monat, double? Ist)>(
            "SELECT monat, istwert FROM fact_zielerreichung WHERE indikator_code = 'Jobcenter-8.1' AND bereich_code = 'quartier:baumheide' ORDER BY monat");
        Assert.Equal(12, baumheide.Count);
        Assert.Equal([("2017-06-01", 64.0)], baumheide.Where(f => f.Ist is not null).Select(f => (f.Monat, f.Ist!.Value)));
    }

    [Fact]
    public async Task An_indicator_with_more_figures_than_one_write_batch_keeps_every_figure_once_across_recomputations()
    {
        // 450 quarters × 12 months = 5,400 figures for Jobcenter-8.1: more than one batch of 5,000. The first batch
        // replaces the indicator's figures, the next adds; a second delivery must replace both, not stack on them.
        const int quarters = 450;
        var areas = _dir.File("bereiche.yml");
        var lines = Enumerable.Range(1, quarters).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"  - {{ code: \"quartier:sq-{i:D3}\", name: Statistikquartier {i:D3}, stadtbezirk: 05711000-{(i % 10) + 1:D2} }}"));
        File.WriteAllText(areas, File.ReadAllText(RepositoryPaths.Areas).TrimEnd() + "\n" + string.Join("\n", lines) + "\n");
        void Deliver(string name, string datenstand, int offset) => BaSpecialEvaluationWriter.Write(
            Enumerable.Range(1, quarters).Select(i => new BaSpecialEvaluationRow(
                "201706", datenstand, "Quartier", "", $"Statistikquartier {i:D3}", "Arbeitslose Alleinerziehende SGB II",
                (i + offset).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Path.Combine(Inbox, name));

        Deliver("BA_SA_Quartiere_20170714.csv", "13.07.2017", 0);
        await RunWithAreasAsync(areas);
        Deliver("BA_SA_Quartiere_20170814.csv", "11.08.2017", 1000);
        var summary = await RunWithAreasAsync(areas);

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(summary.Files, f => f.File.Name == "BA_SA_Quartiere_20170814.csv").Status);
        var figures = await QueryAsync<(long Alle, long Verschieden, long Juni)>(
            """
            SELECT COUNT(*), COUNT(DISTINCT bereich_code || monat), SUM(CASE WHEN monat = '2017-06-01' THEN 1 ELSE 0 END)
            FROM fact_zielerreichung WHERE indikator_code = 'Jobcenter-8.1' AND bereich_code LIKE 'quartier:sq-%'
            """);
        Assert.Equal((quarters * 12L, quarters * 12L, (long)quarters), figures.Single());
        var june = await QueryAsync<double>(
            "SELECT istwert FROM fact_zielerreichung WHERE indikator_code = 'Jobcenter-8.1' AND bereich_code LIKE 'quartier:sq-%' AND monat = '2017-06-01' ORDER BY bereich_code");
        Assert.Equal(Enumerable.Range(1, quarters).Select(i => (double)(i + 1000)), june);
    }

    [Fact]
    public async Task Sample_run_loads_every_BA_file_with_row_conservation()
    {
        var summary = await RunAsync(BaSampleSet.JuneTable, BaSampleSet.MayTable, BaSampleSet.LoneParents, BaSampleSet.LoneParentsRevision, BaSampleSet.TrainingAndIntegrations);

        Assert.All(summary.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        var protocol = await QueryAsync<(string Datei, int Gelesen, int Geladen, int Abgewiesen, int Uebersprungen)>(
            "SELECT datei, zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM rpt_ladeprotokoll ORDER BY datei");
        Assert.Equal(
        [
            ("BA_AMR_05711_201705.xls", 22, 1, 0, 21),
            ("BA_AMR_05711_201706.xlsx", 21, 1, 0, 20),
            ("BA_SA_Alleinerziehende_20170714.csv", 24, 21, 1, 2),
            ("BA_SA_Alleinerziehende_20171013.csv", 19, 18, 0, 1),
            ("BA_SA_AusbildungIntegration_20170714.csv", 16, 12, 2, 2),
        ], protocol);
        var rejected = await QueryAsync<(string Datei, int Zeile, string Spalte, string Rohwert, string Code)>(
            "SELECT datei, zeile, spalte, rohwert, grund_code FROM dwh_abgewiesene_zeilen ORDER BY datei, zeile");
        Assert.Equal(
        [
            ("BA_SA_Alleinerziehende_20170714.csv", 24, "Region", "Sennestadt-Süd", "BA_REGION_UNBEKANNT"),
            ("BA_SA_AusbildungIntegration_20170714.csv", 15, "Wert", "vorl. 498", "WERT_KEINE_ZAHL"),
            ("BA_SA_AusbildungIntegration_20170714.csv", 16, "Regionsschluessel", "05754008", "BA_REGION_UNBEKANNT"),
        ], rejected);
    }

    [Fact]
    public async Task Every_indicator_the_source_feeds_shows_an_actual_in_the_attainment_view()
    {
        await RunAsync(BaSampleSet.JuneTable, BaSampleSet.MayTable, BaSampleSet.LoneParents, BaSampleSet.TrainingAndIntegrations);

        // U25 rate SGB II: the latest published month (June 6,1 %) against at most 5,9 %: degree 5,9 / 6,1.
        var u25 = await AttainmentAsync("Jobcenter-2.1", "2017-06-01");
        Assert.Equal((6.1, 5.9, "gruen"), (u25.Ist, u25.Ziel, u25.Status));
        Assert.Equal(5.9 / 6.1, u25.Grad!.Value, 6);
        Assert.Equal(6.3, (await AttainmentAsync("Jobcenter-2.1", "2017-05-01")).Ist);
        // Entries into training January–June 184 of 583 (path 291,5); integrations 2.902 of 5.985 (path 2.992,5).
        Assert.Equal((184d, 583d, "rot"), ((await AttainmentAsync("Jobcenter-1.1", "2017-06-01")).Ist, (await AttainmentAsync("Jobcenter-1.1", "2017-06-01")).Ziel, (await AttainmentAsync("Jobcenter-1.1", "2017-06-01")).Status));
        Assert.Equal((2902d, "gruen"), ((await AttainmentAsync("Jobcenter-3.1", "2017-06-01")).Ist, (await AttainmentAsync("Jobcenter-3.1", "2017-06-01")).Status));
        // Lone parents: a stock per quarter, the June value; the plan gives no baseline figure yet, so no degree.
        Assert.Equal(104d, (await AttainmentAsync("Jobcenter-8.1", "2017-06-01", "Sennestadt")).Ist);
        Assert.Equal(84d, (await AttainmentAsync("Jobcenter-8.1", "2017-06-01", "Baumheide")).Ist);
        Assert.Equal(60d, (await AttainmentAsync("Jobcenter-8.1", "2017-06-01", "Sieker")).Ist);
        Assert.Equal(1, (await AttainmentAsync("Jobcenter-8.1", "2017-04-01", "Sieker")).Unterdrueckt);
        Assert.Equal(0, (await AttainmentAsync("Jobcenter-8.1", "2017-03-01", "Sieker")).Unterdrueckt);
    }

    [Fact]
    public async Task The_suppressed_figure_is_stored_as_suppressed_and_December_2016_as_baseline()
    {
        await RunAsync(BaSampleSet.LoneParents);

        var current = await CurrentLoneParentsAsync();
        Assert.Equal(21, current.Count);
        Assert.Contains(("quartier:sieker", "2017-04-01", (double?)null, 1L, "2017-07-13"), current);
        Assert.Equal([112d, 87d, 64d], current.Where(c => c.Monat == "2016-12-01").OrderBy(c => c.Bereich == "quartier:sennestadt" ? 0 : c.Bereich == "quartier:baumheide" ? 1 : 2).Select(c => c.Wert!.Value));
    }

    [Fact]
    public async Task A_later_Datenstand_supersedes_the_earlier_figures_and_keeps_them_in_history()
    {
        await RunAsync(BaSampleSet.LoneParents);
        await RunAsync(BaSampleSet.LoneParentsRevision);

        var history = await QueryAsync<(string Bereich, string Monat, double Wert, string Datenstand)>(
            "SELECT bereich_code, monat, wert, datenstand FROM fact_beobachtung WHERE indikator_code = 'Jobcenter-8.1' AND ersetzt_durch_datei_id IS NOT NULL ORDER BY bereich_code, monat");
        Assert.Equal(
        [
            ("quartier:baumheide", "2017-06-01", 84d, "2017-07-13"),
            ("quartier:sennestadt", "2017-05-01", 105d, "2017-07-13"),
            ("quartier:sennestadt", "2017-06-01", 104d, "2017-07-13"),
            ("quartier:sieker", "2017-06-01", 60d, "2017-07-13"),
        ], history);
        Assert.Equal(30, (await CurrentLoneParentsAsync()).Count);
        Assert.Equal(102d, (await AttainmentAsync("Jobcenter-8.1", "2017-06-01", "Sennestadt")).Ist);
        Assert.Equal(98d, (await AttainmentAsync("Jobcenter-8.1", "2017-09-01", "Sennestadt")).Ist);
    }

    [Fact]
    public async Task An_older_Datenstand_arriving_late_is_kept_in_history_only_and_the_current_figures_are_the_same()
    {
        await RunAsync(BaSampleSet.LoneParents);
        await RunAsync(BaSampleSet.LoneParentsRevision);
        var inOrder = (await CurrentLoneParentsAsync()).Select(c => (c.Bereich, c.Monat, c.Wert, c.Unterdrueckt)).ToList();
        // The same deliveries in the other order, into a fresh warehouse: the state a warehouse keeps beside its facts
        // (verdicts, check state, follow-up work) is its own, not the spec's to wipe by hand.
        _warehouse = new SqliteWarehouse($"Data Source={_dir.File("reversed.db")}", TimeProvider.System);
        foreach (var file in Directory.GetFiles(Inbox))
        {
            File.Delete(file);
        }

        await RunAsync(BaSampleSet.LoneParentsRevision);
        var late = await RunAsync(BaSampleSet.LoneParents);

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(late.Files, f => f.File.Name == BaSampleSet.LoneParents).Status);
        Assert.Equal(inOrder, (await CurrentLoneParentsAsync()).Select(c => (c.Bereich, c.Monat, c.Wert, c.Unterdrueckt)).ToList());
        // April to June of the older delivery (nine values) went straight into history.
        Assert.Equal(9, (await QueryAsync<int>("SELECT COUNT(*) FROM fact_beobachtung WHERE indikator_code = 'Jobcenter-8.1' AND ersetzt_durch_datei_id IS NOT NULL")).Single());
        Assert.Equal(102d, (await AttainmentAsync("Jobcenter-8.1", "2017-06-01", "Sennestadt")).Ist);
    }
}
