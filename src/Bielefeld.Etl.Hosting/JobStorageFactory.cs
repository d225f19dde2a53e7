using System.Runtime.CompilerServices;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Npgsql;

namespace Bielefeld.Etl.Hosting;

/// <summary>
/// Job storage per warehouse provider: the server databases keep Hangfire's tables in a schema <c>hangfire</c> of their
/// own; the embedded SQLite default keeps jobs in memory (schedules are rebuilt from <c>pipelines/</c> at every start,
/// and the load claims keep a repeated run harmless).
/// </summary>
public static class JobStorageFactory
{
    /// <summary>The schema of Hangfire's tables in PostgreSQL and SQL Server.</summary>
    public const string Schema = "hangfire";

    /// <summary>How long an orphaned lock outlives its killed process, per PostgreSQL storage created here.</summary>
    private static readonly ConditionalWeakTable<JobStorage, object> s_orphanedLockExpiry = [];

    /// <summary>
    /// How long a distributed lock of <paramref name="storage"/> outlives a killed process: Hangfire.PostgreSql's
    /// DistributedLockTimeout; null where a lock ends with its process (SQL Server's application locks, in memory).
    /// </summary>
    public static TimeSpan? OrphanedLockExpiry(JobStorage storage) =>
        s_orphanedLockExpiry.TryGetValue(storage, out var expiry) ? (TimeSpan)expiry : null;

    /// <summary>Creates the job storage for <paramref name="provider"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown.</exception>
    public static JobStorage Create(string provider, string connectionString, ServerOptions options) => provider.ToLowerInvariant() switch
    {
        "sqlite" => new InMemoryStorage(),
        "postgresql" => Postgres(connectionString, options),
        "sqlserver" => new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            SchemaName = Schema,
            PrepareSchemaIfNecessary = true,
            SlidingInvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        }),
        _ => throw new InvalidOperationException($"Für den Warehouse-Provider '{provider}' gibt es keinen Job-Speicher (bekannt: sqlite, postgresql, sqlserver)."),
    };

    private static PostgreSqlStorage Postgres(string connectionString, ServerOptions options)
    {
        CheckPostgresRights(connectionString);
        var storageOptions = new PostgreSqlStorageOptions
        {
            SchemaName = Schema,
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
        var storage = new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
        s_orphanedLockExpiry.Add(storage, options.DistributedLockTimeout);
        return storage;
    }

    /// <summary>
    /// Hangfire.PostgreSql creates or upgrades its schema on start and, refused, retries without end and without a
    /// word. So the rights are asked first, and a login that lacks them stops the start with one line saying which.
    /// </summary>
    /// <exception cref="InvalidOperationException">The login cannot create or use the schema.</exception>
    private static void CheckPostgresRights(string connectionString)
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
        command.Parameters.AddWithValue("schema", Schema);
        using var reader = command.ExecuteReader();
        reader.Read();
        if (!reader.IsDBNull(1))
        {
            throw new InvalidOperationException(
                $"Der Job-Speicher (PostgreSQL, Schema {Schema}) ist für die Anmeldung '{reader.GetString(0)}' nicht nutzbar: {reader.GetString(1)}. "
                + "Eine Anmeldung mit diesen Rechten unter Hangfire:ConnectionString eintragen oder die Rechte erteilen (docs/operations.md).");
        }
    }
}
