namespace Bielefeld.Etl.Deliveries;

/// <summary>What the warehouse holds of one source's data month.</summary>
/// <param name="Source">The pipeline name.</param>
/// <param name="Month">The data month.</param>
/// <param name="FirstDelivered">When a value for the month was first loaded.</param>
/// <param name="LastDelivered">When the latest file covering the month was loaded.</param>
/// <param name="Deliveries">How many loaded files cover the month.</param>
public sealed record MonthDelivery(string Source, DateOnly Month, DateTimeOffset FirstDelivered, DateTimeOffset LastDelivered, int Deliveries);

/// <summary>One row of <c>rpt.lieferstatus</c>: a source's data period with its state as of a day.</summary>
/// <param name="Source">The pipeline name.</param>
/// <param name="PeriodStart">The period's first month.</param>
/// <param name="PeriodEnd">The period's last month.</param>
/// <param name="State">Expected, due, late, delivered or revised.</param>
/// <param name="DueDate">The day the delivery is due.</param>
/// <param name="FirstDelivered">When it was first delivered, if it was.</param>
/// <param name="LastDelivered">When the latest delivery covering it arrived, if any.</param>
/// <param name="Deliveries">How many loaded files cover it.</param>
/// <param name="AsOf">The day the state was computed for.</param>
public sealed record DeliveryStatus(
    string Source, DateOnly PeriodStart, DateOnly PeriodEnd, DeliveryState State, DateOnly DueDate,
    DateTimeOffset? FirstDelivered, DateTimeOffset? LastDelivered, int Deliveries, DateOnly AsOf)
{
    /// <summary>Days past the due date (0 unless late).</summary>
    public int DaysLate => State == DeliveryState.Late ? AsOf.DayNumber - DueDate.DayNumber : 0;
}

/// <summary>Computes the state of every period of a plan year from the calendar and what was delivered.</summary>
public static class DeliveryStatusCalculator
{
    /// <summary>Every period of <paramref name="year"/> of one source, as of <paramref name="today"/>.</summary>
    public static IReadOnlyList<DeliveryStatus> Compute(
        string source, DeliveryCalendar calendar, int year, IEnumerable<MonthDelivery> delivered, DateOnly today)
    {
        var months = delivered.Where(d => d.Source == source).ToList();
        var result = new List<DeliveryStatus>();
        foreach (var end in calendar.PeriodEnds(year))
        {
            var start = calendar.PeriodStart(end);
            var due = calendar.DueDate(end);
            var inPeriod = months.Where(d => d.Month >= start && d.Month <= end).ToList();
            if (inPeriod.Count > 0)
            {
                var deliveries = inPeriod.Max(d => d.Deliveries);
                result.Add(new DeliveryStatus(
                    source, start, end, deliveries > 1 ? DeliveryState.Revised : DeliveryState.Delivered, due,
                    inPeriod.Min(d => d.FirstDelivered), inPeriod.Max(d => d.LastDelivered), Math.Max(deliveries, 1), today));
                continue;
            }

            var state = today > due ? DeliveryState.Late
                : today > new DateOnly(end.Year, end.Month, 1).AddMonths(1).AddDays(-1) ? DeliveryState.Due
                : DeliveryState.Expected;
            result.Add(new DeliveryStatus(source, start, end, state, due, null, null, 0, today));
        }

        return result;
    }
}
