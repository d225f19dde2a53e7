using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Rekom;

/// <summary>The <c>rekom:</c> section checked against the catalog: projects by code with their indicator's kind, columns with aliases.</summary>
internal sealed class RekomMapping(CsvColumns columns, RekomOptions options, Dictionary<string, (RekomProject Project, IndicatorKind Kind)> projects)
{
    public const string TnId = "TN_ID";
    public const string Projekt = "Projekt";
    public const string Schulform = "Schulform";
    public const string Quartier = "Quartier";
    public const string Geschlecht = "Geschlecht";
    public const string Migrationshintergrund = "Migrationshintergrund";
    public const string Eintritt = "Eintritt";
    public const string Austritt = "Austritt";
    public const string Verbleib = "Verbleib";
    public const string VerbleibDatum = "Verbleib_Datum";

    /// <summary>The columns the counting rules read; Quartier, Geschlecht and Migrationshintergrund are not needed.</summary>
    public static readonly string[] Required = [TnId, Projekt, Schulform, Eintritt, Austritt, Verbleib, VerbleibDatum];

    private static readonly string[] Known = [TnId, Projekt, Schulform, Quartier, Geschlecht, Migrationshintergrund, Eintritt, Austritt, Verbleib, VerbleibDatum];

    public CsvColumns Columns { get; } = columns;

    public RekomOptions Options { get; } = options;

    public Dictionary<string, (RekomProject Project, IndicatorKind Kind)> Projects { get; } = projects;

    public static RekomMapping Build(RekomOptions options, PlanCatalog catalog, string file)
    {
        var problems = new List<string>();
        var columns = CsvColumns.Create(Known, options.ColumnAliases, problems);
        var projects = new Dictionary<string, (RekomProject, IndicatorKind)>(StringComparer.Ordinal);
        foreach (var project in options.Projects)
        {
            var indicator = catalog.FindIndicator(project.Indicator);
            if (indicator is null)
            {
                problems.Add($"Projekt {project.Code} verweist auf den Indikator {project.Indicator}, den der Plan {catalog.Year} nicht kennt");
            }
            else if (indicator.Kind is not (IndicatorKind.Count or IndicatorKind.Rate))
            {
                problems.Add($"Projekt {project.Code}: der Indikator {project.Indicator} ist weder eine Anzahl noch eine Quote, REKOM liefert nur diese");
            }
            else if (!projects.TryAdd(project.Code, (project, indicator.Kind)))
            {
                problems.Add($"das Projekt {project.Code} steht mehrfach");
            }

            problems.AddRange(project.SchoolTypes.Except(options.SchoolTypes, StringComparer.Ordinal)
                .Select(s => $"Projekt {project.Code} nennt die unbekannte Schulform {s}"));
            problems.AddRange(project.Placements.Concat(project.ExcludedDestinations).Except(options.Destinations, StringComparer.Ordinal)
                .Select(d => $"Projekt {project.Code} nennt den unbekannten Verbleib {d}"));
            if (project.Placements.Count == 0)
            {
                problems.Add($"Projekt {project.Code} nennt keinen Verbleib, der als Vermittlung zählt");
            }
        }

        if (options.Projects.Count == 0)
        {
            problems.Add("keine Projekte eingetragen");
        }

        return problems.Count == 0
            ? new RekomMapping(columns, options, projects)
            : throw new PipelineDefinitionException($"{file}: " + string.Join("; ", problems) + ".");
    }
}
