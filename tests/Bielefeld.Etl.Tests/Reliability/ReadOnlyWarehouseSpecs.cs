using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// A warehouse that accepts no writes stops the run with one clear line and exit code 2 (as an unreachable one does),
/// logs it, and counts nothing against the files: they stay in the inbox, no failure toward quarantine.
/// </summary>
public sealed class ReadOnlyWarehouseSpecs(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2017, 7, 6, 3, 30, 0, TimeSpan.Zero);
    private readonly OperationsInbox _inbox = new(withSamples: false);
    private readonly List<string> _log = [];
    private string? _database;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }

        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private void DeliverFim()
    {
        var target = Path.Combine(_inbox.Kaf, "KAF_FIM_2017.xlsx");
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), target);
        File.SetLastWriteTimeUtc(target, Now.UtcDateTime.AddHours(-1));
    }

    [Fact]
    public async Task A_postgresql_database_set_read_only_stops_the_run_with_a_clear_error_and_leaves_the_files()
    {
        _database = await server.CreateDatabaseAsync(nameof(ReadOnlyWarehouseSpecs));
        var settings = new WarehouseSettings("postgresql", _database);
        var clock = new FakeTimeProvider(Now);
        PipelineRun Prepare() => PipelineRun.Prepare(_inbox.Options(settings, moveFiles: true), new PostgresWarehouse(_database, clock), OperationsInbox.Logger(_log), clock);
        await Prepare().RunAsync([], null, Token);
        var name = new NpgsqlConnectionStringBuilder(_database).Database;
        await server.ExecuteAsync($"ALTER DATABASE {name} SET default_transaction_read_only = on");
        DeliverFim();

        var stopped = await Assert.ThrowsAsync<WarehouseConnectionException>(() => Prepare().RunAsync([], null, Token));

        Assert.StartsWith("Das Warehouse (postgresql) ist schreibgeschützt und nimmt nichts an: 25006:", stopped.Message, StringComparison.Ordinal);
        Assert.EndsWith("Nichts wurde geladen; die Dateien bleiben im Eingang.", stopped.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', stopped.Message);
        Assert.Single(_log, l => l.StartsWith("1016 Das Warehouse (postgresql) ist schreibgeschützt", StringComparison.Ordinal));
        Assert.Equal(["KAF_FIM_2017.xlsx"], Directory.GetFiles(_inbox.Kaf).Select(Path.GetFileName));
        Assert.False(Directory.Exists(_inbox.Quarantine));
        await server.ExecuteAsync($"ALTER DATABASE {name} SET default_transaction_read_only = off");
        await using var connection = new NpgsqlConnection(_database);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file"));
    }

    [Fact]
    public async Task Run_on_a_sqlite_warehouse_opened_read_only_exits_2_with_one_line_on_stderr()
    {
        var database = _inbox.File("warehouse.db");
        var clock = new FakeTimeProvider(Now);
        var settings = new WarehouseSettings("sqlite", $"Data Source={database}");
        await PipelineRun.Prepare(_inbox.Options(settings, moveFiles: false), new SqliteWarehouse(settings.ConnectionString, clock), OperationsInbox.Logger(), clock)
            .RunAsync([], null, Token);
        SqliteConnection.ClearAllPools();
        DeliverFim();

        var (exit, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["BIELEFELD_ETL_REPORTS"] = _inbox.File("berichte") },
            "run", "--all", "--inbox", _inbox.Root, "--connection", $"Data Source={database};Mode=ReadOnly");

        Assert.Equal(2, exit);
        var error = Assert.Single(output.Split('\n'), l => l.StartsWith("Fehler: ", StringComparison.Ordinal));
        Assert.StartsWith("Fehler: Das Warehouse (sqlite) ist schreibgeschützt und nimmt nichts an: SQLite Error 8: 'attempt to write a readonly database'.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={database}");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_file"));
    }
}
