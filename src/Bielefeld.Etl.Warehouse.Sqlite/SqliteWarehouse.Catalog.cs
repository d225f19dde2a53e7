using Bielefeld.Etl.Catalog;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken)
    {
        // The sets of areas the targets name (Jobcenter-8.1) are areas of their own in the warehouse.
        areas = areas.WithAreaSets(catalog);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var verdictCatalog = await VerdictCatalogAsync(connection, transaction, cancellationToken);
        var now = Timestamp(Time.GetUtcNow());
        var changed = false;
        foreach (var area in areas.Areas)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.UpsertArea,
                new { area.Code, area.Name, level = CatalogWords.Level(area.Level), area.ParentCode },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var measure in catalog.Measures)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.UpsertMeasure,
                new
                {
                    measure.Code, year = catalog.Year, measure.Title, measure.OrgUnit, measure.PolicyArea, measure.TargetGroup,
                    measure.FocalTheme, principles = string.Join("\n", measure.GuidingPrinciples), cost = Number(measure.CostEurosPerYear), measure.CostText,
                },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var indicator in catalog.Indicators)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.UpsertIndicator,
                new
                {
                    indicator.Code, indicator.MeasureCode, indicator.Name, indicator.Unit, kind = CatalogWords.Kind(indicator.Kind),
                    direction = CatalogWords.Direction(indicator.HigherIsBetter), indicator.ParentCode, indicator.Informational, indicator.DataSource,
                },
                transaction, cancellationToken: cancellationToken));

            foreach (var target in indicator.Targets)
            {
                changed |= await SyncTargetAsync(connection, transaction, catalog.Year, indicator, target, now, cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.ClearAreaSets, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var set in areas.Areas.Where(a => a.Members.Count > 0))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.InsertAreaSetMember,
                set.Members.Select((member, i) => new { set = set.Code, member, position = i + 1 }), transaction, cancellationToken: cancellationToken));
        }

        await StoreLatestAttainmentIfVerdictCatalogChangedAsync(connection, transaction, verdictCatalog, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    private static async Task<bool> SyncTargetAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, int year, Indicator of, Target target, string now, CancellationToken cancellationToken)
    {
        var row = new DynamicParameters(new
        {
            indicator = of.Code, year, area = target.AreaCode, comparator = CatalogWords.Comparator(target.Comparator), value = Number(target.Value),
            baseline = Number(target.Baseline), deadline = target.Deadline is { } d ? Date(d) : null,
            from = Date(target.Period.FirstMonth), to = Date(target.Period.LastMonth), wording = target.Wording, now,
        });
        row.AddDynamicParams(TargetSemantics.Of(of, target));
        // A target that changed closes its current version and opens a new one; an unchanged one is left alone.
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.CloseChangedTarget,
            row, transaction, cancellationToken: cancellationToken));
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.InsertTarget,
            row, transaction, cancellationToken: cancellationToken));
        return inserted > 0;
    }
}
