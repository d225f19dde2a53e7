namespace Bielefeld.Etl.Catalog;

/// <summary>
/// A Zielwert: what the plan wants an indicator to reach in a plan period, typed so that attainment can be computed,
/// with the plan's wording kept verbatim for the reader.
/// </summary>
/// <param name="Comparator">How actual and target are compared; <see cref="Comparator.None"/> where the plan gives no measurable target.</param>
/// <param name="Value">The target value in the indicator's unit (for a reduction: the percentage p, e.g. 5 for 5 %).</param>
/// <param name="Period">The months the target covers.</param>
/// <param name="Wording">The plan's original text of the target.</param>
public sealed record Target(Comparator Comparator, decimal? Value, PlanPeriod Period, string Wording)
{
    /// <summary>The baseline B of a reduction target, where the catalog states it (else it comes from the source's prior-year value).</summary>
    public decimal? Baseline { get; init; }

    /// <summary>The deadline of a milestone.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>The area the target is scoped to; <see cref="Area.CityCode"/> for the whole city.</summary>
    public string AreaCode { get; init; } = Area.CityCode;

    /// <summary>Whether the plan states something measurable.</summary>
    public bool IsMeasurable => Comparator != Comparator.None;
}
