using System.Data.Common;
using System.Reflection;
using Dapper;
using DbUp;
using Npgsql;

namespace Bielefeld.Etl.Warehouse.Postgres;

/// <summary>
/// The PostgreSQL warehouse: tables in schema <c>dwh</c>, staging in <c>stg</c>, the Power BI contract in <c>rpt</c>.
/// Bulk path: binary COPY into staging inside the file's transaction, then one set-based merge.
/// </summary>
public sealed partial class PostgresWarehouse : StatementWarehouse
{
    private readonly string _connectionString;
    private readonly string? _password;
    private readonly string? _host;
    private readonly string? _database;

    /// <summary>Creates the provider for a connection string such as <c>Host=db;Database=bielefeld;Username=etl_loader</c>.</summary>
    /// <exception cref="ArgumentException">The connection string cannot be read; the message names its keys, not their values.</exception>
    public PostgresWarehouse(string connectionString, TimeProvider time)
        : base(time)
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
        _connectionString = builder.ConnectionString;
        _password = builder.Password;
        _host = builder.Host;
        _database = builder.Database;
    }

    private static readonly WarehouseStatements Statements = new(typeof(PostgresSql));

    /// <inheritdoc />
    public override string Name => "postgresql";

    /// <inheritdoc />
    protected override WarehouseStatements Sql => Statements;

    /// <inheritdoc />
    protected override string? Password => _password;

    /// <inheritdoc />
    public override void Migrate()
    {
        using var lockConnection = new NpgsqlConnection(_connectionString);
        OpenOrExplain(lockConnection, c => { c.Open(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        // Two servers starting together: the second waits here until the first has finished, then finds nothing to do.
        lockConnection.Execute(PostgresSql.TakeMigrationLock, new { key = PostgresSql.MigrationLockKey });
        try
        {
            // DbUp keeps its journal in dwh, so dwh must exist before the first script runs.
            lockConnection.Execute(PostgresSql.CreateJournalSchema);
            var result = DeployChanges.To.PostgresqlDatabase(_connectionString)
                .JournalToPostgresqlTable("dwh", "schemaversions")
                .WithScriptsEmbeddedInAssembly(Assembly.GetExecutingAssembly(), name => name.StartsWith("postgresql/", StringComparison.Ordinal))
                .WithScript(ReportingViews.Script(Assembly.GetExecutingAssembly(), "postgresql"))
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
            lockConnection.Execute(PostgresSql.ReleaseMigrationLock, new { key = PostgresSql.MigrationLockKey });
        }
    }

    /// <inheritdoc />
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(_connectionString);
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

    private async Task OpenOrExplain(NpgsqlConnection connection, Func<NpgsqlConnection, Task> open)
    {
        try
        {
            await open(connection);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = ex is PostgresException pg ? $"{pg.SqlState} {pg.MessageText}" : ex.Message;
            throw new WarehouseConnectionException(Name, _host, _database, ConnectionStrings.Redact(reason, _password), ex);
        }
    }
}
