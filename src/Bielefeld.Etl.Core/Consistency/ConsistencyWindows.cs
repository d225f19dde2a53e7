namespace Bielefeld.Etl.Consistency;

/// <summary>A stretch of months the consistency check reads at once, and the indicators it reads in it.</summary>
/// <param name="From">The window's first month.</param>
/// <param name="To">The window's last month.</param>
/// <param name="Indicators">The named indicators that can have values in the window, in ordinal order.</param>
public sealed record ConsistencyWindow(DateOnly From, DateOnly To, IReadOnlyList<string> Indicators);

/// <summary>
/// Which months and indicators the consistency check reads: only months some loaded file delivered (what the warehouse
/// records per file, <c>load_file_monat</c>), never the empty years between the history and today. Every rule compares
/// figures of one month, so the months can be read in windows; a window holds at most <see cref="MonthsPerWindow"/>
/// delivered months, so memory holds a year's figures however long the history grows, and a sparse history needs
/// fewer windows than it spans years.
/// </summary>
public static class ConsistencyWindows
{
    /// <summary>Delivered months per window: a year's figures of the named indicators.</summary>
    public const int MonthsPerWindow = 12;

    /// <summary>The windows to read, in month order.</summary>
    /// <param name="named">The indicators the rules name.</param>
    /// <param name="delivered">Per source, the months its loaded files cover.</param>
    /// <param name="current">
    /// Per source and indicator, the first month of its current values, when the caller has read them already: then a
    /// window reads only the named indicators a source delivered from that month on. Null reads every named indicator in
    /// every window (cheaper than aggregating the whole fact to find out).
    /// </param>
    public static IReadOnlyList<ConsistencyWindow> Plan(
        IReadOnlyCollection<string> named,
        IEnumerable<(string Source, DateOnly Month)> delivered,
        IEnumerable<(string Source, string IndicatorCode, DateOnly FirstMonth)>? current)
    {
        ArgumentNullException.ThrowIfNull(named);
        ArgumentNullException.ThrowIfNull(delivered);
        if (named.Count == 0)
        {
            return [];
        }

        var bySource = delivered.ToLookup(d => d.Source, d => d.Month, StringComparer.Ordinal);
        var firstMonths = current?.Where(c => named.Contains(c.IndicatorCode))
            .GroupBy(c => (c.Source, c.IndicatorCode))
            .Select(g => (g.Key.Source, g.Key.IndicatorCode, FirstMonth: g.Min(c => c.FirstMonth)))
            .ToList();
        // Per delivered month, the indicators that can have a current value in it.
        var months = new SortedDictionary<DateOnly, SortedSet<string>>();
        foreach (var source in bySource)
        {
            foreach (var month in source.Distinct())
            {
                var indicators = firstMonths is null
                    ? named
                    : firstMonths.Where(f => f.Source == source.Key && f.FirstMonth <= month).Select(f => f.IndicatorCode);
                if (!months.TryGetValue(month, out var set))
                {
                    months[month] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(indicators);
            }
        }

        return months.Where(m => m.Value.Count > 0)
            .Chunk(MonthsPerWindow)
            .Select(chunk => new ConsistencyWindow(
                chunk[0].Key, chunk[^1].Key,
                [.. chunk.SelectMany(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]))
            .ToList();
    }
}
