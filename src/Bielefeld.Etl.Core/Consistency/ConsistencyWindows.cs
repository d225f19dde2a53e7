namespace Bielefeld.Etl.Consistency;

/// <summary>A stretch of months the consistency check reads at once, and the indicators it reads in it.</summary>
/// <param name="From">The window's first month.</param>
/// <param name="To">The window's last month.</param>
/// <param name="Indicators">The named indicators that can have values in the window, in ordinal order.</param>
public sealed record ConsistencyWindow(DateOnly From, DateOnly To, IReadOnlyList<string> Indicators);

/// <summary>
/// Which months and indicators the consistency check reads: only months some loaded file delivered (what the warehouse
/// records per file, <c>load_file_monat</c>), never the empty years between the history and today, and in each only the
/// named indicators that have current values from a source that delivered it. Every rule compares figures of one month,
/// so the months can be read in windows; a window holds at most <see cref="MonthsPerWindow"/> delivered months, so memory
/// holds a year's figures however long the history grows, and a sparse history needs fewer windows than it spans years.
/// </summary>
public static class ConsistencyWindows
{
    /// <summary>Delivered months per window: a year's figures of the named indicators.</summary>
    public const int MonthsPerWindow = 12;

    /// <summary>The windows to read, in month order.</summary>
    /// <param name="named">The indicators the rules name.</param>
    /// <param name="delivered">Per source, the months its loaded files cover.</param>
    /// <param name="current">Per source and indicator, the first month of its current values.</param>
    public static IReadOnlyList<ConsistencyWindow> Plan(
        IReadOnlySet<string> named,
        IEnumerable<(string Source, DateOnly Month)> delivered,
        IEnumerable<(string Source, string IndicatorCode, DateOnly FirstMonth)> current)
    {
        // Per source, the named indicators it delivered and the first month of their current values.
        var firstMonths = current.Where(c => named.Contains(c.IndicatorCode))
            .GroupBy(c => c.Source, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(c => c.IndicatorCode, StringComparer.Ordinal).Select(i => (Indicator: i.Key, First: i.Min(c => c.FirstMonth))).ToList(), StringComparer.Ordinal);
        // Per delivered month, the indicators that can have a current value in it.
        var months = new SortedDictionary<DateOnly, SortedSet<string>>();
        foreach (var (source, month) in delivered)
        {
            foreach (var (indicator, first) in firstMonths.GetValueOrDefault(source) ?? [])
            {
                if (first <= month)
                {
                    if (!months.TryGetValue(month, out var set))
                    {
                        months[month] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    set.Add(indicator);
                }
            }
        }

        return months
            .Chunk(MonthsPerWindow)
            .Select(chunk => new ConsistencyWindow(
                chunk[0].Key, chunk[^1].Key,
                [.. chunk.SelectMany(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
    }
}
