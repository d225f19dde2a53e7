using Microsoft.Data.SqlClient;

namespace Bielefeld.Etl.Warehouse.SqlServer;

public sealed partial class SqlServerWarehouse
{
    // Deadlock victim (1205), lock request timeout (1222), command timeout (-2), transport-level errors
    // (233, 64, 121, 10053, 10054, 10060, 11001), database starting or failing over (4060, 4221, 40143, 40613,
    // 40197, 40501, 49918, 49919, 49920), too many requests (10928, 10929).
    private static readonly HashSet<int> TransientNumbers =
        [1205, 1222, -2, 20, 64, 121, 233, 4060, 4221, 10053, 10054, 10060, 11001, 10928, 10929, 40143, 40197, 40501, 40613, 49918, 49919, 49920];

    /// <inheritdoc />
    /// <remarks>Any error of a <see cref="SqlException"/> with one of the numbers above; a failed login (18456) is permanent.</remarks>
    public override bool IsTransient(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => TransientNumbers.Contains(e.Number)),
        _ => exception.InnerException is { } cause && IsTransient(cause),
    };

    /// <inheritdoc />
    /// <remarks>3906: the database is read-only (ALTER DATABASE … SET READ_ONLY, or a readable secondary).</remarks>
    public override bool IsReadOnly(Exception exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => e.Number == 3906),
        _ => exception.InnerException is { } cause && IsReadOnly(cause),
    };
}
