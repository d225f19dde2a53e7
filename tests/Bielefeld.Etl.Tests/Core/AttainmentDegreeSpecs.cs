using Bielefeld.Etl.Attainment;

namespace Bielefeld.Etl.Tests.Core;

public sealed class AttainmentDegreeSpecs
{
    [Fact]
    public void At_least_target_degree_is_actual_over_target() =>
        Assert.Equal(0.5m, AttainmentDegree.AtLeast(265, 530));

    [Fact]
    public void At_most_target_degree_is_target_over_actual()
    {
        // U25 unemployment rate: target at most 5,9 %, actual 6,5 % → 5,9 / 6,5.
        Assert.Equal(5.9m / 6.5m, AttainmentDegree.AtMost(6.5m, 5.9m));
        Assert.Equal(1m, AttainmentDegree.AtMost(5.9m, 5.9m));
    }

    [Fact]
    public void Reduction_target_degree_is_progress_from_baseline()
    {
        // Baseline 1.000, reduction by 5 % → target 950; actual 975 is half of the way.
        var target = AttainmentDegree.ReductionTarget(1000, 5);
        Assert.Equal(950m, target);
        Assert.Equal(0.5m, AttainmentDegree.Reduction(975, 1000, target));
    }

    [Fact]
    public void Milestone_counts_only_when_done_by_the_deadline()
    {
        var deadline = new DateOnly(2017, 12, 31);
        Assert.Equal(1m, AttainmentDegree.Milestone(new DateOnly(2017, 11, 1), deadline));
        Assert.Equal(0m, AttainmentDegree.Milestone(new DateOnly(2018, 1, 1), deadline));
        Assert.Equal(0m, AttainmentDegree.Milestone(null, deadline));
    }
}
