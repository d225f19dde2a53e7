using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// The first load into an empty fact builds the fact's indexes after its rows (StatementWarehouse.FirstLoad): the load ends
/// with every index as the schema defines it, a load that fails leaves them in place, and a duplicate key still fails
/// the whole file.
/// </summary>
public sealed class SqliteFirstLoadSpecs : IDisposable
{
    private const string FactIndexes = "SELECT name || ': ' || sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact_beobachtung' AND sql IS NOT NULL ORDER BY name";

    private readonly TemporaryDirectory _folder = new();

    // Unpooled connections throughout: clearing the process-wide pool would pull connections from under other specs.
    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_first_load_into_an_empty_fact_ends_with_every_index_of_the_fact_as_the_schema_defines_it()
    {
        var (warehouse, indexes) = await MigrateAsync();

        var result = await LoadAsync(warehouse, KafPipeline.Reader.Open);

        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(12, 3, 0, 9)), (result.Status, result.Counts));
        Assert.Equal(indexes, await QueryAsync<string>(FactIndexes));
        Assert.Equal(18, (await QueryAsync<long>("SELECT COUNT(*) FROM fact_beobachtung INDEXED BY ux_beobachtung_aktuell WHERE ersetzt_durch_datei_id IS NULL AND indikator_code > ''")).Single());
    }

    [Fact]
    public async Task A_first_load_that_fails_midway_leaves_the_facts_indexes_in_place_and_no_row()
    {
        var (warehouse, indexes) = await MigrateAsync();

        await Assert.ThrowsAsync<IOException>(() => LoadAsync(warehouse, path => KafReadings.Altered(path, rows => KafReadings.FailingAfter(rows, 8))));

        Assert.Equal(indexes, await QueryAsync<string>(FactIndexes));
        Assert.Equal(0, (await QueryAsync<long>("SELECT COUNT(*) FROM fact_beobachtung")).Single());
        Assert.Equal(0, (await QueryAsync<long>("SELECT COUNT(*) FROM load_file")).Single());
    }

    [Fact]
    public async Task A_first_load_delivering_one_key_twice_fails_whole_when_the_unique_index_is_built()
    {
        var (warehouse, indexes) = await MigrateAsync();

        var error = await Assert.ThrowsAsync<SqliteException>(() => LoadAsync(warehouse, path => KafReadings.Altered(path, KafReadings.Twice)));

        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT: ux_beobachtung_aktuell, one current value per key
        Assert.Equal(indexes, await QueryAsync<string>(FactIndexes));
        Assert.Equal(0, (await QueryAsync<long>("SELECT COUNT(*) FROM fact_beobachtung")).Single());
    }

    private string Path => _folder.File("warehouse.db");

    private async Task<(SqliteWarehouse Warehouse, List<string> Indexes)> MigrateAsync()
    {
        var warehouse = new SqliteWarehouse($"Data Source={Path};Pooling=False", TimeProvider.System);
        warehouse.Migrate();
        await warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, TestContext.Current.CancellationToken);
        var indexes = await QueryAsync<string>(FactIndexes);
        Assert.Contains(indexes, i => i.StartsWith("ux_beobachtung_aktuell: CREATE UNIQUE INDEX", StringComparison.Ordinal));
        return (warehouse, indexes);
    }

    private static async Task<FileLoadResult> LoadAsync(SqliteWarehouse warehouse, Func<string, ExtractReading> open)
    {
        var file = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample("KAF_COACH_2017.xlsx"), TestContext.Current.CancellationToken);
        return await warehouse.LoadAsync(file, open, null, TestContext.Current.CancellationToken);
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path};Pooling=False");
        return (await connection.QueryAsync<T>(sql)).ToList();
    }
}
