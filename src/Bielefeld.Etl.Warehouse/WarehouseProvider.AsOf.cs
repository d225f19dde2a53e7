using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// The attainment of every indicator in one area as it was reported at <paramref name="asOf"/>: computed from the
    /// values current at that moment (loaded before it, not yet superseded by then), against the Zielwerte valid at that
    /// moment (a later catalog revision does not rewrite what was reported). With the moment the area's first value was
    /// loaded, so that a report of a day before it can say why it is empty. As the recomputation does: a set of areas
    /// (Jobcenter-8.1's three quarters) is its members' values added up, each member as known at that moment, against
    /// the set's target; a member without a target of its own is measured against its set's target as drill-down.
    /// </summary>
    public async Task<AttainmentAsOf> AttainmentAsOfAsync(
        PlanCatalog catalog, AreaCatalog areas, AttainmentSettings settings, string areaCode, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var isSet = areas.Find(areaCode)?.Members is { Count: > 0 };
        var members = isSet ? areas.Find(areaCode)!.Members : [areaCode];
        // Member by member, filtered in the database: a set holds three quarters' history, never the whole fact's.
        var history = new List<ObservationVersion>();
        foreach (var member in members)
        {
            history.AddRange(await ObservationHistoryAsync(member, cancellationToken));
        }

        var known = history.Where(v => v.LoadedAt <= asOf && (v.SupersededAt is null || v.SupersededAt > asOf)).ToList();
        var current = known
            .GroupBy(v => (v.IndicatorCode, v.AreaCode, v.Month))
            .ToLookup(g => (g.Key.IndicatorCode, g.Key.AreaCode), g => new MonthlyActual(g.Key.Month, Sum(g.Select(v => v.Value)))
            {
                Numerator = Sum(g.Select(v => v.Numerator)),
                Denominator = Sum(g.Select(v => v.Denominator)),
                Suppressed = g.Any(v => v.Suppressed),
            });
        var targets = (await TargetHistoryAsync(cancellationToken)).Where(t => t.IsValidAt(asOf)).ToLookup(t => t.IndicatorCode, StringComparer.Ordinal);
        var calculator = new AttainmentCalculator(settings);
        var areaName = areas.Find(areaCode)?.Name ?? areaCode;
        var rows = new List<AttainmentRow>();
        var files = new FigureFiles(areaCode, known, (await DecisionHistoryAsync(cancellationToken)).Where(d => d.DecidedAt <= asOf).ToList());
        foreach (var indicator in catalog.Indicators)
        {
            var today = indicator.Targets.FirstOrDefault(t => t.AreaCode == areaCode) ?? indicator.Targets.FirstOrDefault(t => t.AreaMembers.Contains(areaCode, StringComparer.Ordinal));
            var version = targets[indicator.Code].FirstOrDefault(t => t.AreaCode == (today?.AreaCode ?? areaCode));
            if (isSet && version is null && today is null)
            {
                // A set exists for its targets only; the recomputation writes no figures of a set for other indicators.
                continue;
            }

            var actuals = isSet
                ? AreaSetActuals.AddUp(indicator.Kind, [.. members.Select(m => (IReadOnlyCollection<MonthlyActual>)current[(indicator.Code, m)].ToList())])
                : [.. current[(indicator.Code, areaCode)].OrderBy(a => a.Month)];
            var target = version?.ToTarget(today);
            foreach (var f in calculator.Compute(indicator, target is not null && target.AreaCode != areaCode ? target.AsDrillDown() : target, catalog.Year, areaCode, actuals))
            {
                rows.Add(new AttainmentRow(
                    f.IndicatorCode, indicator.MeasureCode, f.Month, areaName, f.ActualToDate, f.TargetValue, f.TargetPath, f.Degree, f.Status));
                files.Add(indicator, f.Month, version, today);
            }
        }

        return new AttainmentAsOf(
            rows.OrderBy(r => r.IndikatorCode, StringComparer.Ordinal).ThenBy(r => r.Monat).ToList(),
            history.Count == 0 ? null : history.Min(v => v.LoadedAt),
            files.Rows);

        static decimal? Sum(IEnumerable<decimal?> values)
        {
            var list = values.ToList();
            return list.Any(v => v is null) ? null : list.Sum(v => v!.Value);
        }
    }
}
