namespace Bielefeld.Etl.Deliveries;

/// <summary>How often a source delivers: one data period per month, quarter or year.</summary>
public enum DeliveryRhythm
{
    /// <summary>One period per month.</summary>
    Monthly,

    /// <summary>One period per calendar quarter (identified by its last month, e.g. the Stichtag 31.03.).</summary>
    Quarterly,

    /// <summary>One period per calendar year.</summary>
    Yearly,
}

/// <summary>
/// When a source's data for a period is due: <see cref="MonthsAfter"/> months after the period's last month, on the
/// <see cref="WorkingDay"/>-th working day or on calendar day <see cref="Day"/> of that month.
/// </summary>
/// <param name="Rhythm">One period per month, quarter or year.</param>
/// <param name="MonthsAfter">How many months after the period's last month the delivery is due (BA: 2, KAF: 1).</param>
/// <param name="WorkingDay">The working day of that month (Mon–Fri without NRW holidays), or null.</param>
/// <param name="Day">The calendar day of that month (capped at its last day) when <paramref name="WorkingDay"/> is null.</param>
public sealed record DeliveryCalendar(DeliveryRhythm Rhythm, int MonthsAfter, int? WorkingDay, int? Day)
{
    /// <summary>The last months of the periods of a year, in order.</summary>
    public IEnumerable<DateOnly> PeriodEnds(int year) => Rhythm switch
    {
        DeliveryRhythm.Monthly => Enumerable.Range(1, 12).Select(m => new DateOnly(year, m, 1)),
        DeliveryRhythm.Quarterly => [new(year, 3, 1), new(year, 6, 1), new(year, 9, 1), new(year, 12, 1)],
        _ => [new DateOnly(year, 12, 1)],
    };

    /// <summary>The first month of the period that ends with <paramref name="periodEnd"/>.</summary>
    public DateOnly PeriodStart(DateOnly periodEnd) => Rhythm switch
    {
        DeliveryRhythm.Monthly => periodEnd,
        DeliveryRhythm.Quarterly => periodEnd.AddMonths(-2),
        _ => new DateOnly(periodEnd.Year, 1, 1),
    };

    /// <summary>The day the data for the period ending with <paramref name="periodEnd"/> is due.</summary>
    public DateOnly DueDate(DateOnly periodEnd)
    {
        var month = new DateOnly(periodEnd.Year, periodEnd.Month, 1).AddMonths(MonthsAfter);
        if (WorkingDay is { } n)
        {
            return WorkingDays.NthWorkingDay(month.Year, month.Month, n);
        }

        var day = Math.Min(Day ?? 1, DateTime.DaysInMonth(month.Year, month.Month));
        return new DateOnly(month.Year, month.Month, day);
    }
}
