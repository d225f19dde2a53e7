using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>Files are taken only when complete, archived after their load, quarantined with a reason; nothing is deleted.</summary>
public sealed class InboxFileHandlingSpecs : IDisposable
{
    private static readonly DateTimeOffset Now = new(2017, 7, 6, 3, 30, 0, TimeSpan.Zero);
    private readonly OperationsInbox _inbox = new();
    private readonly List<string> _log = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private WarehouseSettings Warehouse => new("sqlite", $"Data Source={_inbox.File("warehouse.db")}");

    private Task<RunSummary> RunAsync(bool moveFiles, TimeProvider? time = null, TimeSpan stableFor = default)
    {
        var clock = time ?? new FakeTimeProvider(Now);
        var run = PipelineRun.Prepare(_inbox.Options(Warehouse, moveFiles, stableFor), new SqliteWarehouse(Warehouse.ConnectionString, clock), OperationsInbox.Logger(_log), clock);
        return run.RunAsync([], null, Token);
    }

    private static string[] Names(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray() : [];

    [Fact]
    public async Task Without_archiving_every_file_stays_in_the_inbox()
    {
        var summary = await RunAsync(moveFiles: false);

        Assert.Equal(5, summary.Files.Count(f => f.Status == FileLoadStatus.Loaded));
        Assert.Equal(5, Names(_inbox.Kaf).Length);
        Assert.False(Directory.Exists(_inbox.Archive));
    }

    [Fact]
    public async Task Loaded_files_move_to_the_archive_by_pipeline_and_month_and_a_second_delivery_of_the_same_bytes_is_archived_beside_it()
    {
        await RunAsync(moveFiles: true);
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx"));
        File.SetLastWriteTimeUtc(Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx"), Now.UtcDateTime.AddHours(-1));

        var again = await RunAsync(moveFiles: true);

        Assert.Empty(Names(_inbox.Kaf));
        var month = Path.Combine(_inbox.Archive, "kaf", "2017-07");
        var archived = Names(month);
        Assert.Equal(6, archived.Length);
        Assert.Contains("KAF_FIM_2017.xlsx", archived);
        Assert.Single(archived, n => n.StartsWith("KAF_FIM_2017.", StringComparison.Ordinal) && n.Length == "KAF_FIM_2017.".Length + 12 + ".xlsx".Length);
        Assert.Equal([FileLoadStatus.AlreadyLoaded], again.Files.Select(f => f.Status));
    }

    [Fact]
    public async Task A_refused_file_goes_to_quarantine_at_once_with_its_reason_since_the_same_bytes_would_be_refused_again()
    {
        File.WriteAllText(Path.Combine(_inbox.Kaf, "KAF_COACH_2018.xlsx"), "keine Arbeitsmappe");
        File.SetLastWriteTimeUtc(Path.Combine(_inbox.Kaf, "KAF_COACH_2018.xlsx"), Now.UtcDateTime.AddHours(-1));

        var summary = await RunAsync(moveFiles: true);

        var refused = Assert.Single(summary.Files, f => f.Status == FileLoadStatus.Refused);
        Assert.Equal("KAF_COACH_2018.xlsx", refused.File.Name);
        Assert.Empty(Names(_inbox.Kaf));
        var quarantine = Path.Combine(_inbox.Quarantine, "kaf");
        Assert.Equal(["KAF_COACH_2018.xlsx", "KAF_COACH_2018.xlsx.grund.txt"], Names(quarantine));
        var reason = File.ReadAllLines(Path.Combine(quarantine, "KAF_COACH_2018.xlsx.grund.txt"));
        Assert.Contains("Grund: " + refused.Message, reason);
        Assert.Contains("In Quarantäne seit: 2017-07-06T03:30:00Z", reason);
        Assert.Equal("keine Arbeitsmappe", File.ReadAllText(Path.Combine(quarantine, "KAF_COACH_2018.xlsx")));
        Assert.Equal(5, Names(Path.Combine(_inbox.Archive, "kaf", "2017-07")).Length);
    }

    [Fact]
    public async Task A_file_that_keeps_failing_for_a_permanent_reason_goes_to_quarantine_after_the_configured_number_of_runs()
    {
        using var inbox = new OperationsInbox(withSamples: false);
        var settings = new WarehouseSettings("sqlite", $"Data Source={inbox.File("warehouse.db")}");
        var clock = new FakeTimeProvider(Now);
        Task<RunSummary> Run() => PipelineRun.Prepare(inbox.Options(settings, moveFiles: true), new SqliteWarehouse(settings.ConnectionString, clock), OperationsInbox.Logger(_log), clock)
            .RunAsync([], null, Token);
        await Run();
        await using (var connection = new SqliteConnection(settings.ConnectionString))
        {
            // A permanent fault for this file only: FIM feeds REGE-11.1. On the fact, which every load writes (straight
            // when nothing of the source is current yet, else through staging and merge).
            await connection.ExecuteAsync(
                "CREATE TRIGGER test_fehler BEFORE INSERT ON fact_beobachtung WHEN NEW.indikator_code = 'REGE-11.1' BEGIN SELECT RAISE(ABORT, 'Testfehler'); END;");
        }

        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), Path.Combine(inbox.Kaf, "KAF_FIM_2017.xlsx"));
        File.SetLastWriteTimeUtc(Path.Combine(inbox.Kaf, "KAF_FIM_2017.xlsx"), Now.UtcDateTime.AddHours(-1));

        var first = await Run();
        var afterFirst = Names(inbox.Kaf);
        var second = await Run();

        var failed = Assert.Single(first.Files);
        Assert.Equal(FileLoadStatus.Failed, failed.Status);
        Assert.StartsWith("SqliteException: SQLite Error 19: 'Testfehler'", failed.Message, StringComparison.Ordinal);
        Assert.Equal(["KAF_FIM_2017.xlsx"], afterFirst);
        Assert.Equal(FileLoadStatus.Failed, Assert.Single(second.Files).Status);
        Assert.Empty(Names(inbox.Kaf));
        var quarantine = Path.Combine(inbox.Quarantine, "kaf");
        Assert.Equal(["KAF_FIM_2017.xlsx", "KAF_FIM_2017.xlsx.grund.txt"], Names(quarantine));
        var reason = File.ReadAllLines(Path.Combine(quarantine, "KAF_FIM_2017.xlsx.grund.txt"));
        Assert.Contains("Pipeline: kaf", reason);
        Assert.Equal(2, reason.Count(l => l.StartsWith("Fehlversuch: 2017-07-06T03:30:00Z SqliteException", StringComparison.Ordinal)));
        Assert.Contains(_log, l => l.StartsWith("1013 KAF_FIM_2017.xlsx: in Quarantäne verschoben", StringComparison.Ordinal));
        Assert.DoesNotContain(_log, l => l.StartsWith("1101", StringComparison.Ordinal));
        await using var check = new SqliteConnection(settings.ConnectionString);
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_beobachtung"));
    }

    [Fact]
    public async Task A_file_still_being_written_waits_for_the_stability_window_and_is_taken_by_a_later_run()
    {
        var time = new FakeTimeProvider(Now);
        var fresh = Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx");
        File.SetLastWriteTimeUtc(fresh, Now.UtcDateTime.AddSeconds(-10));

        var early = await RunAsync(moveFiles: true, time, TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(25));
        var later = await RunAsync(moveFiles: true, time, TimeSpan.FromSeconds(30));

        Assert.Equal(4, early.Files.Count);
        var deferred = Assert.Single(early.Deferred);
        Assert.Equal(fresh, deferred.Path);
        Assert.Equal("zuletzt vor 10 s geändert, wird erst nach 30 s ohne Änderung übernommen", deferred.Reason);
        Assert.Equal([("KAF_FIM_2017.xlsx", FileLoadStatus.Loaded)], later.Files.Select(f => (f.File.Name, f.Status)));
        Assert.Empty(Names(_inbox.Kaf));
    }

    [Fact]
    public async Task Without_a_stability_window_a_file_dated_after_the_runs_clock_is_taken()
    {
        // A clock behind the file system (a test's fixed date, a share with skewed time) must not hold files back.
        File.SetLastWriteTimeUtc(Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx"), Now.UtcDateTime.AddDays(400));

        var summary = await RunAsync(moveFiles: false);

        Assert.Empty(summary.Deferred);
        Assert.Equal(5, summary.Files.Count(f => f.Status == FileLoadStatus.Loaded));
    }

    [Fact]
    public async Task A_file_locked_by_its_writer_is_retried_then_left_for_the_next_run_without_counting_as_a_failure()
    {
        var locked = Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx");
        RunSummary summary;
        await using (new FileStream(locked, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
            // Real time: the retries' back-off waits on the run's clock.
            summary = await RunAsync(moveFiles: true, TimeProvider.System);
        }

        Assert.Equal(4, summary.Files.Count(f => f.Status == FileLoadStatus.Loaded));
        Assert.Equal("gesperrt (wird noch geschrieben)", Assert.Single(summary.Deferred).Reason);
        Assert.Equal(3, _log.Count(l => l.StartsWith("1101 KAF_FIM_2017.xlsx: vorübergehender Fehler (IOException", StringComparison.Ordinal)));
        Assert.Equal(["KAF_FIM_2017.xlsx"], Names(_inbox.Kaf));
        Assert.False(Directory.Exists(_inbox.Quarantine));
    }
}
