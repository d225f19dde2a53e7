using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Hangfire;
using Npgsql;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>
/// <c>serve</c> on PostgreSQL as an operator meets it: killed with SIGKILL in the middle of a load and started again,
/// and started under a login that may not create Hangfire's schema. Real processes, a real server.
/// </summary>
public sealed class ServeRestartSpecs(PostgresServer server) : IAsyncLifetime
{
    private static readonly TimeSpan LockTime = TimeSpan.FromSeconds(60);
    private readonly OperationsInbox _inbox = new();
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

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_serve_killed_in_a_load_is_back_to_normal_after_a_restart_within_its_lock_time_and_logs_why_it_waits()
    {
        _database = await server.CreateDatabaseAsync(nameof(ServeRestartSpecs));
        var environment = new Dictionary<string, string>
        {
            ["BIELEFELD_ETL_HANGFIRE__DISTRIBUTEDLOCKTIMEOUT"] = LockTime.ToString("c"),
            ["BIELEFELD_ETL_FILES__STABLEFOR"] = "00:00:00",
        };
        string[] args = ["serve", "--no-archive", "--inbox", _inbox.Root, "--provider", "postgresql", "--connection", _database];
        var jobs = new BackgroundJobClient(JobStorageFactory.Create("postgresql", _database, new ServerOptions()));

        // The first serve takes the kaf pipeline's lock and is killed while its load waits for the load protocol.
        using (var first = CliProcess.Start(environment, [.. args, "--urls", Url()]))
        {
            Assert.True(await first.WaitForLineAsync(l => l.StartsWith("Dashboard: ", StringComparison.Ordinal), TimeSpan.FromMinutes(3)), string.Join('\n', first.Output));
            await using var blocker = new NpgsqlConnection(_database);
            await blocker.OpenAsync(Ct);
            await using var transaction = await blocker.BeginTransactionAsync(Ct);
            await blocker.ExecuteAsync("LOCK TABLE dwh.load_file IN EXCLUSIVE MODE", transaction: transaction);
            jobs.Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));
            Assert.True(await UntilAsync(async () => await ClaimWaitingAsync(), TimeSpan.FromMinutes(1)), "the first serve's load never started:\n" + string.Join('\n', first.Output));
            first.Kill();
            await first.WaitAsync(TimeSpan.FromSeconds(30));
            await transaction.RollbackAsync(Ct);
        }

        Assert.True(await LockHeldAsync(), await LocksAsync());
        Assert.Equal(0L, await LoadedAsync());

        using var second = CliProcess.Start(environment, [.. args, "--urls", Url()]);
        Assert.True(await second.WaitForLineAsync(l => l.StartsWith("Dashboard: ", StringComparison.Ordinal), TimeSpan.FromMinutes(3)), string.Join('\n', second.Output));
        var restarted = Stopwatch.StartNew();
        jobs.Enqueue<PipelineJob>(job => job.RunAsync("kaf", null, CancellationToken.None));

        // Fetching the job (queue poll 15 s) + the lock time + the wait's margin (10 s) + the load itself.
        var loaded = await UntilAsync(async () => await LoadedAsync() == 5, TimeSpan.FromSeconds(15) + LockTime + TimeSpan.FromSeconds(40));

        var log = string.Join('\n', second.Output);
        Assert.True(loaded, $"after {restarted.Elapsed}: {await LoadedAsync()} of 5 files loaded\n{log}");
        Assert.Contains("Pipeline kaf wartet auf ihre Sperre", log, StringComparison.Ordinal);
        Assert.Contains($"läuft nach spätestens {LockTime:c} ab", log, StringComparison.Ordinal);
        Assert.Contains("Pipeline kaf: Sperre erhalten", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_under_the_loader_login_which_cannot_create_the_hangfire_schema_stops_with_one_German_line_and_exit_2()
    {
        _database = await server.CreateDatabaseAsync(nameof(ServeRestartSpecs));
        new PostgresWarehouse(_database, TimeProvider.System).Migrate();
        var login = $"etl_test_serve_{Guid.NewGuid():N}"[..40];
        var password = Guid.NewGuid().ToString("N");
        await server.ExecuteAsync($"CREATE ROLE {login} LOGIN PASSWORD '{password}' IN ROLE bielefeld_etl_loader");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(_database) { Username = login, Password = password, Pooling = false }.ConnectionString;

            // Within RunAsync's two minutes: before the check, the start hung here for ever.
            var (exit, output) = await CliProcess.RunAsync(null, "serve", "--urls", Url(), "--inbox", _inbox.Root, "--provider", "postgresql", "--connection", connection);

            Assert.Equal(2, exit);
            var line = Assert.Single(output.Split('\n'), l => l.StartsWith("Fehler: ", StringComparison.Ordinal));
            Assert.Equal(
                $"Fehler: Der Job-Speicher (PostgreSQL, Schema hangfire) ist für die Anmeldung '{login}' nicht nutzbar: das Schema fehlt, und sie darf es nicht anlegen "
                + "(CREATE auf der Datenbank fehlt). Eine Anmeldung mit diesen Rechten unter Hangfire:ConnectionString eintragen oder die Rechte erteilen (docs/operations.md).",
                line);
            Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.ExecuteAsync($"DROP ROLE IF EXISTS {login}");
        }
    }

    private async Task<bool> LockHeldAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hangfire.lock WHERE resource = 'hangfire:bielefeld-etl:pipeline:kaf'") == 1;
    }

    private async Task<string> LocksAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        return "locks: " + string.Join(", ", await connection.QueryAsync<string>("SELECT resource FROM hangfire.lock"));
    }

    /// <summary>The serve's load waits for its claim in the load protocol (which the test holds locked): the pipeline lock is taken.</summary>
    private async Task<bool> ClaimWaitingAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%load_file%'") > 0;
    }

    private async Task<long> LoadedAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file WHERE status = 'geladen'");
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(250, Ct);
        }

        return false;
    }

    private static string Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
