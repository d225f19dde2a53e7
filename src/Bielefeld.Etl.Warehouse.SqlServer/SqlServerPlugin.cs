using Bielefeld.Etl.Warehouse.Plugins;
using Bielefeld.Etl.Warehouse.SqlServer;
using Hangfire.SqlServer;

[assembly: RegisterProvider(typeof(SqlServerPlugin))]

namespace Bielefeld.Etl.Warehouse.SqlServer;

/// <summary>
/// <c>sqlserver</c>, the city's production warehouse and what Power BI reads (connector <c>tds</c>). Hangfire keeps its
/// tables in the schema <see cref="ProviderPlugin.JobSchema"/>; its locks are application locks of a session and end
/// with their process.
/// </summary>
internal sealed class SqlServerPlugin() : ProviderPlugin("sqlserver", (connection, time, log) => new SqlServerWarehouse(connection, time) { Log = log })
{
    /// <inheritdoc />
    public override ProviderJobStorage CreateJobStorage(string connectionString, JobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(
            new SqlServerStorage(connectionString, new SqlServerStorageOptions
            {
                SchemaName = JobSchema,
                PrepareSchemaIfNecessary = true,
                SlidingInvisibilityTimeout = options.InvisibilityTimeout,
                QueuePollInterval = options.QueuePollInterval,
            }),
            OrphanedLockExpiry: null);
    }

    /// <inheritdoc />
    public override PowerBiSource DescribeForPowerBi(string connectionString) =>
        new("tds", Value(connectionString, "Server", "Data Source", "Address", "Addr"), Value(connectionString, "Database", "Initial Catalog"));
}
