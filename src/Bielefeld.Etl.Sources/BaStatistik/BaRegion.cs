using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>Which area of the city's hierarchy a BA region means: the city by its AGS, districts by key, quarters by name.</summary>
internal static class BaRegion
{
    /// <summary>Whether <paramref name="ags"/> is Bielefeld's key as a district-free city (05711) or as a municipality (05711000).</summary>
    public static bool IsBielefeld(string ags) => ags.Trim() is "05711" or Area.CityCode;

    /// <summary>The area of a special evaluation's row, or why there is none (with the column to point the steward to).</summary>
    public static (Area? Area, ReasonCode? Reason, string? Column, string? Raw, string? Message) Resolve(
        AreaCatalog areas, string type, string key, string name)
    {
        key = key.Trim();
        name = name.Trim();
        if (string.Equals(type, "Stadt", StringComparison.OrdinalIgnoreCase))
        {
            return IsBielefeld(key)
                ? (areas.Find(Area.CityCode), null, null, null, null)
                : Unknown("Regionsschluessel", key, $"Der Regionsschlüssel '{key}' ({name}) ist nicht Bielefeld (05711 bzw. 05711000).");
        }

        if (string.Equals(type, "Stadtbezirk", StringComparison.OrdinalIgnoreCase))
        {
            var district = areas.Find(key) is { Level: AreaLevel.District } d ? d : null;
            if (district is null)
            {
                return Unknown("Regionsschluessel", key, $"Den Stadtbezirk '{key}' ({name}) gibt es nicht; Stadtbezirke haben die Schlüssel 05711000-01 bis 05711000-10.");
            }

            return name.Length > 0 && !string.Equals(district.Name, name, StringComparison.OrdinalIgnoreCase)
                ? Contradiction(key, name, district.Name)
                : (district, null, null, null, null);
        }

        var byName = name.Length > 0 ? areas.FindByName(AreaLevel.Quarter, name) : null;
        var byKey = areas.Find(key) is { Level: AreaLevel.Quarter } q ? q : null;
        if (byKey is not null && name.Length > 0 && byName != byKey)
        {
            return Contradiction(key, name, byKey.Name);
        }

        // Quarters are named as in the population register; a key the city's hierarchy does not know does not matter.
        return (byName ?? byKey) is { } quarter
            ? (quarter, null, null, null, null)
            : Unknown("Region", name, $"Das Quartier '{name}' ist in config/bereiche.yml nicht bekannt; ein neues Quartier wird dort eingetragen.");
    }

    private static (Area?, ReasonCode?, string?, string?, string?) Unknown(string column, string raw, string message) =>
        (null, BaStatistikReasons.UnknownRegion, column, raw, message);

    private static (Area?, ReasonCode?, string?, string?, string?) Contradiction(string key, string name, string expected) =>
        (null, BaStatistikReasons.RegionContradiction, "Region", name, $"Der Regionsschlüssel '{key}' ist '{expected}', die Datei nennt '{name}'.");
}
