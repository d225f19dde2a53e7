using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;

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
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, storageOptions), storageOptions);
    }
}
