using System.Globalization;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Consistency;

/// <summary>Applies the declared rules to the current figures; pure, so every rule is specified with exact figures.</summary>
public static class ConsistencyCheck
{
    /// <summary>Every violation, ordered by indicator, month and area.</summary>
    /// <param name="rules">The declared rules.</param>
    /// <param name="figures">The current figures (suppressed ones have no value and are not compared).</param>
    /// <param name="areas">The area hierarchy, for which areas are Stadtbezirke of the city.</param>
    public static IReadOnlyList<ConsistencyViolation> Find(IReadOnlyList<ConsistencyRule> rules, IReadOnlyCollection<MonthlyFigure> figures, AreaCatalog areas)
    {
        var byKey = figures.ToDictionary(f => (f.IndicatorCode, f.Month, f.AreaCode));
        var violations = new List<ConsistencyViolation>();
        foreach (var rule in rules)
        {
            switch (rule)
            {
                case ConsistencyRule.PartNotAboveWhole r:
                    foreach (var part in figures.Where(f => f.IndicatorCode == r.Part && f.Value is not null))
                    {
                        if (byKey.GetValueOrDefault((r.Whole, part.Month, part.AreaCode)) is { Value: { } whole } && part.Value > whole)
                        {
                            violations.Add(new(r.Part, part.Month, part.AreaCode, Text($"inkonsistent: {r.Part} ({part.Value:0.##}) größer als {r.Whole} ({whole:0.##}), dessen Teil es ist, im {part.Month:yyyy-MM}")));
                        }
                    }

                    break;
                case ConsistencyRule.NumeratorNotAboveDenominator r:
                    violations.AddRange(figures
                        .Where(f => f.IndicatorCode == r.Indicator && f.Numerator is { } n && f.Denominator is { } d && n > d)
                        .Select(f => new ConsistencyViolation(r.Indicator, f.Month, f.AreaCode, Text($"inkonsistent: Zähler {f.Numerator:0.##} größer als Nenner {f.Denominator:0.##} im {f.Month:yyyy-MM}"))));
                    break;
                case ConsistencyRule.DistrictsAddUpToCity r:
                    var districts = areas.Areas.Where(a => a.Level == AreaLevel.District && a.ParentCode == Area.CityCode).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
                    foreach (var city in figures.Where(f => f.IndicatorCode == r.Indicator && f.AreaCode == Area.CityCode))
                    {
                        var parts = figures.Where(f => f.IndicatorCode == r.Indicator && f.Month == city.Month && districts.Contains(f.AreaCode)).ToList();
                        if (parts.Count == 0)
                        {
                            continue;
                        }

                        foreach (var (label, whole, sum) in new[]
                                 {
                                     ("Wert", city.Value, Sum(parts.Select(p => p.Value))),
                                     ("Zähler", city.Numerator, Sum(parts.Select(p => p.Numerator))),
                                     ("Nenner", city.Denominator, Sum(parts.Select(p => p.Denominator))),
                                 })
                        {
                            if (whole is { } w && sum is { } s && (r.Exactly ? s != w : s > w))
                            {
                                violations.Add(new(r.Indicator, city.Month, Area.CityCode, Text(
                                    $"inkonsistent: {label} der Stadtbezirke zusammen {s:0.##} {(r.Exactly ? "ungleich" : "größer als")} {label} der Stadt {w:0.##} im {city.Month:yyyy-MM}")));
                            }
                        }
                    }

                    break;
            }
        }

        return [.. violations.OrderBy(v => v.IndicatorCode, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => v.AreaCode, StringComparer.Ordinal)];
    }

    // Only where every part has the figure: a suppressed district makes the sum unknown, not smaller.
    private static decimal? Sum(IEnumerable<decimal?> values)
    {
        var list = values.ToList();
        return list.Count == 0 || list.Any(v => v is null) ? null : list.Sum();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.GetCultureInfo("de-DE"));
}
