namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>An indicator as the splitter cut it out of the Indikator cell, with the target statement it was given.</summary>
/// <param name="Name">The indicator's name, from the plan's wording.</param>
public sealed record IndicatorDraft(string Name)
{
    /// <summary>"nachrichtlich": reported for information, without a target.</summary>
    public bool Informational { get; init; }

    /// <summary>For a "darunter" indicator: the position (0-based) of its parent among the measure's indicators.</summary>
    public int? ParentIndex { get; init; }

    /// <summary>For a "Darunter-Wert von „X“": the parent's name, resolved by name across the plan.</summary>
    public string? ParentName { get; init; }

    /// <summary>The target statement of the Zielwert cell that belongs to this indicator; null where none does.</summary>
    public string? TargetText { get; init; }

    /// <summary>The Zielwert cell could not be split unambiguously; <see cref="TargetText"/> is the whole cell.</summary>
    public bool Ambiguous { get; init; }
}
