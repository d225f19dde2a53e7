namespace Bielefeld.Etl.Catalog;

/// <summary>
/// A Maßnahme of the plan, e.g. <c>REGE-9</c> or <c>Jobcenter-1</c>, with where it stands in the plan's
/// structure (Handlungsfeld, Zielgruppe, Schwerpunktthema, Leitsätze), its cost (Aufwand) and its indicators.
/// </summary>
public sealed record Measure(string Code, string Title, string OrgUnit)
{
    /// <summary>The policy area (Handlungsfeld), e.g. "Arbeitssuchende Menschen".</summary>
    public string? PolicyArea { get; init; }

    /// <summary>The target group (Zielgruppe), or "Strukturen und konzeptionelle Entwicklungen".</summary>
    public string? TargetGroup { get; init; }

    /// <summary>The focal theme (Schwerpunktthema).</summary>
    public string? FocalTheme { get; init; }

    /// <summary>The guiding principles (Leitsätze) the measure serves.</summary>
    public IReadOnlyList<string> GuidingPrinciples { get; init; } = [];

    /// <summary>Planned cost in euros per year where the plan states an amount.</summary>
    public decimal? CostEurosPerYear { get; init; }

    /// <summary>The plan's Aufwand text verbatim.</summary>
    public string? CostText { get; init; }

    /// <summary>The indicators in plan order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; init; } = [];
}
