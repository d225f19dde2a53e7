using System.Text.Json;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// Staging's key index follows the order a file's rows arrive (month, area, indicator, series; migration 0023), which
/// halved what it costs a COPY into staging (docs/performance.md, "Codes in byte order, staging in arrival order"). It
/// stays because of plans like these: against a fact whose statistics do not know the scope yet, the planner joins the
/// staged file once per fact row, and without the index each of those walks the whole file (a staged file of 20,000
/// values took longer than 30 s per statement). Every merge statement reads staging once or by its key.
/// </summary>
public sealed class PostgresStagingPlanFacts(PostgresServer server) : IAsyncLifetime
{
    private const int Areas = 1_000;
    private const int Months = 20;
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresStagingPlanFacts));
        new PostgresWarehouse(_database, TimeProvider.System).Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Staging_is_indexed_by_its_key_in_the_order_rows_arrive()
    {
        await using var connection = new NpgsqlConnection(_database);

        var indexes = await connection.QueryAsync<string>("SELECT indexdef FROM pg_indexes WHERE schemaname = 'stg'");

        Assert.Equal(
            ["CREATE INDEX ix_stg_observation_schluessel ON stg.observation USING btree (datei_id, monat, bereich_code, indikator_code, serie)"],
            indexes);
    }

    [Theory]
    [InlineData(nameof(PostgresSql.MergePerValue))]
    [InlineData(nameof(PostgresSql.Supersede))]
    [InlineData(nameof(PostgresSql.InsertNew))]
    [InlineData(nameof(PostgresSql.ClearStaging))]
    public async Task Every_merge_statement_reads_the_staged_file_once_or_by_its_key(string statement)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        var fileId = await StageAsync(connection, transaction);
        var sql = (string)typeof(PostgresSql).GetField(statement)!.GetValue(null)!;
        var args = new { fileId, Source = "ba", SeriesKey = "BA:SGB2", from = new DateTime(2016, 1, 1), to = new DateTime(2017, 8, 1) };

        var plan = await connection.ExecuteScalarAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, args, transaction);

        var nodes = Nodes(JsonDocument.Parse(plan!).RootElement[0].GetProperty("Plan")).ToList();
        Assert.Contains(nodes, ReadsStaging);
        // What repeats (a nested loop's inner side, a Materialize above a scan) reaches staging only through its key.
        var repeated = nodes.Where(n => n.GetProperty("Actual Loops").GetInt32() > 1).SelectMany(Nodes).Where(ReadsStaging);
        Assert.All(repeated, n => Assert.True(ByKey(n), $"{n.GetProperty("Node Type").GetString()} über stg.observation wiederholt sich ohne Schlüssel"));
        await transaction.RollbackAsync(Token);
    }

    /// <summary>
    /// 20,000 current values of one source and series (1,000 areas × 20 months), and a second file staged with the same
    /// keys, every tenth value changed; returns the second file's id.
    /// </summary>
    private static async Task<long> StageAsync(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var files = (await connection.QueryAsync<long>(
            """
            INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um)
            VALUES ('ba', 'a.csv', '/inbox/ba/a.csv', 'aaaa', 1, 'geladen', now()), ('ba', 'b.csv', '/inbox/ba/b.csv', 'bbbb', 1, 'geladen', now())
            RETURNING datei_id
            """, transaction: transaction)).Order().ToList();
        const string Keys =
            """
            FROM generate_series(1, @Areas) AS a (n), generate_series(0, @Months - 1) AS m (n)
            """;
        await connection.ExecuteAsync(
            $"""
            INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, unterdrueckt, datenstand, datei_id)
            SELECT 'REGE-9.1', make_date(2016, 1, 1) + m.n * interval '1 month', 'quartier:' || a.n, 'ba', 'BA:SGB2', a.n + m.n, false, DATE '2017-09-30', @first
            {Keys}
            """, new { Areas, Months, first = files[0] }, transaction);
        await connection.ExecuteAsync(
            $"""
            INSERT INTO stg.observation (datei_id, indikator_code, monat, bereich_code, serie, wert, unterdrueckt, datenstand)
            SELECT @second, 'REGE-9.1', make_date(2016, 1, 1) + m.n * interval '1 month', 'quartier:' || a.n, 'BA:SGB2',
                   a.n + m.n + CASE WHEN a.n % 10 = 0 THEN 1 ELSE 0 END, false, DATE '2017-10-31'
            {Keys}
            """, new { Areas, Months, second = files[1] }, transaction);
        return files[1];
    }

    private static bool ReadsStaging(JsonElement node) =>
        node.TryGetProperty("Relation Name", out var relation) && relation.GetString() == "observation";

    private static bool ByKey(JsonElement node) =>
        node.TryGetProperty("Index Cond", out var condition)
        && new[] { "indikator_code", "monat", "bereich_code", "serie" }.All(c => condition.GetString()!.Contains(c, StringComparison.Ordinal));

    private static IEnumerable<JsonElement> Nodes(JsonElement node)
    {
        yield return node;
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray().SelectMany(Nodes))
            {
                yield return child;
            }
        }
    }
}
