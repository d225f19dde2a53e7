using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Tests.Core;

public sealed class AttainmentCalculatorSpecs
{
    private static readonly AttainmentCalculator Calculator = new(StatusThresholds.Default);

    private static Indicator Count(string code, decimal target) =>
        new(code, code.Split('.')[0], "Teilnehmende", IndicatorKind.Count, "Teilnehmende")
        {
            Targets = [new Target(Comparator.AtLeast, target, PlanPeriod.CalendarYear(2017), target.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        };

    private static MonthlyActual Month(int month, decimal? value) => new(new DateOnly(2017, month, 1), value);

    [Fact]
    public void Flow_actual_to_date_is_the_sum_of_the_months_and_the_path_grows_linearly()
    {
        var indicator = Count("REGE-9.2", 530);
        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode,
            [Month(1, 45), Month(2, 40), Month(3, 41), Month(4, 44), Month(5, 40), Month(6, 39)]);

        var june = figures.Single(f => f.Month == new DateOnly(2017, 6, 1));
        Assert.Equal(249m, june.ActualToDate);
        Assert.Equal(265m, june.TargetPath);
        Assert.Equal(249m / 530m, june.Degree);
        Assert.Equal(AttainmentStatus.Amber, figures.Single(f => f.Month.Month == 6).Status); // 249 / 265 = 94 % of the path
        Assert.Equal(498m, june.Projection);
        Assert.Equal(12, figures.Count);
    }

    [Fact]
    public void A_month_without_delivery_is_no_data_not_zero()
    {
        var indicator = Count("REGE-12.1", 371);
        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(1, 38), Month(2, 0)]);

        Assert.Equal(0m + 38m, figures[1].ActualToDate);
        Assert.Equal(AttainmentStatus.NoData, figures[2].Status);
        Assert.Null(figures[2].ActualToDate);
        Assert.Null(figures[2].Degree);
    }

    [Fact]
    public void An_indicator_without_target_shows_actuals_with_status_not_applicable_never_zero()
    {
        var indicator = new Indicator("540-2.1", "540-2", "Beratungsfälle", IndicatorKind.Count, "Fälle")
        {
            Targets = [new Target(Comparator.None, null, PlanPeriod.CalendarYear(2017), "kein Zielwert")],
        };
        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(1, 7)]);

        Assert.Equal(7m, figures[0].ActualToDate);
        Assert.Null(figures[0].Degree);
        Assert.Equal(AttainmentStatus.NotApplicable, figures[0].Status);
        Assert.Equal("n/a", figures[0].Status.ToReportName());
    }

    [Fact]
    public void Rates_divide_summed_numerators_by_summed_denominators_never_average_the_monthly_rates()
    {
        var indicator = new Indicator("510-7.1", "510-7", "Quote", IndicatorKind.Rate, "%")
        {
            Targets = [new Target(Comparator.AtMost, 40, PlanPeriod.CalendarYear(2017), "höchstens 40 %")],
        };
        // 10 of 20 (50 %) and 30 of 180 (16,7 %): the period's rate is 40 / 200 = 20 %, not the mean 33,3 %.
        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode,
        [
            new MonthlyActual(new DateOnly(2017, 1, 1), null) { Numerator = 10, Denominator = 20 },
            new MonthlyActual(new DateOnly(2017, 2, 1), null) { Numerator = 30, Denominator = 180 },
        ]);

        Assert.Equal(20m, figures[1].ActualToDate);
        Assert.Equal(2m, figures[1].Degree);
        Assert.Equal(AttainmentStatus.Green, figures[1].Status);
    }

    [Fact]
    public void Suppressed_inputs_flag_the_figures_that_depend_on_them()
    {
        var indicator = Count("Jobcenter-1.1", 583);
        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode,
            [Month(1, 50), new MonthlyActual(new DateOnly(2017, 2, 1), null) { Suppressed = true }]);

        Assert.False(figures[0].DependsOnSuppressed);
        Assert.True(figures[1].DependsOnSuppressed);
    }

    [Fact]
    public void School_year_target_runs_from_August_to_July()
    {
        var period = PlanPeriod.SchoolYear(2017);
        Assert.Equal(new DateOnly(2017, 8, 1), period.FirstMonth);
        Assert.Equal(new DateOnly(2018, 7, 1), period.LastMonth);
        Assert.Equal(12, period.MonthCount);
        Assert.Equal(6, period.ElapsedMonths(new DateOnly(2018, 1, 1)));
    }
}
