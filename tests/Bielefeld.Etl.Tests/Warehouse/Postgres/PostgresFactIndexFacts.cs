using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// Every index of the observation fact is paid for by every loaded row, so the fact keeps only those a statement or
/// view reads (docs/performance.md, "Fact indexes on PostgreSQL"): ix_beobachtung_kleine_zahl, which nothing has read
/// since the verdicts moved to fact_geheimhaltung, is gone as on SQLite.
/// </summary>
public sealed class PostgresFactIndexFacts(PostgresServer server) : IAsyncLifetime
{
    private string _database = "";

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresFactIndexFacts));
        new PostgresWarehouse(_database, TimeProvider.System).Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task The_fact_keeps_only_the_indexes_its_statements_and_views_read()
    {
        await using var connection = new NpgsqlConnection(_database);

        var indexes = await connection.QueryAsync<string>(
            "SELECT indexname FROM pg_indexes WHERE schemaname = 'dwh' AND tablename = 'fact_beobachtung' ORDER BY indexname");

        Assert.Equal(["fact_beobachtung_pkey", "ix_beobachtung_datei", "ix_beobachtung_ersetzt", "ix_beobachtung_scope", "ux_beobachtung_aktuell"], indexes);
    }
}
