using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources;

/// <summary>
/// Adds the context series that pipelines declare to the plan catalog as indicators of one pseudo-measure
/// <c>Kontext</c>, so that the warehouse's indicator dimension knows their codes and the reporting views show their
/// values. They are informational ("nachrichtlich"), never have a target and are never a plan indicator: the plan's
/// own measures and codes stay exactly as the catalog files say.
/// </summary>
public static partial class ContextCatalog
{
    /// <summary>The code of the pseudo-measure that holds the context indicators.</summary>
    public const string MeasureCode = "Kontext";

    /// <summary>The plan catalog plus the context indicators of <paramref name="readers"/>; the plan itself when there are none.</summary>
    public static PlanCatalog Extend(PlanCatalog plan, IEnumerable<IExtractReader> readers)
    {
        var indicators = readers.OfType<IContextSource>().SelectMany(r => r.ContextIndicators).ToList();
        if (indicators.Count == 0)
        {
            return plan;
        }

        var measure = new Measure(MeasureCode, "Kontextdaten (keine Maßnahme des Plans)", "Statistik")
        {
            PolicyArea = "Kontext",
            Indicators = indicators,
        };
        return new PlanCatalog(plan.Year, [.. plan.Measures, measure]);
    }

    /// <summary>
    /// The area hierarchy plus the areas outside Bielefeld that <paramref name="readers"/> declare (a comparison
    /// Gemeinde), for the warehouse's area dimension; the hierarchy itself when there are none.
    /// </summary>
    /// <exception cref="CatalogException">Two pipelines declare the same code differently, or a code of the hierarchy again.</exception>
    public static AreaCatalog ExtendAreas(AreaCatalog areas, IEnumerable<IExtractReader> readers)
    {
        var extra = readers.OfType<IContextSource>().SelectMany(r => r.ContextAreas).Distinct().ToList();
        return extra.Count == 0 ? areas : new AreaCatalog([.. areas.Areas, .. extra]);
    }

    /// <summary>Whether <paramref name="code"/> is a well-formed context code (<c>Kontext.einwohner-60plus</c>).</summary>
    public static bool IsContextCode(string code) => ContextCode().IsMatch(code);

    [GeneratedRegex(@"^Kontext\.[a-z0-9][a-z0-9-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex ContextCode();
}
