namespace Bielefeld.Etl.Catalog;

/// <summary>
/// An Indikator of a measure. Its code is the measure code, a dot and its 1-based position in the plan
/// (<c>REGE-9.1</c>); every extract and Meldebogen refers to indicators by that code.
/// </summary>
public sealed record Indicator(string Code, string MeasureCode, string Name, IndicatorKind Kind, string Unit)
{
    /// <summary>For a "darunter" indicator (a subset of another), the code of the indicator it is part of.</summary>
    public string? ParentCode { get; init; }

    /// <summary>A "nachrichtlich" indicator: reported for information, never with a target.</summary>
    public bool Informational { get; init; }

    /// <summary>The plan's Datenquellen for this indicator.</summary>
    public string? DataSource { get; init; }

    /// <summary>The targets, one per area the plan scopes (usually only the city).</summary>
    public IReadOnlyList<Target> Targets { get; init; } = [];

    /// <summary>Whether higher actual values are better; null where no target says so.</summary>
    public bool? HigherIsBetter => Targets.FirstOrDefault(t => t.IsMeasurable)?.Comparator switch
    {
        Comparator.AtLeast or Comparator.MoreThan or Comparator.DoneBy => true,
        Comparator.AtMost or Comparator.LessThan or Comparator.ReductionFromBaseline => false,
        _ => null,
    };
}
