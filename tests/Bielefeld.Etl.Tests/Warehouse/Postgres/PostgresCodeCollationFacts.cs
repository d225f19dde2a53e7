using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The codes compare in byte order (COLLATE "C", migration 0023): under any other libc collation PostgreSQL 15 compares
/// each code through strcoll and without abbreviated keys in every index build, probe and sort by code
/// (docs/performance.md, "Codes in byte order, staging in arrival order"). Every code column of a later table must be
/// "C" too, or joining it with the others fails with "could not determine which collation to use".
/// </summary>
public sealed class PostgresCodeCollationFacts(PostgresServer server) : IAsyncLifetime
{
    private const string Collations =
        """
        SELECT n.nspname || '.' || c.relname || '.' || a.attname AS "Column", coll.collname AS "Collation"
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_collation coll ON coll.oid = a.attcollation
        WHERE n.nspname IN ('dwh', 'stg') AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1
        """;

    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresCodeCollationFacts));
        new PostgresWarehouse(_database, TimeProvider.System).Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task The_key_columns_of_fact_staging_and_attainment_compare_in_byte_order()
    {
        var collations = await CollationsAsync();

        string[] keys =
        [
            "dwh.fact_beobachtung.indikator_code", "dwh.fact_beobachtung.bereich_code", "dwh.fact_beobachtung.quelle", "dwh.fact_beobachtung.serie",
            "stg.observation.indikator_code", "stg.observation.bereich_code", "stg.observation.serie",
            "dwh.fact_zielerreichung.indikator_code", "dwh.fact_zielerreichung.bereich_code",
            "dwh.dim_indikator.indikator_code", "dwh.dim_bereich.bereich_code", "dwh.load_file.quelle", "dwh.load_file.serie",
        ];
        Assert.All(keys, k => Assert.Equal("C", collations[k]));
    }

    [Fact]
    public async Task Every_code_column_compares_in_byte_order_and_names_keep_the_database_collation()
    {
        var collations = await CollationsAsync();

        var codes = collations.Where(c => IsCode(c.Key)).ToList();
        Assert.Contains(codes, c => c.Key == "dwh.fact_beobachtung.indikator_code");
        Assert.All(codes, c => Assert.True(c.Value == "C", $"{c.Key} vergleicht nach {c.Value}, nicht nach Bytes (COLLATE \"C\")"));
        string[] names = ["dwh.dim_bereich.name", "dwh.dim_indikator.bezeichnung", "dwh.dim_massnahme.titel", "dwh.load_file.datei", "dwh.rejected_row.rohwert"];
        Assert.All(names, n => Assert.Equal("default", collations[n]));
    }

    private static bool IsCode(string column)
    {
        var name = column[(column.LastIndexOf('.') + 1)..];
        return name.EndsWith("_code", StringComparison.Ordinal) || name is "quelle" or "serie";
    }

    private async Task<Dictionary<string, string>> CollationsAsync()
    {
        await using var connection = new NpgsqlConnection(_database);
        var rows = await connection.QueryAsync<(string Column, string Collation)>(Collations);
        return rows.ToDictionary(r => r.Column, r => r.Collation, StringComparer.Ordinal);
    }
}
