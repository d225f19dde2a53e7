using Bielefeld.Etl.Tests.Cli;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>The nightly process killed (SIGKILL) in the middle of a load into PostgreSQL: nothing half done, the next run completes it.</summary>
public sealed class PostgresKillSpecs(PostgresServer server) : IAsyncLifetime
{
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

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    [Fact]
    public async Task Killing_the_process_in_the_middle_of_a_load_leaves_nothing_half_done_and_the_next_run_completes_it()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresKillSpecs));
        BigKafWorkbook.Write(_inbox.Kaf, 20_001);
        string[] args = ["run", "--all", "--inbox", _inbox.Root, "--provider", "postgresql", "--connection", _database];

        using (var first = CliProcess.Start(null, args))
        {
            var midLoad = await first.WaitForLineAsync(l => l.StartsWith("kaf: KAF_THEO_2017.xlsx: 1000 Zeilen gelesen …", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
            Assert.True(midLoad, "the load finished before it could be killed: " + string.Join('\n', first.Output));
            first.Kill();
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The server notices the dead client and rolls its transaction back.
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until && await CountAsync("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'bielefeld-etl'") > 0)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal(5L, await CountAsync("SELECT COUNT(*) FROM dwh.load_file WHERE status = 'geladen'"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM dwh.load_file WHERE datei = 'KAF_THEO_2017.xlsx'"));
        Assert.Equal(1L, await CountAsync("SELECT COUNT(*) FROM dwh.rejected_row"));
        Assert.Equal(0L, await CountAsync("SELECT COUNT(*) FROM stg.observation"));

        var (exit, output) = await CliProcess.RunAsync(null, args);

        Assert.True(exit == 0, output);
        await using var connection = new NpgsqlConnection(_database);
        Assert.Equal(
            [("geladen", 20_009, 1, 20_000, 8)],
            (await connection.QueryAsync<(string, int, int, int, int)>(
                "SELECT status, zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM dwh.load_file WHERE datei = 'KAF_THEO_2017.xlsx'")).ToList());
        Assert.Equal(6L, await CountAsync("SELECT COUNT(*) FROM dwh.load_file WHERE status = 'geladen'"));
        Assert.Equal(20_001L, await CountAsync("SELECT COUNT(*) FROM dwh.rejected_row"));
    }
}
