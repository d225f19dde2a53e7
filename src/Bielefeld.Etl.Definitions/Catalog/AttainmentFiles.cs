using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary>
/// Reads <c>config/zielerreichung.yml</c>: the traffic-light thresholds (default and per indicator) and seasonal
/// target paths. Without the file every indicator has a linear path and the default thresholds.
/// </summary>
public static class AttainmentFiles
{
    /// <summary>Reads the settings and checks them against the plan.</summary>
    /// <exception cref="CatalogException">The file is malformed or names unknown indicators.</exception>
    public static AttainmentSettings Read(string? path, PlanCatalog plan)
    {
        if (path is null || !File.Exists(path))
        {
            return AttainmentSettings.Default;
        }

        var document = YamlProblem.Read<SettingsDocument>(path);

        var problems = new List<string>();
        var defaults = Thresholds(document.Schwellen, path, problems) ?? StatusThresholds.Default;
        var indicators = new Dictionary<string, IndicatorAttainmentSettings>(StringComparer.Ordinal);
        foreach (var (code, entry) in document.Indikatoren)
        {
            var where = $"{path}, {code}";
            if (plan.FindIndicator(code) is not { } indicator)
            {
                problems.Add($"{where}: den Indikator gibt es im Plan {plan.Year} nicht.");
                continue;
            }

            var months = indicator.Targets.Count > 0 ? indicator.Targets[0].Period.MonthCount : 12;
            if (entry.Profil is { } profile && (profile.Count != months || profile.Any(w => w < 0) || profile.Sum() <= 0))
            {
                problems.Add($"{where}: das Profil braucht {months} nicht-negative Gewichte, eines je Monat des Planzeitraums.");
            }

            indicators[code] = new IndicatorAttainmentSettings { Thresholds = Thresholds(entry.Schwellen, where, problems), SeasonalProfile = entry.Profil };
        }

        return problems.Count > 0 ? throw new CatalogException(problems) : new AttainmentSettings(defaults, indicators);
    }

    private static StatusThresholds? Thresholds(ThresholdDocument? document, string where, List<string> problems)
    {
        if (document is null)
        {
            return null;
        }

        if (document.Gruen is not (> 0 and <= 2) || document.Gelb is not (>= 0) || document.Gelb > document.Gruen)
        {
            problems.Add($"{where}: Schwellen brauchen 0 ≤ gelb ≤ gruen ≤ 2 (Anteil des Zielpfads).");
            return null;
        }

        return new StatusThresholds(document.Gruen.Value, document.Gelb.Value);
    }

    private sealed class SettingsDocument
    {
        public ThresholdDocument? Schwellen { get; set; }

        public Dictionary<string, IndicatorDocument> Indikatoren { get; set; } = [];
    }

    private sealed class IndicatorDocument
    {
        public ThresholdDocument? Schwellen { get; set; }

        public List<decimal>? Profil { get; set; }
    }

    private sealed class ThresholdDocument
    {
        public decimal? Gruen { get; set; }

        public decimal? Gelb { get; set; }
    }
}
