using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Reporting;

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
            text.Append("  Ziel:  ").Append(TargetText.Describe(indicator, target)).Append('\n');
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
}
