using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Bielefeld.Etl.Warehouse.SqlServer;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>The providers the product ships. A new provider is a new project and one line here.</summary>
public static class WarehouseFactory
{
    /// <summary>Creates the configured provider.</summary>
    /// <exception cref="InvalidOperationException">The provider name is unknown.</exception>
    public static WarehouseProvider Create(WarehouseSettings settings, TimeProvider time, ILogger log) => settings.Provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteWarehouse(settings.ConnectionString, time) { Log = log },
        "postgresql" => new PostgresWarehouse(settings.ConnectionString, time) { Log = log },
        "sqlserver" => new SqlServerWarehouse(settings.ConnectionString, time) { Log = log },
        _ => throw new InvalidOperationException($"Unbekannter Warehouse-Provider '{settings.Provider}' (bekannt: sqlite, postgresql, sqlserver)."),
    };
}
