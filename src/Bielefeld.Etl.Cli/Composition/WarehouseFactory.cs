using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Bielefeld.Etl.Warehouse.SqlServer;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>The providers the product ships. A new provider is a new project and one line here.</summary>
public static class WarehouseFactory
{
    /// <summary>Creates the configured provider.</summary>
    /// <exception cref="InvalidOperationException">The provider name is unknown.</exception>
    public static WarehouseProvider Create(WarehouseSettings settings, TimeProvider time) => settings.Provider.ToLowerInvariant() switch
    {
        "sqlite" => new SqliteWarehouse(settings.ConnectionString, time),
        "postgresql" => new PostgresWarehouse(settings.ConnectionString, time),
        "sqlserver" => new SqlServerWarehouse(settings.ConnectionString, time),
        _ => throw new InvalidOperationException($"Unbekannter Warehouse-Provider '{settings.Provider}' (bekannt: sqlite, postgresql, sqlserver)."),
    };
}
