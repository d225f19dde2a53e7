using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources;

/// <summary>What a reader's mapping is checked against at start-up: the plan's indicators and the known areas.</summary>
public sealed record SourceContext(PlanCatalog Plan, AreaCatalog Areas);
