using System.Data.Common;
using System.Reflection;
using Dapper;
using DbUp;
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
    private readonly string? _password;
    private readonly string? _host;
    private readonly string? _database;

    /// <summary>Creates the provider for a connection string such as <c>Server=db;Database=bielefeld;Integrated Security=true;Encrypt=true</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public SqlServerWarehouse(string connectionString, TimeProvider time)
        : base(time)
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
        _password = builder.Password;
        _host = builder.DataSource;
        _database = builder.InitialCatalog;
    }

    private static readonly WarehouseStatements Statements = new(typeof(SqlServerSql));

    /// <inheritdoc />
    public override string Name => "sqlserver";

    /// <inheritdoc />
    protected override WarehouseStatements Sql => Statements;

    /// <inheritdoc />
    protected override string? Password => _password;

    /// <inheritdoc />
    public override void Migrate()
    {
        using var lockConnection = new SqlConnection(_connectionString);
        OpenOrExplain(lockConnection, c => { c.Open(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        // Two servers starting together: the second waits here until the first has finished, then finds nothing to do.
        var lockArgs = new { resource = SqlServerNames.MigrationLock, timeoutMs = MigrationLockTimeoutMs };
        lockConnection.Execute(SqlServerSql.TakeMigrationLock, lockArgs, commandTimeout: MigrationLockTimeoutMs / 1000 + 30);
        try
        {
            lockConnection.Execute(SqlServerSql.CreateJournalSchema);
            var result = DeployChanges.To.SqlDatabase(_connectionString)
                .JournalToSqlTable("dwh", "SchemaVersions")
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("sqlserver/", StringComparison.Ordinal))
                .WithScript(ReportingViews.Script(Assembly.GetExecutingAssembly(), "sqlserver", "GO"))
                .WithTransactionPerScript()
                .WithVariablesDisabled()
                .ResetConfiguredLoggers()
                .LogTo(new MigrationLog(Log))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name} ist fehlgeschlagen: {ConnectionStrings.Redact(result.Error.Message, _password)}", result.Error);
            }
        }
        finally
        {
            lockConnection.Execute(SqlServerSql.ReleaseMigrationLock, new { resource = SqlServerNames.MigrationLock });
        }
    }

    /// <inheritdoc />
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqlConnection(_connectionString);
        try
        {
            await OpenOrExplain(connection, c => c.OpenAsync(cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task OpenOrExplain(SqlConnection connection, Func<SqlConnection, Task> open)
    {
        try
        {
            await open(connection);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is SqlException sql ? $"{sql.Number} {sql.Message}" : ex.Message;
            throw new WarehouseConnectionException(Name, _host, _database, ConnectionStrings.Redact(reason, _password), ex);
        }
    }
}
