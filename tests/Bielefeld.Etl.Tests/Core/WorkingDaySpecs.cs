using Bielefeld.Etl.Deliveries;

namespace Bielefeld.Etl.Tests.Core;

public sealed class WorkingDaySpecs
{
    [Theory]
    [InlineData(2017, "2017-04-16")]
    [InlineData(2018, "2018-04-01")]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    public void Easter_Sunday_is_computed_from_the_year(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.EasterSunday(year));

    [Fact]
    public void NRW_holidays_of_2017_include_Fronleichnam_Allerheiligen_and_the_one_off_Reformationstag()
    {
        var holidays = WorkingDays.PublicHolidays(2017);

        Assert.Equal(12, holidays.Count);
        Assert.Equal("Fronleichnam", holidays[new DateOnly(2017, 6, 15)]);
        Assert.Equal("Allerheiligen", holidays[new DateOnly(2017, 11, 1)]);
        Assert.Equal("Reformationstag", holidays[new DateOnly(2017, 10, 31)]);
        Assert.False(WorkingDays.PublicHolidays(2018).ContainsKey(new DateOnly(2018, 10, 31)));
    }

    [Theory]
    [InlineData(2017, 12, 10, "2017-12-14")] // BA: October's figures
    [InlineData(2017, 6, 10, "2017-06-16")]  // Pfingstmontag (5.) and Fronleichnam (15.) do not count
    [InlineData(2017, 11, 10, "2017-11-15")] // Allerheiligen does not count
    [InlineData(2017, 1, 1, "2017-01-02")]   // Neujahr on a Sunday
    public void The_nth_working_day_skips_weekends_and_holidays(int year, int month, int n, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), WorkingDays.NthWorkingDay(year, month, n));
}

public sealed class DeliveryCalendarSpecs
{
    private static readonly DeliveryCalendar Kaf = new(DeliveryRhythm.Monthly, 1, null, 5);

    private static MonthDelivery Delivered(int month, int files) =>
        new("kaf", new DateOnly(2017, month, 1), new DateTimeOffset(2017, month + 1, 3, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2017, month + 1, 20, 8, 0, 0, TimeSpan.Zero), files);

    [Fact]
    public void Every_month_is_expected_due_late_delivered_or_revised_as_of_a_day()
    {
        var statuses = DeliveryStatusCalculator.Compute("kaf", Kaf, 2017, [Delivered(1, 1), Delivered(2, 2)], new DateOnly(2017, 4, 3));

        Assert.Equal(
            [DeliveryState.Delivered, DeliveryState.Revised, DeliveryState.Due, DeliveryState.Expected],
            statuses.Take(4).Select(s => s.State));
        Assert.Equal(new DateOnly(2017, 4, 5), statuses[2].DueDate);
        Assert.Equal(2, statuses[1].Deliveries);
    }

    [Fact]
    public void A_month_is_late_the_day_after_its_due_date()
    {
        var statuses = DeliveryStatusCalculator.Compute("kaf", Kaf, 2017, [], new DateOnly(2017, 4, 6));

        Assert.Equal((DeliveryState.Late, 1), (statuses[2].State, statuses[2].DaysLate));
        Assert.Equal(DeliveryState.Due, DeliveryStatusCalculator.Compute("kaf", Kaf, 2017, [], new DateOnly(2017, 4, 5))[2].State);
    }

    [Fact]
    public void A_quarterly_source_is_delivered_when_any_month_of_the_quarter_has_values()
    {
        var quarterly = new DeliveryCalendar(DeliveryRhythm.Quarterly, 1, null, 15);

        var statuses = DeliveryStatusCalculator.Compute("ewo", quarterly, 2017, [new MonthDelivery("ewo", new DateOnly(2017, 6, 1), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1)], new DateOnly(2017, 8, 1));

        Assert.Equal(
            [(new DateOnly(2017, 1, 1), DeliveryState.Late), (new DateOnly(2017, 4, 1), DeliveryState.Delivered), (new DateOnly(2017, 7, 1), DeliveryState.Expected), (new DateOnly(2017, 10, 1), DeliveryState.Expected)],
            statuses.Select(s => (s.PeriodStart, s.State)));
        Assert.Equal(new DateOnly(2017, 4, 15), statuses[0].DueDate);
    }
}
