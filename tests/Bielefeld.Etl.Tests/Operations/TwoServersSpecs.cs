using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>
/// Two Hangfire servers on one PostgreSQL job storage, sharing one inbox, with a load that outlasts the storage's
/// timeouts: the pipeline is triggered on both servers, the second takes over the first one's pipeline lock as stale,
/// so the pipeline really runs twice at once. Every file still lands exactly once: the load's claim decides, not a lock.
/// </summary>
public sealed class TwoServersSpecs(PostgresServer server) : IAsyncLifetime
{
    // Shortened from 30 and 10 minutes: the slow load below takes about 20 s.
    private static readonly ServerOptions Shortened = new()
    {
        JobStorage = new(InvisibilityTimeout: TimeSpan.FromSeconds(3), DistributedLockTimeout: TimeSpan.FromSeconds(2), QueuePollInterval: TimeSpan.FromMilliseconds(200)),
        WorkerCount = 1,
    };

    private readonly OperationsInbox _inbox = new();
    private readonly List<string> _log = [];
    private string? _database;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }

        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_servers_running_the_same_pipeline_past_the_lock_and_invisibility_timeouts_load_every_file_exactly_once()
    {
        _database = await server.CreateDatabaseAsync(nameof(TwoServersSpecs));
        BigKafWorkbook.Write(_inbox.Kaf, 8_001);
        var executions = 0;
        var overlapped = 0;

        // Slow only inside the big file's transaction: 2,5 s per thousand rows read, so the load outlasts the storage's
        // timeouts, which Hangfire measures on PostgreSQL's clock. The first thousand rows say the first execution is inside.
        var insideBigFile = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new SynchronousProgress<RunProgress>(p =>
        {
            if (p.File == BigKafWorkbook.Name && !p.Done && p.RowsRead % 1_000 == 0)
            {
                insideBigFile.TrySetResult();
                Thread.Sleep(2_500);
            }
        });

        (BackgroundJobServer Server, JobStorage Storage) Start(string name)
        {
            var storage = JobStorageFactory.Create("postgresql", _database!, Shortened);
            var warehouse = new PostgresWarehouse(_database!, TimeProvider.System);
            var run = PipelineRun.Prepare(_inbox.Options(new WarehouseSettings("postgresql", _database!), moveFiles: true), warehouse, OperationsInbox.Logger(_log), TimeProvider.System);
            // Hangfire activates the job only once the pipeline lock is held: one activation, one execution.
            var activator = new Activator(type =>
            {
                if (type != typeof(PipelineJob))
                {
                    return new AttainmentJob(run, NullLogger<AttainmentJob>.Instance);
                }

                Interlocked.Increment(ref executions);
                return new PipelineJob(run, NullLogger<PipelineJob>.Instance, slow);
            });
            var jobServer = new BackgroundJobServer(
                new BackgroundJobServerOptions { ServerName = name, WorkerCount = 1, Activator = activator, SchedulePollingInterval = TimeSpan.FromMilliseconds(200) },
                storage);
            return (jobServer, storage);
        }

        var (a, storageA) = Start("server-a");
        var (b, _) = Start("server-b");
        try
        {
            // The nightly run, and a manual trigger of the same pipeline while it runs.
            var client = new BackgroundJobClient(storageA);
            var id = client.Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));
            await insideBigFile.Task.WaitAsync(TimeSpan.FromMinutes(1), Token);
            var second = client.Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));
            var until = DateTime.UtcNow.AddSeconds(120);
            await using var watcher = new NpgsqlConnection(_database);
            await watcher.OpenAsync(Token);
            while (DateTime.UtcNow < until && (Directory.GetFiles(_inbox.Kaf).Length > 0 || State(storageA, id) != SucceededState.StateName
                       || State(storageA, second) != SucceededState.StateName || await WaitingClaimsAsync(watcher) > 0))
            {
                // The second execution's claim of the big file waits behind the first one's uncommitted claim.
                if (await WaitingClaimsAsync(watcher) > 0)
                {
                    overlapped = 1;
                }

                await Task.Delay(100, Token);
            }

            await Task.Delay(1_000, Token);

            Assert.True(SucceededState.StateName == State(storageA, id), $"job {State(storageA, id)} after {executions} execution(s):\n" + string.Join('\n', _log));
            Assert.Equal(SucceededState.StateName, State(storageA, second));
        }
        finally
        {
            a.SendStop();
            b.SendStop();
            a.Dispose();
            b.Dispose();
        }

        // Two executions, no more: the running job was not fetched again although it ran past the invisibility timeout.
        Assert.Equal(2, executions);
        Assert.Equal(1, overlapped);
        await using var connection = new NpgsqlConnection(_database);
        var loads = (await connection.QueryAsync<(string Datei, long Anzahl)>(
            "SELECT datei, COUNT(*) FROM dwh.load_file WHERE status = 'geladen' GROUP BY datei ORDER BY datei")).ToList();
        Assert.Equal(6, loads.Count);
        Assert.All(loads, l => Assert.Equal(1L, l.Anzahl));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file WHERE status <> 'geladen'"));
        Assert.Equal(
            (8_009, 1, 8_000, 8),
            await connection.QuerySingleAsync<(int, int, int, int)>(
                "SELECT zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM dwh.load_file WHERE datei = 'KAF_THEO_2017.xlsx'"));
        Assert.Equal(8_001L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.rejected_row"));
        Assert.Empty(Directory.GetFiles(_inbox.Kaf));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(_inbox.Archive, "kaf"), "*", SearchOption.AllDirectories).Length);
    }

    private static Task<long> WaitingClaimsAsync(NpgsqlConnection connection) => connection.ExecuteScalarAsync<long>(
        "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bielefeld-etl' AND wait_event_type = 'Lock' AND query LIKE '%load_file%'");

    private static string? State(JobStorage storage, string id)
    {
        using var connection = storage.GetConnection();
        return connection.GetStateData(id)?.Name;
    }

    private sealed class Activator(Func<Type, object> create) : JobActivator
    {
        public override object ActivateJob(Type jobType) => create(jobType);
    }
}
