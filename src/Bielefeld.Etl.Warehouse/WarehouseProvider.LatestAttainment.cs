using System.Data.Common;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The latest attainment per indicator and area (what <c>run</c> prints, the nightly summary compares, the dashboard
/// shows) is kept in <c>zielerreichung_letzte</c> as the attainment view publishes it, so that reading it is a lookup
/// and not two windows over every figure (migration 0021). It is taken from the view wherever the view's output can
/// change: by a recomputation (its figures and verdicts, in its transaction), by new views (their rule), and by a catalog
/// sync that changes what the verdicts depend on (indicator kinds, area levels, sets of areas). What the view takes
/// from elsewhere is read with the rows: the measure, the area's name, and whether the indicator is pending.
/// </summary>
public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Keeps the latest attainment of <paramref name="indicators"/>, in one statement where the dialect has it: one per
    /// indicator cost 304 statements and 10.8-12.1 s in the 1 M bench on PostgreSQL (docs/performance.md, "Attainment
    /// written where it changed"). SQLite, embedded, keeps one per indicator (a list does not reach its view's scan).
    /// </summary>
    protected async Task StoreLatestAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, CancellationToken cancellationToken)
    {
        if (indicators.Count == 0)
        {
            return;
        }

        if (Sql.StoreLatestAttainmentOfIndicators is { } all)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                all, new { indicators = CodeList(indicators) }, transaction, cancellationToken: cancellationToken));
            return;
        }

        // In code order, like the other per-indicator statements of a recomputation, so that two never wait crosswise.
        // A dialect without the list form has the single one (WarehouseStatements refuses a dialect with neither).
        foreach (var indicator in indicators.Order(StringComparer.Ordinal))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.StoreLatestAttainment!, new { indicator }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// The hidden cells of <paramref name="indicators"/> (area and month, in order) per indicator: read before and after
    /// an assessment, equal lists mean the view hides what it hid.
    /// </summary>
    private async Task<ILookup<string, string>> HiddenCellsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<Catalog.Indicator> indicators, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Indicator, string Area, string Month)>(new CommandDefinition(
            Sql.HiddenCells, new { indicators = CodeList([.. indicators.Select(i => i.Code)]) }, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.Indicator, r => $"{r.Area}\t{r.Month}", StringComparer.Ordinal);
    }

    /// <summary>
    /// Keeps the latest attainment of every indicator again when <paramref name="result"/> (re-)created the reporting
    /// views, whose rule the kept rows follow; in a transaction of its own, after a recomputation in progress.
    /// </summary>
    protected async Task StoreLatestAttainmentAfterAsync(DbUp.Engine.DatabaseUpgradeResult result, CancellationToken cancellationToken)
    {
        if (!result.Scripts.Any(s => s.Name.StartsWith("views/", StringComparison.Ordinal)))
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await StoreAllLatestAttainmentAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// What the view's verdicts take from the catalog, as it stands in the transaction: read before and after a catalog
    /// sync, a difference means every indicator's latest attainment is taken again (<see cref="StoreLatestAttainmentAsync"/>).
    /// </summary>
    protected async Task<string> VerdictCatalogAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Kind, string Code, string Value)>(new CommandDefinition(
            Sql.VerdictCatalog, transaction: transaction, cancellationToken: cancellationToken));
        return string.Join("\n", rows.Select(r => $"{r.Kind}\t{r.Code}\t{r.Value}").Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// After a catalog sync in <paramref name="transaction"/>: when what the verdicts take from the catalog differs from
    /// <paramref name="before"/>, the latest attainment of every indicator is taken again in the same transaction.
    /// </summary>
    protected async Task StoreLatestAttainmentIfVerdictCatalogChangedAsync(
        DbConnection connection, DbTransaction transaction, string before, CancellationToken cancellationToken)
    {
        if (string.Equals(before, await VerdictCatalogAsync(connection, transaction, cancellationToken), StringComparison.Ordinal))
        {
            return;
        }

        await StoreAllLatestAttainmentAsync(connection, transaction, cancellationToken);
    }

    private async Task StoreAllLatestAttainmentAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);
        var indicators = await connection.QueryAsync<string>(new CommandDefinition(
            Sql.LatestAttainmentIndicators, transaction: transaction, cancellationToken: cancellationToken));
        await StoreLatestAttainmentAsync(connection, transaction, [.. indicators], cancellationToken);
    }
}
