using System.Data.Common;
using Dapper;
using DbUp;
using DbUp.Builder;
using Microsoft.Data.SqlClient;

namespace Bielefeld.Etl.Warehouse.SqlServer;

/// <summary>
/// The production warehouse on SQL Server: tables in schema <c>dwh</c>, staging in <c>stg</c>, the Power BI contract
/// in <c>rpt</c>. Bulk path: SqlBulkCopy into staging inside the file's transaction, then one set-based merge.
/// </summary>
public sealed partial class SqlServerWarehouse : StatementWarehouse
{
    private const int MigrationLockTimeoutMs = 10 * 60 * 1000;
    private readonly string _connectionString;

    /// <summary>Creates the provider for a connection string such as <c>Server=db;Database=bielefeld;Integrated Security=true;Encrypt=true</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public SqlServerWarehouse(string connectionString, TimeProvider time)
        : base(time, "sqlserver", Statements)
    {
        SqlConnectionStringBuilder builder;
        try
        {
            builder = new SqlConnectionStringBuilder(connectionString);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new ArgumentException(
                $"Die SQL-Server-Verbindungszeichenfolge ist ungültig (Schlüssel: {ConnectionStrings.KeysOnly(connectionString)}).", nameof(connectionString));
        }

        if (string.IsNullOrEmpty(builder.ApplicationName) || builder.ApplicationName == "Framework Microsoft SqlClient Data Provider")
        {
            builder.ApplicationName = "bielefeld-etl";
        }

        _connectionString = builder.ConnectionString;
        Password = builder.Password;
        Host = builder.DataSource;
        Database = builder.InitialCatalog;
    }

    private static readonly WarehouseStatements Statements = new(typeof(SqlServerSql));

    /// <inheritdoc />
    protected override string? ViewBatchSeparator => "GO";

    /// <inheritdoc />
    protected override DbConnection CreateConnection() => new SqlConnection(_connectionString);

    /// <inheritdoc />
    protected override string OpenFailureReason(Exception exception) =>
        exception is SqlException sql ? $"{sql.Number} {sql.Message}" : exception.Message;

    /// <inheritdoc />
    protected override void TakeMigrationLock(DbConnection connection) =>
        connection.Execute(
            SqlServerSql.TakeMigrationLock,
            new { resource = SqlServerNames.MigrationLock, timeoutMs = MigrationLockTimeoutMs },
            commandTimeout: MigrationLockTimeoutMs / 1000 + 30);

    /// <inheritdoc />
    protected override void ReleaseMigrationLock(DbConnection connection) =>
        connection.Execute(SqlServerSql.ReleaseMigrationLock, new { resource = SqlServerNames.MigrationLock });

    /// <inheritdoc />
    protected override UpgradeEngineBuilder MigrationTarget(DbConnection connection)
    {
        connection.Execute(SqlServerSql.CreateJournalSchema);
        return DeployChanges.To.SqlDatabase(_connectionString).JournalToSqlTable("dwh", "SchemaVersions");
    }
}
