using Bielefeld.Etl.Warehouse.Plugins;
using Bielefeld.Etl.Warehouse.Sqlite;
using Hangfire.InMemory;

[assembly: RegisterProvider(typeof(SqlitePlugin))]

namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// The embedded default, <c>sqlite</c>: one file, no server. Jobs are kept in memory: the schedules are rebuilt from
/// <c>pipelines/</c> at every start, and the load claims keep a repeated run harmless.
/// </summary>
internal sealed class SqlitePlugin() : ProviderPlugin("sqlite", (connection, time, log) => new SqliteWarehouse(connection, time) { Log = log })
{
    /// <inheritdoc />
    public override bool IsDefault => true;

    /// <inheritdoc />
    /// <remarks>A lock in memory ends with its process.</remarks>
    public override ProviderJobStorage CreateJobStorage(string connectionString, JobStorageOptions options) =>
        new(new InMemoryStorage(), OrphanedLockExpiry: null);

    /// <inheritdoc />
    public override PowerBiSource DescribeForPowerBi(string connectionString) =>
        throw new InvalidOperationException(
            "Power BI liest SQLite nur über einen ODBC-Treiber; eine .pbids-Datei gibt es für die Server-Warehouses (docs/power-bi.md).");

    /// <inheritdoc />
    /// <remarks>A SQLite file that is not there is a typo or a missing mount, not an empty warehouse: creating it would fork the data.</remarks>
    public override string? MissingStore(WarehouseProvider warehouse) =>
        warehouse is SqliteWarehouse { Exists: false } sqlite ? Path.GetFullPath(sqlite.DataSource) : null;
}
