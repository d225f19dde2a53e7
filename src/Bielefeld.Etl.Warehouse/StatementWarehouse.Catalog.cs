using System.Data.Common;
using System.Runtime.CompilerServices;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class StatementWarehouse
{
    /// <inheritdoc />
    /// <remarks>
    /// The rows the sync writes are fingerprinted first (with the statements and the schema's migrations and views): a
    /// catalog the warehouse already holds is not written again, so a night with nothing new spends no round trip per
    /// area (8,360 upserts in the 10 M bench). Only a changed fingerprint writes, and then everything, as before.
    /// </remarks>
    public override async Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken)
    {
        // The sets of areas the targets name (Jobcenter-8.1) are areas of their own in the warehouse.
        areas = areas.WithAreaSets(catalog);
        var rows = CatalogRows.Of(catalog, areas, Values);
        var fingerprint = rows.Fingerprint(Sql, ReportingViews.Script(GetType().Assembly, Name, ViewBatchSeparator).Name);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var stored = await connection.QueryAsync<string>(new CommandDefinition(Sql.CatalogState, transaction: transaction, cancellationToken: cancellationToken));
        if (stored.Contains(fingerprint, StringComparer.Ordinal))
        {
            await transaction.CommitAsync(cancellationToken);
            return false;
        }

        var verdictCatalog = await VerdictCatalogAsync(connection, transaction, cancellationToken);
        Task<int> Execute(string sql, object? args) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        await Execute(Sql.UpsertArea, rows.Areas);
        await Execute(Sql.UpsertMeasure, rows.Measures);
        await Execute(Sql.UpsertIndicator, rows.Indicators);
        var now = Values.Instant(Time.GetUtcNow());
        var changed = false;
        foreach (var target in rows.Targets)
        {
            var row = new DynamicParameters(target.Row);
            row.AddDynamicParams(target.Semantics);
            row.Add("now", now);
            // A target that changed closes its current version and opens a new one; an unchanged one is left alone.
            await Execute(Sql.CloseChangedTarget, row);
            changed |= await Execute(Sql.InsertTarget, row) > 0;
        }

        await Execute(Sql.ClearAreaSets, null);
        await Execute(Sql.InsertAreaSetMember, rows.SetMembers);
        await StoreLatestAttainmentIfVerdictCatalogChangedAsync(connection, transaction, verdictCatalog, cancellationToken);
        await Execute(Sql.ClearCatalogState, null);
        await Execute(Sql.RecordCatalogState, new { fingerprint });
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string Area, MonthlyActual Actual)> ReadMonthlyActualsAsync(
        DbConnection connection, DbTransaction transaction, string indicator, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Taken before reading, so a recomputation never writes figures older than those of one that ran beside it.
        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ActualRow>(Sql.MonthlyActuals, new { indicator, from = Values.Day(firstMonth), to = Values.Day(lastMonth) }, transaction);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return (r.Area, Actual(r));
        }
    }

    /// <inheritdoc />
    /// <remarks>One statement for all of them: read one by one, the consistency check's windows cost one round trip per
    /// indicator and year (1,736 reads of 6.7 ms each in the bench at 200 k rows on PostgreSQL).</remarks>
    protected override async IAsyncEnumerable<(string Indicator, string Area, MonthlyActual Actual)> ReadMonthlyActualsOfAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Sql.MonthlyActualsOfIndicators is not { } statement)
        {
            await foreach (var figure in base.ReadMonthlyActualsOfAsync(connection, transaction, indicators, firstMonth, lastMonth, cancellationToken))
            {
                yield return figure;
            }

            yield break;
        }

        if (indicators.Count == 0)
        {
            yield break;
        }

        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);
        var rows = connection.QueryUnbufferedAsync<ActualRow>(
            statement, new { indicators = CodeList(indicators), from = Values.Day(firstMonth), to = Values.Day(lastMonth) }, transaction);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return (r.Indicator, r.Area, Actual(r));
        }
    }

    /// <inheritdoc />
    protected override async Task<ILookup<string, string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, CancellationToken cancellationToken)
    {
        // Taken before reading, as for the monthly actuals: the areas and the actuals come from the same loads.
        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);
        var rows = await connection.QueryAsync<(string Indicator, string Area)>(new CommandDefinition(
            Sql.ActualAreas, new { indicators = CodeList(indicators) }, transaction, cancellationToken: cancellationToken));
        return rows.ToLookup(r => r.Indicator, r => r.Area, StringComparer.Ordinal);
    }

    private MonthlyActual Actual(ActualRow r) => new(Values.ReadDay(r.Month), Values.ReadNumber(r.Value))
    {
        Numerator = Values.ReadNumber(r.Numerator),
        Denominator = Values.ReadNumber(r.Denominator),
        Suppressed = Values.ReadFlag(r.Suppressed),
    };

    /// <summary>
    /// Writes the figures through the provider's bulk path, in the recomputation's transaction: never one insert per
    /// figure (the bench measured 202,848 single INSERTs at 50.7 s of a 52 s load on PostgreSQL).
    /// </summary>
    protected abstract Task WriteAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken);

    private sealed class ActualRow
    {
        public string Indicator { get; set; } = "";

        public string Area { get; set; } = "";

        public object Month { get; set; } = DateOnly.MinValue;

        public object? Value { get; set; }

        public object? Numerator { get; set; }

        public object? Denominator { get; set; }

        public object Suppressed { get; set; } = false;
    }
}
