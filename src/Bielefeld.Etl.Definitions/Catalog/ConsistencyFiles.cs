using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Consistency;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary><c>konsistenz.yml</c> beside the catalog: which rules across indicators the figures must keep.</summary>
public sealed class ConsistencyDocument
{
    /// <summary>"darunter" indicators that never exceed their parent: <c>[alle]</c> for every indicator with <c>eltern</c>, or codes.</summary>
    public List<string> DarunterNichtUeberEltern { get; set; } = [];

    /// <summary>Rates whose numerator never exceeds the denominator: <c>[alle]</c> for every <c>quote</c>, or codes.</summary>
    public List<string> ZaehlerNichtUeberNenner { get; set; } = [];

    /// <summary>Indicators whose Stadtbezirke add up to the city, where the source says they must.</summary>
    public List<DistrictSumDocument> BezirkeErgebenStadt { get; set; } = [];
}

/// <summary>One indicator whose districts add up to the city.</summary>
public sealed class DistrictSumDocument
{
    /// <summary>The indicator code.</summary>
    public string Indikator { get; set; } = "";

    /// <summary>True: exactly the city; false: at most the city (the city also counts cases without a district).</summary>
    public bool Genau { get; set; } = true;

    /// <summary>Why the source says so (for the reviewer).</summary>
    public string? Grund { get; set; }
}

/// <summary>Reads <c>konsistenz.yml</c> and turns it into rules over the catalog's indicators.</summary>
public static class ConsistencyFiles
{
    /// <summary>The file name beside <c>plan.yml</c>.</summary>
    public const string FileName = "konsistenz.yml";

    private const string All = "alle";

    /// <summary>The rules declared in <paramref name="catalogDirectory"/>; none when the file is absent.</summary>
    /// <exception cref="CatalogException">The file is malformed or names an indicator the catalog does not have, or one of the wrong kind.</exception>
    public static IReadOnlyList<ConsistencyRule> Read(string catalogDirectory, PlanCatalog catalog)
    {
        var path = Path.Combine(catalogDirectory, FileName);
        if (!File.Exists(path))
        {
            return [];
        }

        var document = YamlProblem.Read<ConsistencyDocument>(path);

        var problems = new List<string>();
        var rules = new List<ConsistencyRule>();
        foreach (var code in Expand(document.DarunterNichtUeberEltern, catalog.Indicators.Where(i => i.ParentCode is not null), catalog, problems))
        {
            if (catalog.FindIndicator(code)?.ParentCode is { } parent)
            {
                rules.Add(new ConsistencyRule.PartNotAboveWhole(code, parent));
            }
            else
            {
                problems.Add($"{FileName}: darunter_nicht_ueber_eltern nennt {code}, das kein Darunter-Wert ist (eltern fehlt).");
            }
        }

        foreach (var code in Expand(document.ZaehlerNichtUeberNenner, catalog.Indicators.Where(i => i.Kind == IndicatorKind.Rate), catalog, problems))
        {
            rules.Add(new ConsistencyRule.NumeratorNotAboveDenominator(code));
        }

        foreach (var sum in document.BezirkeErgebenStadt)
        {
            if (catalog.FindIndicator(sum.Indikator) is null)
            {
                problems.Add($"{FileName}: bezirke_ergeben_stadt nennt {sum.Indikator}, den der Katalog nicht hat.");
            }
            else
            {
                rules.Add(new ConsistencyRule.DistrictsAddUpToCity(sum.Indikator, sum.Genau));
            }
        }

        return problems.Count > 0 ? throw new CatalogException(problems) : rules;
    }

    private static IEnumerable<string> Expand(List<string> codes, IEnumerable<Indicator> all, PlanCatalog catalog, List<string> problems)
    {
        if (codes is [All])
        {
            return all.Select(i => i.Code);
        }

        foreach (var unknown in codes.Where(c => catalog.FindIndicator(c) is null))
        {
            problems.Add($"{FileName}: {unknown} gibt es im Katalog nicht (oder 'alle' allein).");
        }

        return codes.Where(c => catalog.FindIndicator(c) is not null);
    }
}
