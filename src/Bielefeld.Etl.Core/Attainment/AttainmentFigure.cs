namespace Bielefeld.Etl.Attainment;

/// <summary>
/// Where one indicator stands in one area at the end of one month of its plan period.
/// </summary>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Month">The month (first day).</param>
/// <param name="AreaCode">The area.</param>
/// <param name="ActualToDate">The plan period's actual up to and including the month, in the plan's unit (rates in percent); null when nothing was delivered for the month.</param>
/// <param name="TargetValue">The target for the whole plan period; null when the plan has none.</param>
/// <param name="TargetPath">What should have been reached by the end of the month.</param>
/// <param name="Degree">Degree of attainment against the period's target, 1.0 = met; null when not applicable.</param>
/// <param name="Status">The traffic light against the path.</param>
/// <param name="Projection">The year-end value the run rate projects.</param>
public sealed record AttainmentFigure(
    string IndicatorCode,
    DateOnly Month,
    string AreaCode,
    decimal? ActualToDate,
    decimal? TargetValue,
    decimal? TargetPath,
    decimal? Degree,
    AttainmentStatus Status,
    decimal? Projection)
{
    /// <summary>A value the figure depends on was suppressed in the source, so the figure is a lower bound at best.</summary>
    public bool DependsOnSuppressed { get; init; }

    /// <summary>Whether the actual to date meets the period's target by its comparator; null where there is nothing to meet or no actual.</summary>
    public bool? Met { get; init; }

    /// <summary>The baseline a reduction was computed against (stated in the catalog, or the month before the period).</summary>
    public decimal? Baseline { get; init; }

    /// <summary>Where the baseline was assumed: the month whose value it is; null where the catalog states it.</summary>
    public DateOnly? BaselineMonth { get; init; }

    /// <summary>The area the target belongs to, where it is not this figure's own (a quarter as drill-down of a set of areas).</summary>
    public string? TargetAreaCode { get; init; }
}
