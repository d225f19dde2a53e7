using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Recomputes the attainment table for <paramref name="indicators"/> (all of the catalog's when null) from the
    /// current observations, in one transaction, so that views never see half a recomputation.
    /// </summary>
    /// <returns>The number of attainment figures written.</returns>
    public async Task<int> RecomputeAttainmentAsync(
        PlanCatalog catalog, IReadOnlyCollection<string>? indicators, AttainmentSettings settings, CancellationToken cancellationToken)
    {
        var selected = (indicators ?? catalog.Indicators.Select(i => i.Code).ToList())
            .Select(catalog.FindIndicator).OfType<Indicator>().ToList();
        if (selected.Count == 0)
        {
            return 0;
        }

        var codes = selected.Select(i => i.Code).ToList();
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var actuals = (await ReadMonthlyActualsAsync(connection, transaction, codes, cancellationToken))
            .ToLookup(a => (a.Indicator, a.Area), a => a.Actual);
        var calculator = new AttainmentCalculator(settings);
        var figures = new List<AttainmentFigure>();
        foreach (var indicator in selected)
        {
            var areas = indicator.Targets.Select(t => t.AreaCode)
                .Concat(actuals.Where(g => g.Key.Indicator == indicator.Code).Select(g => g.Key.Area))
                .Append(Area.CityCode)
                .Distinct(StringComparer.Ordinal);
            foreach (var area in areas)
            {
                var target = indicator.Targets.FirstOrDefault(t => t.AreaCode == area);
                figures.AddRange(calculator.Compute(indicator, target, catalog.Year, area, actuals[(indicator.Code, area)].ToList()));
            }
        }

        await ReplaceAttainmentAsync(connection, transaction, codes, figures, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return figures.Count;
    }
}
