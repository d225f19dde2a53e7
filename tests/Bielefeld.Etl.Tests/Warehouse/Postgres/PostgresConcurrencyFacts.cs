using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// Loads that run at the same time on several servers: the same bytes land once, different files land as if one
/// after the other, and migrations started together do not race.
/// </summary>
public sealed class PostgresConcurrencyFacts(PostgresServer server) : IAsyncLifetime
{
    private readonly TemporaryDirectory _dir = new();
    private readonly List<string> _databases = [];

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await server.DropDatabaseAsync(database);
        }

        _dir.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_same_file_loaded_twice_at_the_same_time_lands_once()
    {
        var (warehouse, database) = await FreshWarehouseAsync();
        var file = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_COACH_2017.xlsx"), Token);
        var first = new Gate();

        // The first load claims the file and holds its transaction open; the second claims the same bytes meanwhile.
        var firstLoad = Task.Run(() => warehouse.LoadAsync(file, first.Open, null, Token), Token);
        await first.Reached.WaitAsync(TimeSpan.FromSeconds(30), Token);
        var secondLoad = Task.Run(() => warehouse.LoadAsync(file, KafPipeline.Reader.Open, null, Token), Token);
        await WaitForLockWaiterAsync(database);
        first.Release();
        var results = await Task.WhenAll(firstLoad, secondLoad);

        Assert.Equal([FileLoadStatus.Loaded, FileLoadStatus.AlreadyLoaded], results.Select(r => r.Status));
        Assert.Equal(1L, await ScalarAsync(warehouse, "SELECT COUNT(*) FROM dwh.load_file"));
        Assert.Equal(18L, await ScalarAsync(warehouse, "SELECT COUNT(*) FROM dwh.fact_beobachtung"));
    }

    [Fact]
    public async Task Different_files_loaded_at_the_same_time_end_as_if_loaded_one_after_the_other()
    {
        var names = new[] { "KAF_COACH_2017.xlsx", "KAF_THEO_2017.xls", "KAF_FIM_2017.xlsx", "KAF_SPRACH_2017.xlsx" };
        var (sequential, _) = await FreshWarehouseAsync();
        foreach (var name in names)
        {
            await sequential.LoadAsync(await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample(name), Token), KafPipeline.Reader.Open, null, Token);
        }

        var (concurrent, _) = await FreshWarehouseAsync();
        var gates = names.Select(_ => new Gate()).ToList();
        var loads = new List<Task<FileLoadResult>>();
        for (var i = 0; i < names.Length; i++)
        {
            var file = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample(names[i]), Token);
            var gate = gates[i];
            loads.Add(Task.Run(() => concurrent.LoadAsync(file, gate.Open, null, Token), Token));
        }

        // Every load has claimed its file and is inside its transaction before any of them stages a row.
        await Task.WhenAll(gates.Select(g => g.Reached.WaitAsync(TimeSpan.FromSeconds(30), Token)));
        gates.ForEach(g => g.Release());
        var results = await Task.WhenAll(loads);

        Assert.All(results, r => Assert.Equal(FileLoadStatus.Loaded, r.Status));
        Assert.Equal(await FactsAsync(sequential), await FactsAsync(concurrent));
        Assert.Equal(0L, await ScalarAsync(concurrent, "SELECT COUNT(*) FROM stg.observation"));
        Assert.Equal(1L, await ScalarAsync(concurrent, "SELECT COUNT(*) FROM dwh.rejected_row"));
    }

    [Fact]
    public async Task Two_deliveries_of_the_same_series_at_the_same_time_leave_the_later_merge_current()
    {
        var (warehouse, _) = await FreshWarehouseAsync();
        var original = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_FIM_2017.xlsx"), Token);
        var fim = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook;
        var correctedPath = Path.Combine(_dir.Folder("korrigiert"), "KAF_FIM_2017.xlsx");
        KafWorkbookWriter.Write(fim with { Rows = [.. fim.Rows.Select(r => r with { SumOverride = null })] }, correctedPath);
        var corrected = await InboxFile.FingerprintAsync("kaf", correctedPath, Token);
        var gates = new[] { new Gate(), new Gate() };

        var loads = new[] { original, corrected }.Select((f, i) => Task.Run(() => warehouse.LoadAsync(f, gates[i].Open, null, Token), Token)).ToList();
        await Task.WhenAll(gates.Select(g => g.Reached.WaitAsync(TimeSpan.FromSeconds(30), Token)));
        gates[0].Release();
        gates[1].Release();
        var results = await Task.WhenAll(loads);

        Assert.All(results, r => Assert.Equal(FileLoadStatus.Loaded, r.Status));
        // The corrected file has the placements row (REGE-9.1, six months) that the original rejects; whichever merged
        // last decides whether those values are current.
        var correctedLast = await ScalarAsync(warehouse,
            "SELECT CASE WHEN (SELECT beendet_um FROM dwh.load_file WHERE pfad LIKE '%korrigiert%') > (SELECT beendet_um FROM dwh.load_file WHERE pfad NOT LIKE '%korrigiert%') THEN 1 ELSE 0 END");
        var current = await ScalarAsync(warehouse,
            "SELECT COUNT(*) FROM dwh.fact_beobachtung WHERE serie = 'KAF:FIM' AND indikator_code = 'REGE-9.1' AND ersetzt_durch_datei_id IS NULL");
        Assert.Equal(correctedLast == 1 ? 6L : 0L, current);
        Assert.Equal(0L, await ScalarAsync(warehouse, "SELECT COUNT(*) FROM stg.observation"));
    }

    [Fact]
    public async Task Two_servers_migrating_at_the_same_time_run_each_script_once()
    {
        var database = await server.CreateDatabaseAsync(nameof(PostgresConcurrencyFacts));
        _databases.Add(database);
        var warehouses = Enumerable.Range(0, 3).Select(_ => new PostgresWarehouse(database, TimeProvider.System)).ToList();

        await Task.WhenAll(warehouses.Select(w => Task.Run(w.Migrate, Token)));

        var scripts = await ScalarAsync(warehouses[0], "SELECT COUNT(*) FROM dwh.schemaversions");
        // Every versioned script and the repeatable views (one journal entry, views/<hash>).
        Assert.Equal(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sql", "postgresql"), "*.sql").Length + 1, scripts);
    }

    private async Task<(PostgresWarehouse Warehouse, string Database)> FreshWarehouseAsync()
    {
        var database = await server.CreateDatabaseAsync(nameof(PostgresConcurrencyFacts));
        _databases.Add(database);
        var warehouse = new PostgresWarehouse(database, TimeProvider.System);
        warehouse.Migrate();
        await warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, Token);
        return (warehouse, database);
    }

    private async Task WaitForLockWaiterAsync(string database)
    {
        var name = new NpgsqlConnectionStringBuilder(database).Database;
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(50))
        {
            await using var connection = new NpgsqlConnection(server.AdminConnectionString);
            if (await connection.ExecuteScalarAsync<long>(
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = @name AND wait_event_type = 'Lock'", new { name }) > 0)
            {
                return;
            }

            await Task.Delay(50, Token);
        }

        Assert.Fail("Die zweite Ladung hat nicht auf die erste gewartet.");
    }

    private static async Task<long> ScalarAsync(WarehouseProvider warehouse, string sql)
    {
        await using var connection = await warehouse.OpenAsync(Token);
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    private static async Task<List<string>> FactsAsync(WarehouseProvider warehouse)
    {
        await using var connection = await warehouse.OpenAsync(Token);
        return (await connection.QueryAsync<string>(
            """
            SELECT concat_ws('|', indikator_code, monat, bereich_code, serie, wert, zaehler, nenner, unterdrueckt, ersetzt_durch_datei_id IS NULL)
            FROM dwh.fact_beobachtung ORDER BY 1
            """)).ToList();
    }

    /// <summary>A reader that stops after the claim (LoadAsync opens the file after claiming it) until released.</summary>
    private sealed class Gate
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly ManualResetEventSlim _release = new();

        public Task Reached => _reached.Task;

        public void Release() => _release.Set();

        public ExtractReading Open(string path)
        {
            _reached.TrySetResult();
            _release.Wait(TimeSpan.FromSeconds(60));
            return KafPipeline.Reader.Open(path);
        }
    }
}
