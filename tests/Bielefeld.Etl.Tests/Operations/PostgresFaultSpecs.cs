using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary>Faults in the middle of a load on a real PostgreSQL server: nothing partial is ever visible, the next attempt completes.</summary>
public sealed class PostgresFaultSpecs(PostgresServer server) : IAsyncLifetime
{
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
    public async Task A_connection_killed_in_the_middle_of_a_load_is_retried_and_the_file_lands_once_with_exact_counts()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresFaultSpecs));
        BigKafWorkbook.Write(_inbox.Kaf, 5_001);
        var killed = 0;
        var progress = new SynchronousProgress<RunProgress>(p =>
        {
            if (p.File == BigKafWorkbook.Name && p.RowsRead == 1_000 && Interlocked.Exchange(ref killed, 1) == 0)
            {
                using var admin = new NpgsqlConnection(_database);
                admin.Open();
                admin.Execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'bielefeld-etl'");
            }
        });
        var warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        var run = PipelineRun.Prepare(_inbox.Options(new WarehouseSettings("postgresql", _database), moveFiles: false), warehouse, OperationsInbox.Logger(_log), TimeProvider.System);

        var summary = await run.RunAsync([], progress, Token);

        Assert.Equal(1, killed);
        Assert.Equal(1, run.Retries);
        Assert.Single(_log, l => l.StartsWith("1101 KAF_THEO_2017.xlsx: vorübergehender Fehler", StringComparison.Ordinal));
        var theo = Assert.Single(summary.Files, f => f.File.Name == BigKafWorkbook.Name);
        Assert.Equal((FileLoadStatus.Loaded, 5_009, 1, 5_000, 8), (theo.Status, theo.Counts.Read, theo.Counts.Loaded, theo.Counts.Rejected, theo.Counts.Skipped));
        await using var connection = new NpgsqlConnection(_database);
        Assert.Equal(6L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file WHERE status = 'geladen'"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file WHERE datei = 'KAF_THEO_2017.xlsx'"));
        Assert.Equal(5_001L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.rejected_row")); // 5.000 + FIM's sample row
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stg.observation"));
    }
}
