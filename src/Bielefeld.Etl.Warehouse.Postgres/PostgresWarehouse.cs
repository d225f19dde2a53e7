using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Npgsql;

namespace Bielefeld.Etl.Warehouse.Postgres;

/// <summary>
/// The PostgreSQL warehouse: tables in schema <c>dwh</c>, staging in <c>stg</c>, the Power BI contract in <c>rpt</c>.
/// Bulk path: binary COPY into staging inside the file's transaction, then one set-based merge.
/// </summary>
public sealed partial class PostgresWarehouse : StatementWarehouse
{
    private readonly string _connectionString;

    /// <summary>Creates the provider for a connection string such as <c>Host=db;Database=bielefeld;Username=etl_loader</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public PostgresWarehouse(string connectionString, TimeProvider time)
        : base(time, "postgresql", Statements)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            // The driver's message may quote the offending value, which may be the password.
            throw new ArgumentException(
                $"Die PostgreSQL-Verbindungszeichenfolge ist ungültig (Schlüssel: {ConnectionStrings.KeysOnly(connectionString)}).", nameof(connectionString));
        }

        builder.ApplicationName ??= "bielefeld-etl";
        builder.Options = WithoutJit(builder.Options);
        _connectionString = builder.ConnectionString;
        Password = builder.Password;
        Host = builder.Host;
        Database = builder.Database;
    }

    /// <summary>
    /// The product's sessions run without JIT compilation unless the connection string's <c>Options</c> set it. The
    /// planner's estimates for the views' small-count subqueries and the provenance joins run into the millions, so
    /// PostgreSQL JIT-compiled plans that then ran in a second: 4.8 of 12 s for the latest attainment at 1 M
    /// observations, 9.2 s for the small-count rule at 10 M, 7.2 s for one area's provenance (docs/performance.md).
    /// A startup option rather than a SET per statement: it survives the pool's reset of a connection.
    /// </summary>
    internal static string WithoutJit(string? options) =>
        options is not null && options.Contains("jit", StringComparison.OrdinalIgnoreCase) ? options : $"{options} -c jit=off".TrimStart();

    private static readonly WarehouseStatements Statements = new(typeof(PostgresSql));

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new NpgsqlConnection(_connectionString);

    /// <inheritdoc />
    protected override string OpenFailureReason(Exception exception) =>
        exception is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : exception.Message;

    /// <inheritdoc />
    protected override void TakeMigrationLock(DbConnection connection) =>
        connection.Execute(PostgresSql.TakeMigrationLock, new { key = PostgresSql.MigrationLockKey });

    /// <inheritdoc />
    protected override void ReleaseMigrationLock(DbConnection connection) =>
        connection.Execute(PostgresSql.ReleaseMigrationLock, new { key = PostgresSql.MigrationLockKey });

    /// <inheritdoc />
    protected override UpgradeEngineBuilder MigrationTarget(DbConnection connection)
    {
        connection.Execute(PostgresSql.CreateJournalSchema);
        return DeployChanges.To.PostgresqlDatabase(_connectionString).JournalToPostgresqlTable("dwh", "schemaversions");
    }
}
