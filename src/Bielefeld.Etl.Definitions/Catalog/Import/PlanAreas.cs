using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// The Quartiere the 2017 plan names in its targets, with readable stable codes (<c>quartier:sennestadt</c>).
/// No official area keys were at hand; the codes are the lower-case names with umlauts spelt out. A target is
/// scoped to areas where its wording names them, or where it speaks of "the Quartier" and the measure's problem
/// analysis names exactly one (see docs/catalog.md).
/// </summary>
public static partial class PlanAreas
{
    private static readonly string[] Names =
    [
        "Nördlicher Innenstadtrand", "Sieker-Mitte", "Oberlohmannshof", "Sennestadt", "Baumheide", "Sieker", "Heepen",
        "Jöllenbeck", "Stieghorst", "Kammerich", "Dornberg", "Brackwede", "Schildesche", "Gadderbaum",
    ];

    /// <summary>The code of a Quartier name.</summary>
    public static string Code(string name) =>
        "quartier:" + name.ToLowerInvariant()
            .Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal)
            .Replace("ü", "ue", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal)
            .Replace(' ', '-');

    /// <summary>The known Quartier names a text mentions, in the order it mentions them.</summary>
    public static IReadOnlyList<string> NamedIn(string text)
    {
        var found = new List<(int Index, string Name)>();
        var taken = new bool[text.Length];
        foreach (var name in Names)
        {
            foreach (Match m in Regex.Matches(text, @"(?<![\p{L}-])" + Regex.Escape(name) + @"(?![\p{L}-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                if (!taken[m.Index])
                {
                    found.Add((m.Index, name));
                    Array.Fill(taken, true, m.Index, m.Length);
                }
            }
        }

        return found.OrderBy(f => f.Index).Select(f => f.Name).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether a target applies to each of the selected Quartiere ("In jedem ausgewählten Quartier").</summary>
    public static bool EachSelected(string text) => EachQuarter().IsMatch(text);

    [GeneratedRegex(@"\bin jedem (?:ausgewählten )?Quartier", RegexOptions.IgnoreCase)]
    private static partial Regex EachQuarter();
}
