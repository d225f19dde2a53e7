namespace Bielefeld.Etl.Attainment;

/// <summary>
/// The degree of attainment (Zielerreichungsgrad) as a fraction, 1.0 = target met, by the rules users check by hand.
/// </summary>
public static class AttainmentDegree
{
    /// <summary>Higher is better: actual / target.</summary>
    public static decimal? AtLeast(decimal actual, decimal target) => target == 0 ? null : actual / target;

    /// <summary>
    /// Lower is better: target / actual, so 1.0 is exactly on target and above 1 is better than planned.
    /// An actual of 0 cannot be divided by; it beats any non-negative target, so it counts as met (1.0).
    /// </summary>
    public static decimal? AtMost(decimal actual, decimal target) => actual <= 0 ? 1m : target / actual;

    /// <summary>The value a reduction by <paramref name="percent"/> % against <paramref name="baseline"/> aims at: B × (1 − p).</summary>
    public static decimal ReductionTarget(decimal baseline, decimal percent) => baseline * (1 - (percent / 100m));

    /// <summary>Progress from the baseline towards the reduced target: (B − actual) / (B − target).</summary>
    public static decimal? Reduction(decimal actual, decimal baseline, decimal target) =>
        baseline == target ? null : (baseline - actual) / (baseline - target);

    /// <summary>A milestone: 1 when done on or before the deadline, else 0.</summary>
    public static decimal Milestone(DateOnly? doneOn, DateOnly deadline) => doneOn is { } done && done <= deadline ? 1m : 0m;

    /// <summary>
    /// Whether <paramref name="actual"/> meets the target: at least / at most include the target itself, "mehr als" /
    /// "weniger als" do not (exactly 50 % is not "mehr als 50 %"), a reduction is met at or below B × (1 − p).
    /// </summary>
    public static bool? IsMet(Catalog.Comparator comparator, decimal actual, decimal target) => comparator switch
    {
        Catalog.Comparator.AtLeast => actual >= target,
        Catalog.Comparator.MoreThan => actual > target,
        Catalog.Comparator.AtMost or Catalog.Comparator.ReductionFromBaseline => actual <= target,
        Catalog.Comparator.LessThan => actual < target,
        _ => null,
    };
}
