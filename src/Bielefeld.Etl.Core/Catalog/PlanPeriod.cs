namespace Bielefeld.Etl.Catalog;

/// <summary>The kind of period a target refers to.</summary>
public enum PlanPeriodKind
{
    /// <summary>January to December.</summary>
    CalendarYear,

    /// <summary>August to July of the following year (Schuljahr).</summary>
    SchoolYear,

    /// <summary>August to July of the following year (Kita-Jahr).</summary>
    KitaYear,

    /// <summary>From the plan year's start up to a deadline, possibly in a later year.</summary>
    Deadline,
}

/// <summary>The months a target covers, first and last month inclusive (both as the first day of their month).</summary>
public readonly record struct PlanPeriod(PlanPeriodKind Kind, DateOnly FirstMonth, DateOnly LastMonth)
{
    /// <summary>January to December of <paramref name="year"/>.</summary>
    public static PlanPeriod CalendarYear(int year) =>
        new(PlanPeriodKind.CalendarYear, new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));

    /// <summary>The school year that starts in August of <paramref name="startYear"/>.</summary>
    public static PlanPeriod SchoolYear(int startYear) =>
        new(PlanPeriodKind.SchoolYear, new DateOnly(startYear, 8, 1), new DateOnly(startYear + 1, 7, 1));

    /// <summary>The Kita year that starts in August of <paramref name="startYear"/>.</summary>
    public static PlanPeriod KitaYear(int startYear) =>
        new(PlanPeriodKind.KitaYear, new DateOnly(startYear, 8, 1), new DateOnly(startYear + 1, 7, 1));

    /// <summary>From January of <paramref name="planYear"/> to the month of <paramref name="deadline"/>.</summary>
    public static PlanPeriod UpTo(int planYear, DateOnly deadline) =>
        new(PlanPeriodKind.Deadline, new DateOnly(planYear, 1, 1), new DateOnly(deadline.Year, deadline.Month, 1));

    /// <summary>Number of months in the period.</summary>
    public int MonthCount => MonthsBetween(FirstMonth, LastMonth) + 1;

    /// <summary>The months of the period in order.</summary>
    public IEnumerable<DateOnly> Months()
    {
        for (var month = FirstMonth; month <= LastMonth; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>Whether <paramref name="month"/> lies in the period.</summary>
    public bool Contains(DateOnly month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>How many months of the period have elapsed at the end of <paramref name="month"/> (1 for the first month).</summary>
    public int ElapsedMonths(DateOnly month) => Math.Clamp(MonthsBetween(FirstMonth, month) + 1, 0, MonthCount);

    private static int MonthsBetween(DateOnly from, DateOnly to) => ((to.Year - from.Year) * 12) + to.Month - from.Month;
}
