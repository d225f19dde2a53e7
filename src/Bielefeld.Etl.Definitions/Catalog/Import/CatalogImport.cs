namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>What an import produces: the catalog documents and the findings for the reviewer.</summary>
/// <param name="Plan">The <c>plan.yml</c> document.</param>
/// <param name="Measures">One document per measure, in plan order.</param>
/// <param name="Findings">What the reviewer should look at, in plan order.</param>
public sealed record CatalogImport(PlanDocument Plan, IReadOnlyList<MeasureDocument> Measures, IReadOnlyList<ImportFinding> Findings);
