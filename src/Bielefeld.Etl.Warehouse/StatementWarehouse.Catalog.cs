using System.Data.Common;
using System.Runtime.CompilerServices;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class StatementWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken)
    {
        // The sets of areas the targets name (Jobcenter-8.1) are areas of their own in the warehouse.
        areas = areas.WithAreaSets(catalog);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = Values.Instant(Time.GetUtcNow());
        var changed = false;
        foreach (var area in areas.Areas)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.UpsertArea, new { area.Code, area.Name, level = CatalogWords.Level(area.Level), area.ParentCode },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var measure in catalog.Measures)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.UpsertMeasure,
                new
                {
                    measure.Code, year = catalog.Year, measure.Title, measure.OrgUnit, measure.PolicyArea, measure.TargetGroup,
                    measure.FocalTheme, principles = string.Join("\n", measure.GuidingPrinciples), CostEurosPerYear = Values.Number(measure.CostEurosPerYear), measure.CostText,
                },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var indicator in catalog.Indicators)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.UpsertIndicator,
                new
                {
                    indicator.Code, indicator.MeasureCode, indicator.Name, indicator.Unit, kind = CatalogWords.Kind(indicator.Kind),
                    direction = CatalogWords.Direction(indicator.HigherIsBetter), indicator.ParentCode, indicator.Informational, indicator.DataSource,
                },
                transaction, cancellationToken: cancellationToken));

            foreach (var target in indicator.Targets)
            {
                var row = new DynamicParameters(new
                {
                    indicator = indicator.Code, year = catalog.Year, area = target.AreaCode, comparator = CatalogWords.Comparator(target.Comparator),
                    value = Values.Number(target.Value), baseline = Values.Number(target.Baseline), deadline = Values.Day(target.Deadline),
                    from = Values.Day(target.Period.FirstMonth), to = Values.Day(target.Period.LastMonth), wording = target.Wording, now,
                });
                row.AddDynamicParams(TargetSemantics.Of(indicator, target));
                // A target that changed closes its current version and opens a new one; an unchanged one is left alone.
                await connection.ExecuteAsync(new CommandDefinition(Sql.CloseChangedTarget, row, transaction, cancellationToken: cancellationToken));
                changed |= await connection.ExecuteAsync(new CommandDefinition(Sql.InsertTarget, row, transaction, cancellationToken: cancellationToken)) > 0;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(Sql.ClearAreaSets, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var set in areas.Areas.Where(a => a.Members.Count > 0))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.InsertAreaSetMember, set.Members.Select((member, i) => new { set = set.Code, member, position = i + 1 }),
                transaction, cancellationToken: cancellationToken));
        }

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
    protected override async Task<IReadOnlyList<string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, string indicator, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(Sql.ActualAreas, new { indicator }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <inheritdoc />
    protected override async Task ReplaceAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, IReadOnlyList<AttainmentFigure> figures, CancellationToken cancellationToken)
    {
        if (indicators.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.DeleteAttainment, new { indicators = CodeList(indicators) }, transaction, cancellationToken: cancellationToken));
        }

        await WriteAttainmentAsync(connection, transaction, figures, Time.GetUtcNow().UtcDateTime, cancellationToken);
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
