using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Attainment;

/// <summary>
/// The monthly actuals of a set of areas (Jobcenter-8.1: Sennestadt + Baumheide + Sieker) from its members': counts,
/// amounts and stocks add up, a rate's numerators and denominators add up separately. A month counts only when every
/// member delivered it (a sum of two of three quarters is not the set's figure); a published rate cannot be added up,
/// so its set has no actual.
/// </summary>
public static class AreaSetActuals
{
    /// <summary>The set's months, in month order.</summary>
    public static List<MonthlyActual> AddUp(IndicatorKind kind, IReadOnlyList<IReadOnlyCollection<MonthlyActual>> members)
    {
        if (members.Count == 0 || kind is IndicatorKind.PublishedRate or IndicatorKind.Milestone or IndicatorKind.Qualitative)
        {
            return [];
        }

        var byMonth = members.SelectMany(m => m).GroupBy(a => a.Month).Where(g => g.Count() == members.Count);
        return byMonth.OrderBy(g => g.Key).Select(g => new MonthlyActual(g.Key, g.Any(a => a.Value is null) ? null : g.Sum(a => a.Value))
        {
            Numerator = g.Any(a => a.Numerator is null) ? null : g.Sum(a => a.Numerator),
            Denominator = g.Any(a => a.Denominator is null) ? null : g.Sum(a => a.Denominator),
            Suppressed = g.Any(a => a.Suppressed),
        }).ToList();
    }
}
