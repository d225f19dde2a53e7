using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>The lines of <c>catalog check</c> for one indicator: what the catalog holds, beside the plan's sentence.</summary>
public static class CatalogCheckLines
{
    /// <summary>The block of <paramref name="indicator"/>, with the corrections that name it.</summary>
    public static string For(Indicator indicator, IReadOnlyList<CatalogCorrection> corrections)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"\n{indicator.Code}  {indicator.Name}  [{CatalogWords.Kind(indicator.Kind)}, {indicator.Unit}]\n");
        if (indicator.Informational)
        {
            text.Append("  nachrichtlich: kein Ziel\n");
        }
        else if (indicator.Targets.Count == 0)
        {
            text.Append("  kein Ziel im Katalog\n");
        }

        foreach (var target in indicator.Targets)
        {
            text.Append("  Ziel:  ").Append(Typed(indicator, target)).Append('\n');
            text.Append("  Plan:  ").Append(target.Wording.Length == 0 ? "(die Zielwert-Zelle des Plans ist leer)" : "„" + target.Wording + "“").Append('\n');
            if (target.BaselineWording is { } baseline)
            {
                text.Append("  Basis: „").Append(baseline).Append("“\n");
            }
        }

        foreach (var correction in corrections)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Korrektur: {correction.Feld} „{correction.Alt}“ → „{correction.Neu}“ ({correction.Grund})\n");
        }

        return text.ToString();
    }

    private static string Typed(Indicator indicator, Target target)
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
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"Stichtag {deadline:yyyy-MM-dd} ({(target.DeadlineStatedBy == StatedBy.Plan ? "laut Plan" : "angenommen")})"));
        }

        if (target.Baseline is { } b)
        {
            parts.Add(string.Create(GermanValues.Culture, $"Basis {b:0.##} {target.BaselineUnit ?? indicator.Unit} ({(target.BaselineStatedBy == StatedBy.Plan ? "laut Plan" : "angenommen")})"));
        }
        else if (target.Comparator == Comparator.ReductionFromBaseline)
        {
            parts.Add("Basis angenommen: Wert des Monats vor dem Zeitraum");
        }

        return string.Join("; ", parts);
    }
}
