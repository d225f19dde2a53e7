using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// Which rows a Meldebogen has: one per indicator × period (× target area, where the plan sets targets for
/// Stadtbezirke or Quartiere). Counts, amounts, stocks and rates are reported monthly (<c>yyyy-MM</c>); milestones
/// and qualitative assessments once for the year (<c>yyyy</c>). Indicators a system extract delivers are left out.
/// </summary>
public static class MeldebogenTemplate
{
    /// <summary>The rows for one measure.</summary>
    /// <exception cref="ArgumentException">The plan has no such measure.</exception>
    public static IReadOnlyList<MeldebogenEntry> ForMeasure(PlanCatalog plan, AreaCatalog areas, MeldebogenMapping mapping, string measureCode, int year)
    {
        var measure = plan.Measures.FirstOrDefault(m => string.Equals(m.Code, measureCode, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Die Maßnahme '{measureCode}' steht nicht im Plan {plan.Year}.", nameof(measureCode));
        return Rows([measure], areas, mapping, year);
    }

    /// <summary>The rows for every measure of an org unit (REGE, Jobcenter, 500, 510, 540).</summary>
    /// <exception cref="ArgumentException">No measure of the plan belongs to the org unit.</exception>
    public static IReadOnlyList<MeldebogenEntry> ForOrgUnit(PlanCatalog plan, AreaCatalog areas, MeldebogenMapping mapping, string orgUnit, int year)
    {
        var measures = plan.Measures.Where(m => string.Equals(m.OrgUnit, orgUnit, StringComparison.OrdinalIgnoreCase)).ToList();
        return measures.Count > 0
            ? Rows(measures, areas, mapping, year)
            : throw new ArgumentException(
                $"Keine Maßnahme des Plans {plan.Year} gehört zur Organisationseinheit '{orgUnit}' (bekannt: {string.Join(", ", plan.Measures.Select(m => m.OrgUnit).Distinct(StringComparer.Ordinal))}).",
                nameof(orgUnit));
    }

    /// <summary>Whether an indicator kind is reported once a year rather than monthly.</summary>
    public static bool IsYearly(IndicatorKind kind) => kind is IndicatorKind.Milestone or IndicatorKind.Qualitative;

    /// <summary>How an area is written in the Bereich column so that the reader finds it again unambiguously.</summary>
    public static string? AreaName(AreaCatalog areas, Area area)
    {
        if (area.Level == AreaLevel.City)
        {
            return null;
        }

        var other = areas.FindByName(area.Level == AreaLevel.District ? AreaLevel.Quarter : AreaLevel.District, area.Name);
        return other is null ? area.Name : (area.Level == AreaLevel.District ? "Stadtbezirk " : "Quartier ") + area.Name;
    }

    private static List<MeldebogenEntry> Rows(IEnumerable<Measure> measures, AreaCatalog areas, MeldebogenMapping mapping, int year)
    {
        var rows = new List<MeldebogenEntry>();
        foreach (var indicator in measures.SelectMany(m => m.Indicators).Where(i => !mapping.IsSystemFed(i.Code)))
        {
            var periods = IsYearly(indicator.Kind)
                ? [MeldebogenPeriod.Year(year)]
                : Enumerable.Range(1, 12).Select(m => MeldebogenPeriod.Month(year, m)).ToList();
            var targetAreas = indicator.Targets.Select(t => areas.Find(t.AreaCode)).OfType<Area>()
                .Where(a => a.Level != AreaLevel.City).DistinctBy(a => a.Code).ToList();
            IReadOnlyList<Area> rowAreas = targetAreas.Count > 0 ? targetAreas : [Area.City];
            foreach (var period in periods)
            {
                rows.AddRange(rowAreas.Select(area =>
                    new MeldebogenEntry(indicator.Code, indicator.Name, indicator.Unit, period.Text, AreaName(areas, area))));
            }
        }

        return rows;
    }
}
