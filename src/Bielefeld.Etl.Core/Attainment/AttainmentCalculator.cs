using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Attainment;

/// <summary>
/// Computes, month by month, how far an indicator has come towards its target: the actual to date aggregated by
/// the indicator's kind, the target path, the degree of attainment and the status.
/// </summary>
public sealed class AttainmentCalculator(AttainmentSettings settings)
{
    /// <summary>One figure per month of the target's plan period (or of <paramref name="planYear"/> where there is no target).</summary>
    /// <param name="indicator">The indicator, for its kind.</param>
    /// <param name="target">The target for this area; null or not measurable gives "n/a".</param>
    /// <param name="planYear">The plan year, for indicators without a target.</param>
    /// <param name="areaCode">The area the actuals belong to.</param>
    /// <param name="actuals">The delivered months of this indicator and area, in any order.</param>
    public IReadOnlyList<AttainmentFigure> Compute(
        Indicator indicator, Target? target, int planYear, string areaCode, IReadOnlyCollection<MonthlyActual> actuals)
    {
        var period = target?.Period ?? PlanPeriod.CalendarYear(planYear);
        var delivered = actuals.Where(a => period.Contains(a.Month)).ToDictionary(a => a.Month);
        DateOnly? baselineMonth = null;
        if (target is { Comparator: Comparator.ReductionFromBaseline, Baseline: null })
        {
            // Without a stated baseline, the source's value of the month before the plan period is the baseline
            // ("Bestandsreduzierung um 5 %" against December of the previous year); the figures record it as assumed.
            var before = period.FirstMonth.AddMonths(-1);
            target = target with { Baseline = actuals.FirstOrDefault(a => a.Month == before)?.Value, BaselineStatedBy = StatedBy.Assumed };
            baselineMonth = before;
        }

        var figures = new List<AttainmentFigure>(period.MonthCount);
        foreach (var month in period.Months())
        {
            var figure = ComputeMonth(indicator, target, period, areaCode, month, delivered);
            figures.Add(target is { Comparator: Comparator.ReductionFromBaseline }
                ? figure with { Baseline = target.Baseline, BaselineMonth = baselineMonth }
                : figure);
        }

        return figures;
    }

    private AttainmentFigure ComputeMonth(
        Indicator indicator, Target? target, PlanPeriod period, string areaCode, DateOnly month,
        Dictionary<DateOnly, MonthlyActual> delivered)
    {
        var toDate = delivered.Values.Where(a => a.Month <= month).OrderBy(a => a.Month).ToList();
        var actual = delivered.ContainsKey(month) ? ActualToDate(indicator.Kind, toDate) : null;
        // Flows and rates depend on every month to date; a stock or a published rate only on the month itself.
        var suppressed = IsFlow(indicator.Kind) || indicator.Kind == IndicatorKind.Rate
            ? toDate.Any(a => a.Suppressed)
            : delivered.TryGetValue(month, out var current) && current.Suppressed;
        var elapsed = period.ElapsedMonths(month);
        var projection = actual is { } a && IsFlow(indicator.Kind) ? a / elapsed * period.MonthCount : actual;

        if (indicator.Kind == IndicatorKind.Qualitative)
        {
            return Assessment(indicator, target, areaCode, month, actual, suppressed);
        }

        var targetValue = TargetValue(target);
        if (target is null || !target.IsMeasurable || targetValue is null)
        {
            return new AttainmentFigure(indicator.Code, month, areaCode, actual, null, null, null,
                actual is null ? AttainmentStatus.NoData : AttainmentStatus.NotApplicable, projection)
            { DependsOnSuppressed = suppressed };
        }

        var path = TargetPath(indicator, target, targetValue.Value, period, elapsed);
        if (target.Comparator == Comparator.DoneBy)
        {
            return Milestone(indicator, target, areaCode, month, toDate, suppressed);
        }

        if (actual is not { } value)
        {
            return new AttainmentFigure(indicator.Code, month, areaCode, null, targetValue, path, null, AttainmentStatus.NoData, null)
            { DependsOnSuppressed = suppressed };
        }

        // A strict comparator ("mehr als") has the degree of its non-strict one; only whether the target is met differs.
        var degree = target.Comparator switch
        {
            Comparator.AtLeast or Comparator.MoreThan => AttainmentDegree.AtLeast(value, targetValue.Value),
            Comparator.AtMost or Comparator.LessThan => AttainmentDegree.AtMost(value, targetValue.Value),
            Comparator.ReductionFromBaseline => AttainmentDegree.Reduction(value, target.Baseline!.Value, targetValue.Value),
            _ => null,
        };
        var shareOfPath = target.Comparator switch
        {
            Comparator.AtLeast or Comparator.MoreThan => AttainmentDegree.AtLeast(value, path),
            Comparator.AtMost or Comparator.LessThan => AttainmentDegree.AtMost(value, path),
            Comparator.ReductionFromBaseline => AttainmentDegree.Reduction(value, target.Baseline!.Value, path),
            _ => null,
        };
        var status = shareOfPath is { } share ? settings.ThresholdsFor(indicator.Code).Classify(share) : AttainmentStatus.NotApplicable;
        return new AttainmentFigure(indicator.Code, month, areaCode, value, targetValue, path, degree, status, projection)
        { DependsOnSuppressed = suppressed, Met = AttainmentDegree.IsMet(target.Comparator, value, targetValue.Value) };
    }

    private static AttainmentFigure Milestone(
        Indicator indicator, Target target, string areaCode, DateOnly month, List<MonthlyActual> toDate, bool suppressed)
    {
        var deadline = target.Deadline ?? target.Period.LastMonth;
        var doneIn = toDate.FirstOrDefault(a => a.Value >= 1)?.Month;
        var done = doneIn is not null;
        var degree = AttainmentDegree.Milestone(doneIn, deadline);
        var deadlineMonth = new DateOnly(deadline.Year, deadline.Month, 1);
        var status = done ? (degree == 1 ? AttainmentStatus.Green : AttainmentStatus.Red)
            : month > deadlineMonth ? AttainmentStatus.Overdue
            : toDate.Count == 0 ? AttainmentStatus.NoData
            : AttainmentStatus.Amber;
        return new AttainmentFigure(indicator.Code, month, areaCode, done ? 1 : (toDate.Count == 0 ? null : 0), 1, 1, degree, status, null)
        { DependsOnSuppressed = suppressed, Met = done ? degree == 1 : month > deadlineMonth ? false : null };
    }

    // A steward's assessment: erreicht (1), teilweise (0.5), nicht erreicht (0); the latest one speaks for the period.
    private static AttainmentFigure Assessment(Indicator indicator, Target? target, string areaCode, DateOnly month, decimal? actual, bool suppressed)
    {
        var status = actual switch
        {
            null => AttainmentStatus.NoData,
            >= 1 => AttainmentStatus.Green,
            >= 0.5m => AttainmentStatus.Amber,
            _ => AttainmentStatus.Red,
        };
        return new AttainmentFigure(indicator.Code, month, areaCode, actual, target?.IsMeasurable == true ? 1 : null, null, actual, status, null)
        { DependsOnSuppressed = suppressed };
    }

    private static decimal? TargetValue(Target? target) => target switch
    {
        null => null,
        { Comparator: Comparator.ReductionFromBaseline, Baseline: null } => null,
        { Comparator: Comparator.ReductionFromBaseline, Baseline: { } b, Value: { } p } => AttainmentDegree.ReductionTarget(b, p),
        { Comparator: Comparator.DoneBy } => 1,
        _ => target.Value,
    };

    private decimal TargetPath(Indicator indicator, Target target, decimal targetValue, PlanPeriod period, int elapsed)
    {
        // Share of the period passed, kept as a fraction so that 120 × 1/12 is exactly 10.
        var profile = settings.ProfileFor(indicator.Code);
        var (done, whole) = profile is { Count: > 0 } && profile.Count == period.MonthCount && profile.Sum() > 0
            ? (profile.Take(elapsed).Sum(), profile.Sum())
            : (elapsed, (decimal)period.MonthCount);
        return target.Comparator switch
        {
            Comparator.AtLeast or Comparator.MoreThan when IsFlow(indicator.Kind) => targetValue * done / whole,
            Comparator.ReductionFromBaseline => target.Baseline!.Value - ((target.Baseline.Value - targetValue) * done / whole),
            _ => targetValue,
        };
    }

    private static decimal? ActualToDate(IndicatorKind kind, List<MonthlyActual> toDate)
    {
        var withValue = toDate.Where(a => a.Value is not null || a.Numerator is not null).ToList();
        if (withValue.Count == 0)
        {
            return null;
        }

        switch (kind)
        {
            case IndicatorKind.Count or IndicatorKind.Amount:
                return withValue.Sum(a => a.Value ?? 0);
            case IndicatorKind.Rate:
                var numerator = withValue.Sum(a => a.Numerator ?? 0);
                var denominator = withValue.Sum(a => a.Denominator ?? 0);
                return denominator == 0 ? null : numerator / denominator * 100m;
            default:
                // Stocks, published rates, milestones and assessments: the latest delivered month speaks for the
                // period; when that month is suppressed its value is unknown, and an older month must not stand in.
                return toDate[^1].Suppressed ? null : withValue[^1].Value;
        }
    }

    private static bool IsFlow(IndicatorKind kind) => kind is IndicatorKind.Count or IndicatorKind.Amount;
}
