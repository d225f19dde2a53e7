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

    /// <summary>Whether the plan states the baseline or it is assumed (a reduction without one: the month before the period).</summary>
    public StatedBy BaselineStatedBy { get; init; } = StatedBy.Plan;

    /// <summary>The baseline's unit where it differs from the indicator's (Jobcenter-3.1: a count target, a rate as its Ausgangslage).</summary>
    public string? BaselineUnit { get; init; }

    /// <summary>The plan's sentence stating the baseline.</summary>
    public string? BaselineWording { get; init; }

    /// <summary>The deadline of a milestone.</summary>
    public DateOnly? Deadline { get; init; }

    /// <summary>Whether the plan states the deadline or the import assumed it (end of the plan year).</summary>
    public StatedBy DeadlineStatedBy { get; init; } = StatedBy.Plan;

    /// <summary>
    /// The area the target is scoped to; <see cref="Area.CityCode"/> for the whole city. For a set of areas the set's code
    /// (<see cref="Area.SetCode"/>), whose members are <see cref="AreaMembers"/>.
    /// </summary>
    public string AreaCode { get; init; } = Area.CityCode;

    /// <summary>The areas a set-of-areas target covers together (their figures are added up); empty for one area.</summary>
    public IReadOnlyList<string> AreaMembers { get; init; } = [];

    /// <summary>Whether the plan states something measurable.</summary>
    public bool IsMeasurable => Comparator != Comparator.None;

    /// <summary>Whether the target belongs to <paramref name="areaCode"/>, itself or as one of its set's members (a drill-down).</summary>
    public bool Covers(string areaCode) => AreaCode == areaCode || AreaMembers.Contains(areaCode, StringComparer.Ordinal);

    /// <summary>
    /// The target as one member of its set is measured against it (a drill-down): its own progress from its own
    /// baseline. A baseline the plan states for a set is the members' together, so the member's is assumed (its month
    /// before the period), never the set's.
    /// </summary>
    public Target AsDrillDown() => AreaMembers.Count == 0 || Baseline is null
        ? this
        : this with { Baseline = null, BaselineStatedBy = StatedBy.Assumed, BaselineUnit = null, BaselineWording = null };

    /// <summary>
    /// The unit of <see cref="Value"/> itself: a reduction's value is a percentage whatever the indicator counts; a
    /// milestone's is "erledigt"; every other target is in the indicator's unit.
    /// </summary>
    public string ValueUnit(Indicator indicator) => Comparator switch
    {
        Comparator.ReductionFromBaseline => "%",
        Comparator.DoneBy => "erledigt",
        _ => indicator.Unit,
    };
}
