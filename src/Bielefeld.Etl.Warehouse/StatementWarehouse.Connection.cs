using System.Data.Common;
using DbUp.Builder;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class StatementWarehouse
{
    /// <summary>The server named in messages about a connection that failed (no credentials); set by the provider's constructor.</summary>
    protected string? Host { get; init; }

    /// <summary>The database named in messages about a connection that failed; set by the provider's constructor.</summary>
    protected string? Database { get; init; }

    /// <summary>A new, closed connection of the provider's driver.</summary>
    protected abstract DbConnection CreateConnection();

    /// <summary>Why opening failed, in the driver's own terms (SQLSTATE or error number first where it has one).</summary>
    protected abstract string OpenFailureReason(Exception exception);

    /// <summary>Takes the session lock that makes a second server starting at the same time wait for the first's migration.</summary>
    protected abstract void TakeMigrationLock(DbConnection connection);

    /// <summary>Releases what <see cref="TakeMigrationLock"/> took.</summary>
    protected abstract void ReleaseMigrationLock(DbConnection connection);

    /// <summary>
    /// DbUp's target for this dialect with its journal in <c>dwh</c>; creates that schema on <paramref name="connection"/>
    /// first, because the journal must exist before the first script runs.
    /// </summary>
    protected abstract UpgradeEngineBuilder MigrationTarget(DbConnection connection);

    /// <summary>How the dialect separates batches in a view script (SQL Server's <c>GO</c>); none by default.</summary>
    protected virtual string? ViewBatchSeparator => null;

    /// <inheritdoc />
    public override void Migrate()
    {
        using var lockConnection = CreateConnection();
        OpenOrExplainAsync(lockConnection, c => { c.Open(); return Task.CompletedTask; }).GetAwaiter().GetResult();

        // Two servers starting together: the second waits here until the first has finished, then finds nothing to do.
        TakeMigrationLock(lockConnection);
        try
        {
            var assembly = GetType().Assembly;
            var result = MigrationTarget(lockConnection)
                .WithScriptsEmbeddedInAssembly(assembly, name => name.StartsWith(Name + "/", StringComparison.Ordinal))
                .WithScript(ReportingViews.Script(assembly, Name, ViewBatchSeparator))
                .WithTransactionPerScript()
                // Not the provider's 30 s command default: a migration that rebuilds the fact's indexes takes minutes
                // at 10 M observations (PostgreSQL's 0023 failed after its first 30 s at that size).
                .WithExecutionTimeout(TimeSpan.FromHours(1))
                .WithVariablesDisabled()
                .ResetConfiguredLoggers()
                .LogTo(new MigrationLog(Log))
                .Build()
                .PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException(
                    $"Migration {result.ErrorScript?.Name} ist fehlgeschlagen: {ConnectionStrings.Redact(result.Error.Message, Password)}", result.Error);
            }

            StoreLatestAttainmentAfterAsync(result, CancellationToken.None).GetAwaiter().GetResult();
        }
        finally
        {
            ReleaseMigrationLock(lockConnection);
        }
    }

    /// <inheritdoc />
    /// <exception cref="WarehouseConnectionException">The server cannot be reached or refuses the login.</exception>
    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = CreateConnection();
        try
        {
            await OpenOrExplainAsync(connection, c => c.OpenAsync(cancellationToken));
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task OpenOrExplainAsync(DbConnection connection, Func<DbConnection, Task> open)
    {
        try
        {
            await open(connection);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new WarehouseConnectionException(Name, Host, Database, ConnectionStrings.Redact(OpenFailureReason(ex), Password), ex);
        }
    }
}
