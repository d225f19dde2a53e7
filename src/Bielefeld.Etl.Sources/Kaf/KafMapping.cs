using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;

namespace Bielefeld.Etl.Sources.Kaf;

/// <summary>The <c>kaf:</c> section checked against the catalog, with labels and aliases ready for look-up.</summary>
internal sealed class KafMapping
{
    private readonly Dictionary<string, KafKennzahl> _byLabel;

    private KafMapping(Dictionary<string, KafKennzahl> byLabel) => _byLabel = byLabel;

    public static KafMapping Build(KafOptions options, PlanCatalog catalog, string file)
    {
        var problems = new List<string>();
        var projects = options.Projects.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var byLabel = new Dictionary<string, KafKennzahl>(StringComparer.OrdinalIgnoreCase);
        foreach (var kennzahl in options.Kennzahlen)
        {
            foreach (var label in kennzahl.Aliases.Prepend(kennzahl.Label))
            {
                if (!byLabel.TryAdd(Normalise(label), kennzahl))
                {
                    problems.Add($"die Bezeichnung '{label}' ist mehreren Kennzahlen zugeordnet");
                }
            }

            foreach (var mapping in kennzahl.Indicators)
            {
                if (catalog.FindIndicator(mapping.Code) is null)
                {
                    problems.Add($"'{kennzahl.Label}' verweist auf den Indikator {mapping.Code}, den der Plan {catalog.Year} nicht kennt");
                }

                problems.AddRange(mapping.Projects.Where(p => !projects.Contains(p))
                    .Select(p => $"'{kennzahl.Label}' → {mapping.Code} nennt das unbekannte Projekt {p}"));
            }
        }

        if (options.Projects.Count == 0)
        {
            problems.Add("keine Projekte eingetragen");
        }

        return problems.Count == 0
            ? new KafMapping(byLabel)
            : throw new PipelineDefinitionException($"{file}: " + string.Join("; ", problems) + ".");
    }

    public KafKennzahl? Find(string label) => _byLabel.GetValueOrDefault(Normalise(label));

    private static string Normalise(string label) => string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>Which indicators a Kennzahl feeds for a given project.</summary>
internal static class KafKennzahlExtensions
{
    public static IReadOnlyList<string> IndicatorsFor(this KafKennzahl kennzahl, string project) =>
        kennzahl.Indicators.Where(i => i.Projects.Count == 0 || i.Projects.Contains(project, StringComparer.Ordinal)).Select(i => i.Code).ToList();
}
