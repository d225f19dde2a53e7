using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// How every warehouse provider must behave, written once and run per provider: load with row conservation,
/// idempotent re-runs, supersede by re-delivery with history, rejected rows kept, attainment, rollback on failure.
/// A subclass supplies a fresh, isolated warehouse and the provider's object names.
/// </summary>
public abstract partial class WarehouseBehaviour : IAsyncLifetime
{
    private readonly TemporaryDirectory _dir = new();

    protected WarehouseProvider Warehouse { get; private set; } = null!;

    protected string Inbox => _dir.Folder("inbox");

    protected string KafInbox => _dir.Folder(Path.Combine("inbox", "kaf"));

    /// <summary>
    /// The suite's clock, fixed after the sample year (every 2017 delivery is due by then) and advancing a millisecond
    /// per reading, so that two loads never share a moment; a spec that needs two moments apart advances it.
    /// </summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2018, 3, 1, 2, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };

    /// <summary>What the warehouse logged (event id, message), its migrations included.</summary>
    protected List<string> WarehouseLog { get; } = [];

    /// <summary>A fresh warehouse no other test class uses, on <paramref name="time"/>, logging to <paramref name="log"/>.</summary>
    protected abstract Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider time, ILogger log);

    /// <summary>The provider's name of a reporting view (<c>rpt_x</c> on SQLite, <c>rpt.x</c> on servers).</summary>
    protected abstract string View(string name);

    /// <summary>The provider's name of a warehouse table.</summary>
    protected abstract string Table(string name);

    /// <summary>A month column as ISO text (<c>yyyy-MM-dd</c>): SQLite stores it so, servers store a date.</summary>
    protected virtual string MonthText(string column) => column;

    public async ValueTask InitializeAsync() => Warehouse = await CreateWarehouseAsync(Clock, new Operations.OperationsInbox.ListLogger(WarehouseLog));

    public virtual ValueTask DisposeAsync()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private PipelineRun Prepare(string? catalog = null, TimeProvider? time = null) => PipelineRun.Prepare(
        new EtlOptions(Inbox, RepositoryPaths.Pipelines, catalog ?? RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(Warehouse.Name, "")),
        Warehouse, NullLogger.Instance, time ?? Clock);

    protected async Task<RunSummary> RunAsync(string? catalog = null, TimeProvider? time = null) =>
        await Prepare(catalog, time).RunAsync([], null, TestContext.Current.CancellationToken);

    [Fact]
    public void Migrations_log_each_script_they_execute_through_the_warehouse_logger_and_none_the_second_time()
    {
        // The versioned scripts in order, then the repeatable views, journalled as views/<hash> (ReportingViews).
        List<string> scripts = [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sql", Warehouse.Name), "*.sql").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal), "'views/"];

        Warehouse.Migrate();
        var first = Executed();
        Warehouse.Migrate();

        Assert.Equal(scripts, first.Select(l => scripts.Single(s => l.Contains(s, StringComparison.Ordinal))));
        Assert.Equal(first, Executed());
        Assert.DoesNotContain(WarehouseLog, l => l.StartsWith("3004 ", StringComparison.Ordinal));

        List<string> Executed()
        {
            lock (WarehouseLog)
            {
                return [.. WarehouseLog.Where(l => l.StartsWith("3002 Migration: Executing", StringComparison.Ordinal))];
            }
        }
    }

    protected void CopySamples()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            File.Copy(file, Path.Combine(KafInbox, Path.GetFileName(file)), overwrite: true);
        }
    }

    protected async Task<List<T>> QueryAsync<T>(string sql, object? args = null)
    {
        await using var connection = await Warehouse.OpenAsync(TestContext.Current.CancellationToken);
        return (await connection.QueryAsync<T>(sql, args)).ToList();
    }

    private async Task<(double? Ist, double? Ziel, double? Pfad, double? Grad, string Status)> AttainmentAsync(string indicator, string month) =>
        (await QueryAsync<(double?, double?, double?, double?, string)>(
            $"SELECT istwert, zielwert, zielpfad, zielerreichungsgrad, status FROM {View("zielerreichung")} WHERE indikator_code = @indicator AND {MonthText("monat")} = @month AND bereich = 'Stadt Bielefeld'",
            new { indicator, month })).Single();

    private async Task<int> CurrentObservationsAsync(string series, string indicator) =>
        (await QueryAsync<int>(
            $"SELECT COUNT(*) FROM {Table("fact_beobachtung")} WHERE serie = @series AND indikator_code = @indicator AND ersetzt_durch_datei_id IS NULL",
            new { series, indicator })).Single();

    [Fact]
    public async Task Initialising_loads_the_committed_catalog_into_measure_and_indicator_dimensions()
    {
        await Prepare().InitialiseAsync(TestContext.Current.CancellationToken);

        Assert.Equal(48, (await QueryAsync<int>($"SELECT COUNT(*) FROM {View("massnahme")} WHERE massnahme_code <> 'Kontext'")).Single());
        Assert.Equal(88, (await QueryAsync<int>($"SELECT COUNT(*) FROM {View("indikator")} WHERE massnahme_code <> 'Kontext'")).Single());
        // Beside the plan: the context series of pipelines/einwohnermeldeamt.yml, informational, under the pseudo-measure Kontext.
        var context = await QueryAsync<bool>($"SELECT nachrichtlich FROM {View("indikator")} WHERE massnahme_code = 'Kontext'");
        Assert.Equal([true, true, true], context);
        var u25 = (await QueryAsync<(string Massnahme, string Art, string Richtung, double Zielwert, string Text)>(
            $"SELECT massnahme_code, art, richtung, zielwert, zielwert_text FROM {View("indikator")} WHERE indikator_code = 'Jobcenter-2.1'")).Single();
        Assert.Equal(("Jobcenter-2", "veroeffentlichte_quote", "niedriger_ist_besser", 5.9d), (u25.Massnahme, u25.Art, u25.Richtung, u25.Zielwert));
        var rege93 = (await QueryAsync<(string Eltern, bool Nachrichtlich)>(
            $"SELECT eltern_indikator_code, nachrichtlich FROM {View("indikator")} WHERE indikator_code = 'REGE-9.3'")).Single();
        Assert.Equal(("REGE-9.2", false), rege93);
        Assert.Equal(7300d, (await QueryAsync<double>($"SELECT aufwand_eur FROM {View("massnahme")} WHERE massnahme_code = 'REGE-10'")).Single());
    }

    /// <summary>A copy of the 2017 catalog in which REGE-9.1's Zielwert 97 is revised; returns its folder.</summary>
    private string ReviseRege9Target(int value) => ReviseCatalog("REGE-9", "wert: 97", $"wert: {value}");

    /// <summary>A copy of the 2017 catalog in which <paramref name="old"/> of one measure's file is replaced; returns its folder.</summary>
    private string ReviseCatalog(string measure, string old, string revision)
    {
        var revised = _dir.Folder("catalog");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Catalog2017, "*.yml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(revised, Path.GetRelativePath(RepositoryPaths.Catalog2017, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        var path = Path.Combine(revised, "massnahmen", measure + ".yml");
        var text = File.ReadAllText(path);
        Assert.Contains(old, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(old, revision, StringComparison.Ordinal));
        return revised;
    }

    [Fact]
    public async Task A_revised_Zielwert_is_picked_up_by_the_next_run_and_keeps_the_earlier_version_in_history()
    {
        CopySamples();
        await RunAsync();

        await RunAsync(ReviseRege9Target(100));

        var versions = await QueryAsync<(double Wert, bool Aktuell)>(
            $"SELECT wert, CASE WHEN gueltig_bis IS NULL THEN 1 ELSE 0 END FROM {Table("fact_zielwert")} WHERE indikator_code = 'REGE-9.1' ORDER BY zielwert_id");
        Assert.Equal([(97d, false), (100d, true)], versions);
        Assert.Equal(100d, (await QueryAsync<double>($"SELECT zielwert FROM {View("indikator")} WHERE indikator_code = 'REGE-9.1'")).Single());
        Assert.Equal((100d, 50d), ((await AttainmentAsync("REGE-9.1", "2017-06-01")).Ziel, (await AttainmentAsync("REGE-9.1", "2017-06-01")).Pfad));
    }

    [Fact]
    public async Task Sample_run_records_row_conservation_for_every_file()
    {
        CopySamples();

        var summary = await RunAsync();

        Assert.All(summary.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        var protocol = await QueryAsync<(string Datei, string Status, int Gelesen, int Geladen, int Abgewiesen, int Uebersprungen)>(
            $"SELECT datei, status, zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM {View("ladeprotokoll")} ORDER BY datei");
        Assert.Equal(
        [
            ("KAF_COACH_2017.xlsx", "geladen", 12, 3, 0, 9),
            ("KAF_ERNAEHR_2017.xlsx", "geladen", 10, 1, 0, 9),
            ("KAF_FIM_2017.xlsx", "geladen", 12, 2, 1, 9),
            ("KAF_SPRACH_2017.xlsx", "geladen", 10, 1, 0, 9),
            ("KAF_THEO_2017.xls", "geladen", 11, 2, 0, 9),
        ], protocol);
    }

    [Fact]
    public async Task Sample_run_computes_attainment_per_indicator_and_month()
    {
        CopySamples();

        await RunAsync();

        // Placements: COACH 32 + THEO 5; FIM's 9 are in the rejected row. Path to June: 97 × 6/12.
        var placements = await AttainmentAsync("REGE-9.1", "2017-06-01");
        Assert.Equal((37d, 97d, 48.5d, "rot"), (placements.Ist, placements.Ziel, placements.Pfad, placements.Status));
        Assert.Equal(37d / 97d, placements.Grad!.Value, 6);
        Assert.Equal((262d, "gruen"), ((await AttainmentAsync("REGE-9.2", "2017-06-01")).Ist, (await AttainmentAsync("REGE-9.2", "2017-06-01")).Status));
        Assert.Equal((75d, 80d, "gelb"), ((await AttainmentAsync("REGE-9.3", "2017-06-01")).Ist, (await AttainmentAsync("REGE-9.3", "2017-06-01")).Pfad, (await AttainmentAsync("REGE-9.3", "2017-06-01")).Status));
        Assert.Equal(13d, (await AttainmentAsync("REGE-10.1", "2017-06-01")).Ist);
        Assert.Equal(129d, (await AttainmentAsync("REGE-11.1", "2017-06-01")).Ist);
        Assert.Equal(183d, (await AttainmentAsync("REGE-12.1", "2017-06-01")).Ist);
        Assert.Equal(1270d, (await AttainmentAsync("REGE-13.1", "2017-06-01")).Ist);
        Assert.Equal(212d, (await AttainmentAsync("REGE-13.1", "2017-01-01")).Ist);

        var july = await AttainmentAsync("REGE-13.1", "2017-07-01");
        Assert.Equal((null, 2570d, "keine_daten"), (july.Ist, july.Ziel, july.Status));
        Assert.Equal(12 * 7, (await QueryAsync<int>($"SELECT COUNT(*) FROM {View("zielerreichung")} WHERE massnahme_code IN ('REGE-9', 'REGE-10', 'REGE-11', 'REGE-12', 'REGE-13') AND bereich = 'Stadt Bielefeld'")).Single());
    }

    [Fact]
    public async Task Rejected_row_is_kept_with_file_sheet_row_column_raw_value_and_reason()
    {
        CopySamples();

        await RunAsync();

        var rejected = await QueryAsync<(string Datei, string Blatt, int Zeile, string Spalte, string Rohwert, string Code, string Grund)>(
            $"SELECT datei, blatt, zeile, spalte, rohwert, grund_code, grund FROM {View("abgewiesene_zeilen")}");
        Assert.Equal(
            [("KAF_FIM_2017.xlsx", "Controlling", 9, "N", "11", "SUMME_ABWEICHEND", "Summe 11 weicht von der Summe der Monate 9 ab.")],
            rejected);
    }

    [Fact]
    public async Task Rejected_rows_are_listed_for_stewards_by_load_file_source_and_reason()
    {
        CopySamples();

        var fim = (await RunAsync()).Files.Single(f => f.File.Name == "KAF_FIM_2017.xlsx");
        var ct = TestContext.Current.CancellationToken;

        var byLoad = Assert.Single(await Warehouse.RejectedRowsAsync(new RejectedRowQuery(FileId: fim.FileId), ct));
        Assert.Equal(("KAF_FIM_2017.xlsx", "kaf", "Controlling", 9L, "N", "11", "SUMME_ABWEICHEND"),
            (byLoad.Datei, byLoad.Quelle, byLoad.Blatt, byLoad.Zeile, byLoad.Spalte, byLoad.Rohwert, byLoad.GrundCode));
        Assert.Single(await Warehouse.RejectedRowsAsync(new RejectedRowQuery(File: "KAF_FIM_2017.xlsx", Source: "kaf", Reason: "SUMME_ABWEICHEND"), ct));
        Assert.Empty(await Warehouse.RejectedRowsAsync(new RejectedRowQuery(Reason: "WERT_KEINE_ZAHL"), ct));
        Assert.Empty(await Warehouse.RejectedRowsAsync(new RejectedRowQuery(File: "KAF_COACH_2017.xlsx"), ct));
    }

    [Fact]
    public async Task The_same_file_again_is_skipped_and_says_so()
    {
        CopySamples();
        await RunAsync();
        var observations = (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")}")).Single();

        var again = await RunAsync();

        Assert.All(again.Files, f => Assert.Equal(FileLoadStatus.AlreadyLoaded, f.Status));
        Assert.All(again.Files, f => Assert.Equal("Diese Datei (gleicher Inhalt) ist bereits geladen.", f.Message));
        Assert.Equal(observations, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")}")).Single());
        Assert.Equal(5, (await QueryAsync<int>($"SELECT COUNT(*) FROM {View("ladeprotokoll")} WHERE status = 'geladen'")).Single());
        Assert.Equal(37d, (await AttainmentAsync("REGE-9.1", "2017-06-01")).Ist);
    }

    [Fact]
    public async Task A_corrected_workbook_supersedes_the_earlier_values_and_keeps_them_in_history()
    {
        CopySamples();
        await RunAsync();
        var fim = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook;
        var corrected = fim with { Rows = [.. fim.Rows.Select(r => r with { SumOverride = null })] };
        KafWorkbookWriter.Write(corrected, Path.Combine(KafInbox, "KAF_FIM_2017.xlsx"));

        var summary = await RunAsync();

        var load = Assert.Single(summary.Files, f => f.Status == FileLoadStatus.Loaded);
        Assert.Equal(new RowCounts(12, 3, 0, 9), load.Counts);
        Assert.Equal(46d, (await AttainmentAsync("REGE-9.1", "2017-06-01")).Ist);
        Assert.Equal(6, await CurrentObservationsAsync("KAF:FIM", "REGE-9.1"));
        // Unchanged values keep the file that first delivered them; nothing of FIM's earlier delivery was replaced.
        Assert.Equal(0, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")} WHERE ersetzt_durch_datei_id IS NOT NULL")).Single());
    }

    [Fact]
    public async Task A_redelivery_that_empties_a_month_takes_its_value_back_and_keeps_the_old_value_in_history()
    {
        CopySamples();
        await RunAsync();
        var sprach = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "SPRACH").Workbook;
        var months = sprach.Rows[0].Months.ToArray();
        months[5] = null;
        KafWorkbookWriter.Write(sprach with { Rows = [sprach.Rows[0] with { Months = months }] }, Path.Combine(KafInbox, "KAF_SPRACH_2017.xlsx"));

        await RunAsync();

        Assert.Equal(5, await CurrentObservationsAsync("KAF:SPRACH", "REGE-12.1"));
        var history = await QueryAsync<(string Monat, double Wert)>(
            $"SELECT {MonthText("monat")} AS monat, wert FROM {Table("fact_beobachtung")} WHERE serie = 'KAF:SPRACH' AND ersetzt_durch_datei_id IS NOT NULL");
        Assert.Equal([("2017-06-01", 30d)], history);
        Assert.Equal("keine_daten", (await AttainmentAsync("REGE-12.1", "2017-06-01")).Status);
        Assert.Equal(153d, (await AttainmentAsync("REGE-12.1", "2017-05-01")).Ist);
    }

    [Fact]
    public async Task A_failure_in_the_middle_of_a_file_leaves_nothing_and_the_next_load_completes_it()
    {
        Warehouse.Migrate();
        await Warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, TestContext.Current.CancellationToken);
        var path = KafPipeline.Sample("KAF_COACH_2017.xlsx");
        var file = await InboxFile.FingerprintAsync("kaf", path, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<IOException>(() => Warehouse.LoadAsync(file, FailAfterRows(8), null, TestContext.Current.CancellationToken));

        foreach (var table in new[] { "load_file", "fact_beobachtung", "rejected_row", "stg_observation" })
        {
            Assert.Equal(0, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table(table)}")).Single());
        }

        var retry = await Warehouse.LoadAsync(file, KafPipeline.Reader.Open, null, TestContext.Current.CancellationToken);
        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(12, 3, 0, 9)), (retry.Status, retry.Counts));
        Assert.Equal(18, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")}")).Single()); // three Kennzahlen × six months
    }

    /// <summary>Renames the staging table out of the way (or back), so that a load that stages fails.</summary>
    protected virtual string StagingAside(bool aside) => aside
        ? "ALTER TABLE stg_observation RENAME TO stg_observation_beiseite"
        : "ALTER TABLE stg_observation_beiseite RENAME TO stg_observation";

    [Fact]
    public async Task A_first_load_of_a_source_goes_straight_into_the_fact_and_the_next_file_of_the_source_merges_through_staging()
    {
        var ct = TestContext.Current.CancellationToken;
        Warehouse.Migrate();
        await Warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, ct);
        var coach = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_COACH_2017.xlsx"), ct);
        var fim = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_FIM_2017.xlsx"), ct);
        await QueryAsync<int>(StagingAside(true));

        // Nothing of the source is current yet: no staging needed.
        var first = await Warehouse.LoadAsync(coach, KafPipeline.Reader.Open, null, ct);
        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(12, 3, 0, 9)), (first.Status, first.Counts));
        Assert.Equal(18, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")} WHERE ersetzt_durch_datei_id IS NULL AND datei_id = @id", new { id = first.FileId })).Single());

        // Now the source has current values: the next file must merge through staging (set aside: the load fails, leaving nothing).
        await Assert.ThrowsAnyAsync<Exception>(() => Warehouse.LoadAsync(fim, KafPipeline.Reader.Open, null, ct));
        Assert.Equal(1, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("load_file")}")).Single());
        Assert.Equal(18, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")}")).Single());

        await QueryAsync<int>(StagingAside(false));
        var second = await Warehouse.LoadAsync(fim, KafPipeline.Reader.Open, null, ct);
        Assert.Equal(FileLoadStatus.Loaded, second.Status);
        Assert.Equal(18, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("fact_beobachtung")} WHERE ersetzt_durch_datei_id IS NULL AND datei_id = @id", new { id = first.FileId })).Single());
        Assert.Equal(0, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("stg_observation")}")).Single());
    }

    private static Func<string, ExtractReading> FailAfterRows(int rows) => path =>
    {
        var reading = KafPipeline.Reader.Open(path);
        return new ExtractReading(reading.Scope, Fail(reading.Rows, rows), reading);
    };

    private static IEnumerable<SourceRow> Fail(IEnumerable<SourceRow> rows, int after)
    {
        foreach (var row in rows.Take(after))
        {
            yield return row;
        }

        throw new IOException("Netzlaufwerk während des Lesens getrennt (simuliert).");
    }
}
