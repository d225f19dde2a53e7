using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Reporting;

/// <summary>A target in one line as the controlling team signs it off: <c>catalog check</c> and the report's provenance say it alike.</summary>
public static class TargetText
{
    /// <summary>Comparator, value and its unit, period, area, deadline and baseline with whether the plan states them.</summary>
    public static string Describe(Indicator indicator, Target target)
    {
        var parts = new List<string>
        {
            target.Value is { } value
                ? string.Create(GermanValues.Culture, $"{CatalogWords.Comparator(target.Comparator)} {value:0.##} {target.ValueUnit(indicator)}")
                : CatalogWords.Comparator(target.Comparator),
            CatalogVocabulary.Word(target.Period),
            target.AreaMembers.Count > 0 ? "Bereiche " + string.Join(" + ", target.AreaMembers) + " zusammen"
                : target.AreaCode == Area.CityCode ? "Stadt" : target.AreaCode,
        };
        if (target.Deadline is { } deadline)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Stichtag {deadline:yyyy-MM-dd} ({Origin(target.DeadlineStatedBy)})"));
        }

        if (target.Baseline is { } b)
        {
            parts.Add(string.Create(GermanValues.Culture, $"Basis {b:0.##} {target.BaselineUnit ?? indicator.Unit} ({Origin(target.BaselineStatedBy)})"));
        }
        else if (target.Comparator == Comparator.ReductionFromBaseline)
        {
            parts.Add("Basis angenommen: Wert des Monats vor dem Zeitraum");
        }

        return string.Join("; ", parts);
    }

    private static string Origin(StatedBy origin) => origin == StatedBy.Plan ? "laut Plan" : "angenommen";
}
