using System.Data.Common;
using Bielefeld.Etl.Warehouse.Plugins;
using Bielefeld.Etl.Warehouse.Postgres;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;

[assembly: RegisterProvider(typeof(PostgresPlugin))]

namespace Bielefeld.Etl.Warehouse.Postgres;

/// <summary>
/// <c>postgresql</c>. Hangfire keeps its tables in the schema <see cref="ProviderPlugin.JobSchema"/>; a distributed lock
/// of Hangfire.PostgreSql is a row that outlives a killed server until it is older than the DistributedLockTimeout.
/// </summary>
internal sealed class PostgresPlugin() : ProviderPlugin("postgresql", (connection, time, log) => new PostgresWarehouse(connection, time) { Log = log })
{
    /// <inheritdoc />
    public override ProviderJobStorage CreateJobStorage(string connectionString, JobStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        CheckRights(connectionString);
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = JobSchema,
            PrepareSchemaIfNecessary = true,
            InvisibilityTimeout = options.InvisibilityTimeout,

            // Without it, a load longer than the invisibility timeout is fetched again by another server, which
            // aborts the first execution (Hangfire cancels a job whose state moved on) and is itself aborted the next
            // time round: a long load would never finish. With it, a live server's heartbeat keeps its job; only a
            // dead server's job is fetched again (and its half-done load was rolled back with its connection).
            UseSlidingInvisibilityTimeout = true,
            DistributedLockTimeout = options.DistributedLockTimeout,
            QueuePollInterval = options.QueuePollInterval,
        };
        return new(new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions), options.DistributedLockTimeout);
    }

    /// <inheritdoc />
    /// <remarks>Power BI's PostgreSQL connector takes the port as part of the server.</remarks>
    public override PowerBiSource DescribeForPowerBi(string connectionString)
    {
        var host = Value(connectionString, "Host", "Server");
        var port = new DbConnectionStringBuilder { ConnectionString = connectionString }.TryGetValue("Port", out var value) ? $":{value}" : "";
        return new("postgresql", host + port, Value(connectionString, "Database"));
    }

    /// <summary>
    /// Hangfire.PostgreSql creates or upgrades its schema on start and, refused, retries without end and without a
    /// word. So the rights are asked first, and a login that lacks them stops the start with one line saying which.
    /// </summary>
    /// <exception cref="InvalidOperationException">The login cannot create or use the schema.</exception>
    private static void CheckRights(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            """
            SELECT current_user, CASE
                WHEN to_regnamespace(@schema) IS NULL THEN
                    CASE WHEN has_database_privilege(current_database(), 'CREATE') THEN NULL
                         ELSE 'das Schema fehlt, und sie darf es nicht anlegen (CREATE auf der Datenbank fehlt)' END
                WHEN NOT has_schema_privilege(@schema, 'USAGE') THEN 'ihr fehlt das Recht USAGE am Schema'
                WHEN to_regclass(@schema || '.job') IS NULL THEN
                    CASE WHEN has_schema_privilege(@schema, 'CREATE') THEN NULL
                         ELSE 'die Tabellen fehlen, und sie darf keine anlegen (CREATE am Schema fehlt)' END
                WHEN NOT (has_table_privilege(@schema || '.job', 'SELECT') AND has_table_privilege(@schema || '.job', 'INSERT')
                          AND has_table_privilege(@schema || '.job', 'UPDATE') AND has_table_privilege(@schema || '.job', 'DELETE'))
                    THEN 'ihr fehlen Lese- und Schreibrechte an den Tabellen'
                END
            """,
            connection);
        command.Parameters.AddWithValue("schema", JobSchema);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (!reader.IsDBNull(1))
        {
            throw new InvalidOperationException(
                $"Der Job-Speicher (PostgreSQL, Schema {JobSchema}) ist für die Anmeldung '{reader.GetString(0)}' nicht nutzbar: {reader.GetString(1)}. "
                + "Eine Anmeldung mit diesen Rechten unter Hangfire:ConnectionString eintragen oder die Rechte erteilen (docs/operations.md).");
        }
    }
}
