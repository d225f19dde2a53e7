using System.Security.Cryptography;
using System.Text;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Consistency;

/// <summary>
/// What the consistency check's findings depend on besides the figures: the rules and the Stadtbezirke of the city
/// (<see cref="ConsistencyRule.DistrictsAddUpToCity"/>). Stored beside the findings, so that findings of other rules are
/// never reused: a changed <c>konsistenz.yml</c>, catalog or area file has every month checked again.
/// </summary>
public static class ConsistencyFingerprint
{
    /// <summary>The SHA-256 of the rules and the city's Stadtbezirke, as lowercase hex.</summary>
    public static string Of(IReadOnlyList<ConsistencyRule> rules, AreaCatalog areas)
    {
        var districts = areas.Areas.Where(a => a.Level == AreaLevel.District && a.ParentCode == Area.CityCode).Select(a => a.Code).Order(StringComparer.Ordinal);
        // Records print their kind and values: the text names each rule completely.
        var text = string.Join("\n", rules.Select(r => r.ToString())) + "\nStadtbezirke: " + string.Join(",", districts);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
