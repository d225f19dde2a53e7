using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The first load into an empty fact builds the fact's indexes and key after its rows (StatementWarehouse.FirstLoad, as
/// on SQLite): the load ends with every index as the schema defines it, a load into a fact that holds rows keeps them
/// maintained row by row, a load that fails leaves them in place, and a duplicate key still fails the whole file.
/// </summary>
public sealed class PostgresFirstLoadFacts(PostgresServer server) : IAsyncLifetime
{
    // Name and definition of every index of the fact, and the relation behind each: a rebuilt index is a new relation.
    private const string FactIndexes =
        "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'dwh' AND tablename = 'fact_beobachtung' ORDER BY indexname";

    private const string FactIndexRelations =
        "SELECT c.relname || ' ' || c.oid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'dwh.fact_beobachtung'::regclass ORDER BY c.relname";

    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresFirstLoadFacts));
        var warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        warehouse.Migrate();
        await warehouse.SyncCatalogAsync(KafPipeline.Catalog, KafPipeline.Areas, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task A_first_load_into_an_empty_fact_builds_every_index_and_the_key_again_as_the_schema_defines_them()
    {
        var indexes = await QueryAsync<string>(FactIndexes);
        var relations = await QueryAsync<string>(FactIndexRelations);

        var result = await LoadAsync("KAF_COACH_2017.xlsx", KafPipeline.Reader.Open);

        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(12, 3, 0, 9)), (result.Status, result.Counts));
        Assert.Equal(indexes, await QueryAsync<string>(FactIndexes));
        Assert.Equal(["fact_beobachtung_pkey", "ix_beobachtung_datei", "ix_beobachtung_ersetzt", "ix_beobachtung_scope", "ux_beobachtung_aktuell"],
            (await QueryAsync<string>(FactIndexRelations)).Except(relations).Select(r => r.Split(' ')[0]));
        Assert.Equal(["p fact_beobachtung_pkey"], await QueryAsync<string>(
            "SELECT contype::text || ' ' || conname FROM pg_constraint WHERE conrelid = 'dwh.fact_beobachtung'::regclass ORDER BY conname"));
        Assert.Equal(18L, (await QueryAsync<long>(
            "SELECT COUNT(*) FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL AND indikator_code > ''")).Single());
    }

    [Fact]
    public async Task A_load_into_a_fact_that_holds_rows_keeps_its_indexes_maintained_row_by_row()
    {
        await LoadAsync("KAF_COACH_2017.xlsx", KafPipeline.Reader.Open);
        var relations = await QueryAsync<string>(FactIndexRelations);

        var result = await LoadAsync("KAF_FIM_2017.xlsx", KafPipeline.Reader.Open);

        Assert.Equal(FileLoadStatus.Loaded, result.Status);
        Assert.Equal(relations, await QueryAsync<string>(FactIndexRelations));
    }

    [Fact]
    public async Task A_first_load_that_fails_midway_leaves_the_facts_indexes_in_place_and_no_row()
    {
        var relations = await QueryAsync<string>(FactIndexRelations);

        await Assert.ThrowsAsync<IOException>(() => LoadAsync("KAF_COACH_2017.xlsx", path => KafReadings.Altered(path, rows => KafReadings.FailingAfter(rows, 8))));

        Assert.Equal(relations, await QueryAsync<string>(FactIndexRelations));
        Assert.Equal(0L, (await QueryAsync<long>("SELECT COUNT(*) FROM dwh.fact_beobachtung")).Single());
        Assert.Equal(0L, (await QueryAsync<long>("SELECT COUNT(*) FROM dwh.load_file")).Single());
    }

    [Fact]
    public async Task A_first_load_delivering_one_key_twice_fails_whole_when_the_unique_index_is_built()
    {
        var relations = await QueryAsync<string>(FactIndexRelations);

        var error = await Assert.ThrowsAsync<PostgresException>(() => LoadAsync("KAF_COACH_2017.xlsx", path => KafReadings.Altered(path, KafReadings.Twice)));

        Assert.Equal((PostgresErrorCodes.UniqueViolation, "ux_beobachtung_aktuell"), (error.SqlState, error.ConstraintName));
        Assert.Equal(relations, await QueryAsync<string>(FactIndexRelations));
        Assert.Equal(0L, (await QueryAsync<long>("SELECT COUNT(*) FROM dwh.fact_beobachtung")).Single());
    }

    private async Task<FileLoadResult> LoadAsync(string sample, Func<string, ExtractReading> open)
    {
        var file = await InboxFile.FingerprintAsync("kaf", KafPipeline.Sample(sample), TestContext.Current.CancellationToken);
        return await new PostgresWarehouse(_database, TimeProvider.System).LoadAsync(file, open, null, TestContext.Current.CancellationToken);
    }

    private async Task<List<T>> QueryAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(_database);
        return [.. await connection.QueryAsync<T>(sql)];
    }
}
