using System.Data.Common;
using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The engine of every warehouse: the load's steps, the merge sequence, catalog sync, attainment, stewardship and the
/// reads, written once against the provider's <see cref="WarehouseStatements"/>. A provider contributes its dialect
/// (<see cref="WarehouseProvider.Sql"/>), its bulk writers, its transient-fault codes, its locks (statements of the
/// dialect) and how its columns store days, instants and numbers (<see cref="WarehouseProvider.Values"/>).
/// </summary>
public abstract partial class StatementWarehouse(TimeProvider time, string name, WarehouseStatements statements) : WarehouseProvider(time)
{
    /// <inheritdoc />
    public sealed override string Name => name;

    /// <inheritdoc />
    protected sealed override WarehouseStatements Sql => statements;

    /// <summary>Whether the claim failed on the fingerprint's unique index (a dialect whose claim cannot skip a duplicate).</summary>
    protected virtual bool IsDuplicateKey(Exception exception) => false;

    /// <summary>The password of the connection string, redacted from messages that are stored; set by the provider's constructor.</summary>
    protected string? Password { get; init; }

    /// <inheritdoc />
    protected override async Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                Sql.Claim,
                new { file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, started = Values.Instant(started) },
                transaction, cancellationToken: cancellationToken));
        }
        catch (DbException ex) when (IsDuplicateKey(ex))
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task<bool> CanWriteDirectAsync(
        DbConnection connection, DbTransaction transaction, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var args = ScopeArguments(0, scope);
        // Two files of the same series load one after the other: the second then sees what the first committed.
        await LockAsync(connection, transaction, Sql.LockScope, args, cancellationToken);
        var current = await connection.ExecuteScalarAsync<object>(new CommandDefinition(Sql.SourceHasCurrentValues, args, transaction, cancellationToken: cancellationToken));
        return !Convert.ToBoolean(current, CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var args = ScopeArguments(fileId, scope);
        Task<int> Execute(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

        // Two files of the same series merge one after the other: the second then sees what the first committed.
        await LockAsync(connection, transaction, Sql.LockScope, args, cancellationToken);
        try
        {
            if (scope.Mode != SupersedeMode.PerValue)
            {
                await Execute(Sql.Supersede);
                await Execute(Sql.InsertNew);
            }
            else if (Sql.MergePerValue is { } mergePerValue)
            {
                await Execute(mergePerValue);
            }
            else
            {
                // The constructor of WarehouseStatements refuses a dialect with neither form of the per-value merge.
                await Execute(Sql.KeepLateValues!);
                if (Sql.DropLateValues is { } dropLateValues)
                {
                    await Execute(dropLateValues);
                }

                await Execute(Sql.SupersedeContained!);
                await Execute(Sql.InsertNew);
            }

            var changed = await connection.QueryAsync<string>(new CommandDefinition(Sql.ChangedIndicators, args, transaction, cancellationToken: cancellationToken));
            await Execute(Sql.ClearStaging);
            return changed.ToList();
        }
        finally
        {
            await MergeEndedAsync(connection, transaction, cancellationToken);
        }
    }

    /// <summary>
    /// Run when a merge ends, whether it succeeded or not: a dialect gives back what it took for staging and merging
    /// (SQLite: the page cache it enlarged in <see cref="WarehouseProvider.BeforeRowsAsync"/>, so that a pooled
    /// connection does not keep it). Nothing by default.
    /// </summary>
    protected virtual Task MergeEndedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <inheritdoc />
    protected override Task RecordFileMonthsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, string source, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            Sql.RecordFileMonth, months.Select(m => new { fileId, source, month = Values.Day(m) }), transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    protected override Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            Sql.Complete,
            new
            {
                fileId, scope.SeriesKey, from = Values.Day(scope.FirstMonth), to = Values.Day(scope.LastMonth),
                counts.Read, counts.Loaded, counts.Rejected, counts.Skipped, finished = Values.Instant(finished),
            },
            transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    public override async Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.RecordUnloaded,
            new
            {
                file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, status = status.ToStoredName(), reasonCode,
                message = ConnectionStrings.Redact(message, Password), started = Values.Instant(started), finished = Values.Instant(Time.GetUtcNow()),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>A month as a <c>date</c> parameter.</summary>
    protected static DateTime Day(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>
    /// The merge's parameters. <c>resource</c> names the scope's lock for a dialect whose locks are named (SQL Server's
    /// application locks take at most 255 characters); the others lock by <c>@Source</c> and <c>@SeriesKey</c>.
    /// </summary>
    private object ScopeArguments(long fileId, DeliveryScope scope)
    {
        var resource = $"bielefeld-etl/scope/{scope.Source}/{scope.SeriesKey ?? "*"}";
        return new
        {
            fileId, scope.Source, scope.SeriesKey, from = Values.Day(scope.FirstMonth), to = Values.Day(scope.LastMonth),
            resource = resource.Length > 255 ? resource[..255] : resource,
        };
    }
}
