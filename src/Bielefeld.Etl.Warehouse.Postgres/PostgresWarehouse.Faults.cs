using Npgsql;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    // serialization_failure, deadlock_detected, admin_shutdown (pg_terminate_backend, server restart),
    // crash_shutdown, cannot_connect_now (server starting), too_many_connections, connection exceptions.
    private static readonly HashSet<string> TransientStates =
        new(["40001", "40P01", "57P01", "57P02", "57P03", "53300", "08000", "08003", "08006", "08001", "08004"], StringComparer.Ordinal);

    /// <inheritdoc />
    /// <remarks>
    /// Npgsql's own judgement (<see cref="NpgsqlException.IsTransient"/>: the connection broke, a timeout) and the
    /// SQLSTATEs above. A refused login (28P01) or a missing object is permanent.
    /// </remarks>
    public override bool IsTransient(Exception exception) => exception switch
    {
        PostgresException pg => TransientStates.Contains(pg.SqlState) || pg.IsTransient,
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is { } inner && IsTransient(inner),
        _ => exception.InnerException is { } cause && IsTransient(cause),
    };

    /// <inheritdoc />
    /// <remarks>read_only_sql_transaction (25006): <c>default_transaction_read_only</c> is on, or the server is a standby.</remarks>
    public override bool IsReadOnly(Exception exception) =>
        exception is PostgresException { SqlState: "25006" } || exception.InnerException is { } cause && IsReadOnly(cause);
}
