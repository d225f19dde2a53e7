using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>The behavioural suite on a real PostgreSQL database per test.</summary>
public sealed class PostgresWarehouseBehaviour(PostgresServer server) : WarehouseBehaviour
{
    private string? _database;

    protected override async Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider time, ILogger log)
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresWarehouseBehaviour));
        return new PostgresWarehouse(_database, time) { Log = log };
    }

    protected override string StagingAside(bool aside) => aside
        ? "ALTER TABLE stg.observation RENAME TO observation_beiseite"
        : "ALTER TABLE stg.observation_beiseite RENAME TO observation";

    protected override string ForgetFileMonthsMigration =>
        "DROP TABLE dwh.load_file_monat; DELETE FROM dwh.schemaversions WHERE scriptname = 'postgresql/0009_load_file_monat.sql'";

    protected override string View(string name) => "rpt." + name;

    protected override string RowVersion => "CAST(xmin AS text)";

    protected override string Table(string name) =>
        name.StartsWith("stg_", StringComparison.Ordinal) ? "stg." + name["stg_".Length..] : "dwh." + name;

    protected override string MonthText(string column) => $"to_char({column}, 'YYYY-MM-DD')";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }
    }
}
