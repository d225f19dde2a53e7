using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// What a Zielwert means beyond its value, as the warehouse stores it beside the value in every dialect (Dapper
/// parameters, all text): the kind of period, the unit of the value itself, and whether deadline and baseline are
/// stated by the plan or assumed. One place, so the three providers cannot drift apart.
/// </summary>
public sealed record TargetSemantics(
    string PeriodKind, string TargetUnit, string? DeadlineOrigin, string? BaselineOrigin, string? BaselineUnit, string? BaselineWording)
{
    /// <summary>The semantics of <paramref name="target"/> of <paramref name="indicator"/>.</summary>
    public static TargetSemantics Of(Indicator indicator, Target target) => new(
        CatalogWords.PeriodKind(target.Period.Kind),
        target.ValueUnit(indicator),
        // An origin only where there is something to originate: a deadline, a baseline or a reduction's assumed one.
        target.Deadline is null ? null : CatalogWords.Origin(target.DeadlineStatedBy),
        target.Baseline is null && target.Comparator != Comparator.ReductionFromBaseline ? null : CatalogWords.Origin(target.BaselineStatedBy),
        target.BaselineUnit,
        target.BaselineWording);
}
