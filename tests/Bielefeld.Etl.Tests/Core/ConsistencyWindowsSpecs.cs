using Bielefeld.Etl.Consistency;

namespace Bielefeld.Etl.Tests.Core;

/// <summary>Which months and indicators the consistency check reads: only delivered months with values, a year's worth at a time.</summary>
public sealed class ConsistencyWindowsSpecs
{
    private static readonly HashSet<string> Named = new(["510-9.1", "Jobcenter-6.2", "Jobcenter-6.3"], StringComparer.Ordinal);

    [Fact]
    public void Only_months_a_file_delivered_are_read_never_the_empty_years_up_to_today()
    {
        // BA from 2013-01 to 2014-06, Prosoz one month in 2017: nothing between mid-2014 and 2017, nothing after.
        var delivered = Months("ba", new DateOnly(2013, 1, 1), 18).Append(("prosoz", new DateOnly(2017, 3, 1)));
        (string, string, DateOnly)[] current =
        [
            ("ba", "Jobcenter-6.2", new DateOnly(2013, 1, 1)),
            ("ba", "Jobcenter-6.3", new DateOnly(2013, 1, 1)),
            ("prosoz", "510-9.1", new DateOnly(2017, 3, 1)),
        ];

        var windows = ConsistencyWindows.Plan(Named, delivered, current);

        Assert.Equal(
            [
                new ConsistencyWindow(new DateOnly(2013, 1, 1), new DateOnly(2013, 12, 1), ["Jobcenter-6.2", "Jobcenter-6.3"]),
                new ConsistencyWindow(new DateOnly(2014, 1, 1), new DateOnly(2017, 3, 1), ["510-9.1", "Jobcenter-6.2", "Jobcenter-6.3"]),
            ],
            windows,
            SameWindow);
    }

    [Fact]
    public void Each_window_reads_only_the_named_indicators_a_source_delivered_from_their_first_month_on()
    {
        var delivered = Months("ba", new DateOnly(2016, 1, 1), 24).Concat(Months("prosoz", new DateOnly(2017, 1, 1), 12));
        (string, string, DateOnly)[] current =
        [
            ("ba", "Jobcenter-6.2", new DateOnly(2016, 1, 1)),
            ("prosoz", "510-9.1", new DateOnly(2017, 6, 1)),
            ("prosoz", "not-named", new DateOnly(2017, 1, 1)),
        ];

        var windows = ConsistencyWindows.Plan(Named, delivered, current);

        Assert.Equal(
            [
                new ConsistencyWindow(new DateOnly(2016, 1, 1), new DateOnly(2016, 12, 1), ["Jobcenter-6.2"]),
                new ConsistencyWindow(new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1), ["510-9.1", "Jobcenter-6.2"]),
            ],
            windows,
            SameWindow);
    }

    [Fact]
    public void Nothing_delivered_or_no_named_indicator_with_values_reads_nothing()
    {
        (string, string, DateOnly)[] current = [("ba", "Jobcenter-6.2", new DateOnly(2017, 1, 1))];

        Assert.Empty(ConsistencyWindows.Plan(Named, [], current));
        Assert.Empty(ConsistencyWindows.Plan(new HashSet<string>(StringComparer.Ordinal), Months("ba", new DateOnly(2017, 1, 1), 12), current));
        Assert.Empty(ConsistencyWindows.Plan(Named, Months("ba", new DateOnly(2017, 1, 1), 12), [("ba", "not-named", new DateOnly(2017, 1, 1))]));
    }

    private static bool SameWindow(ConsistencyWindow a, ConsistencyWindow b) =>
        a.From == b.From && a.To == b.To && a.Indicators.SequenceEqual(b.Indicators);

    private static IEnumerable<(string Source, DateOnly Month)> Months(string source, DateOnly first, int count) =>
        Enumerable.Range(0, count).Select(i => (source, first.AddMonths(i)));
}
