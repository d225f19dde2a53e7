using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Tests.Core;

public sealed class AttainmentCalculatorSpecs
{
    private static readonly AttainmentCalculator Calculator = new(AttainmentSettings.Default);

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

    [Fact]
    public void A_seasonal_profile_shapes_the_path_to_date()
    {
        var indicator = Count("REGE-13.1", 2570);
        var settings = new AttainmentSettings(StatusThresholds.Default, new Dictionary<string, IndicatorAttainmentSettings>
        {
            ["REGE-13.1"] = new() { SeasonalProfile = [10, 10, 10, 10, 10, 9, 3, 3, 10, 10, 10, 5] },
        });

        var june = new AttainmentCalculator(settings).Compute(indicator, indicator.Targets[0], 2017, Area.CityCode,
            [Month(1, 212), Month(2, 238), Month(3, 195), Month(4, 264), Month(5, 241), Month(6, 120)])[5];

        // 59 of 100 weights have passed by June: path 2.570 × 0,59 = 1.516,3; 1.270 is 83,8 % of it.
        Assert.Equal(1516.3m, june.TargetPath);
        Assert.Equal(AttainmentStatus.Amber, june.Status);
    }

    [Fact]
    public void Thresholds_configured_for_an_indicator_override_the_defaults()
    {
        var indicator = Count("REGE-9.1", 97);
        var strict = new AttainmentSettings(StatusThresholds.Default, new Dictionary<string, IndicatorAttainmentSettings>
        {
            ["REGE-9.1"] = new() { Thresholds = new StatusThresholds(0.98m, 0.90m) },
        });
        IReadOnlyCollection<MonthlyActual> actuals = [Month(1, 5), Month(2, 7), Month(3, 10), Month(4, 7), Month(5, 10), Month(6, 8)];

        // 47 against a path of 48,5: 96,9 % of the path.
        Assert.Equal(AttainmentStatus.Green, Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, actuals)[5].Status);
        Assert.Equal(AttainmentStatus.Amber, new AttainmentCalculator(strict).Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, actuals)[5].Status);
    }

    [Fact]
    public void A_reduction_without_stated_baseline_takes_the_stock_of_December_before_the_plan_year()
    {
        var indicator = new Indicator("Jobcenter-8.1", "Jobcenter-8", "Arbeitslose Alleinerziehende", IndicatorKind.Stock, "Anzahl")
        {
            Targets = [new Target(Comparator.ReductionFromBaseline, 5, PlanPeriod.CalendarYear(2017), "Bestandsreduzierung um 5%.") { AreaCode = "quartier:baumheide" }],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, "quartier:baumheide",
            [new MonthlyActual(new DateOnly(2016, 12, 1), 240), Month(3, 236), Month(6, 234)]);

        // Baseline 240, target 228 (−5 %); in June 234 is half of the way; the path to June is 240 − 12 × 6/12 = 234.
        var june = figures[5];
        Assert.Equal((234m, 228m, 234m, 0.5m, AttainmentStatus.Green), (june.ActualToDate!.Value, june.TargetValue!.Value, june.TargetPath!.Value, june.Degree!.Value, june.Status));
        Assert.Equal(AttainmentStatus.NoData, figures[4].Status);
    }

    [Fact]
    public void A_stock_is_the_value_at_the_month_never_a_sum_of_months()
    {
        var indicator = new Indicator("Jobcenter-8.1", "Jobcenter-8", "Bestand", IndicatorKind.Stock, "Anzahl")
        {
            Targets = [new Target(Comparator.AtMost, 230, PlanPeriod.CalendarYear(2017), "höchstens 230")],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(1, 240), Month(2, 236)]);

        Assert.Equal(236m, figures[1].ActualToDate);
        Assert.Equal(230m, figures[1].TargetPath);
    }

    [Fact]
    public void A_milestone_is_done_when_reported_and_overdue_once_its_deadline_has_passed()
    {
        var indicator = new Indicator("500-7.1", "500-7", "Fachkonferenz durchgeführt", IndicatorKind.Milestone, "erledigt")
        {
            Targets = [new Target(Comparator.DoneBy, null, PlanPeriod.UpTo(2017, new DateOnly(2017, 3, 31)), "bis 31.03.2017") { Deadline = new DateOnly(2017, 3, 31) }],
        };

        var done = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(2, 1)]);
        var late = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, []);
        var lateAndLong = Calculator.Compute(indicator, indicator.Targets[0] with { Period = PlanPeriod.CalendarYear(2017) }, 2017, Area.CityCode, []);

        Assert.Equal((1m, 1m, AttainmentStatus.Green), (done[2].ActualToDate!.Value, done[2].Degree!.Value, done[2].Status));
        Assert.Equal(AttainmentStatus.NoData, late[2].Status);
        Assert.Equal(AttainmentStatus.Overdue, lateAndLong[3].Status);
        Assert.Equal(0m, lateAndLong[3].Degree);
    }

    [Fact]
    public void A_qualitative_assessment_takes_the_latest_verdict()
    {
        var indicator = new Indicator("510-5.1", "510-5", "Konzept abgestimmt", IndicatorKind.Qualitative, "Bewertung")
        {
            Targets = [new Target(Comparator.None, null, PlanPeriod.CalendarYear(2017), "kein messbarer Zielwert")],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(3, 0.5m), Month(9, 1)]);

        Assert.Equal((AttainmentStatus.Amber, AttainmentStatus.NoData, AttainmentStatus.Green), (figures[2].Status, figures[3].Status, figures[8].Status));
    }

    [Fact]
    public void A_published_rate_takes_the_latest_published_month()
    {
        var indicator = new Indicator("Jobcenter-2.1", "Jobcenter-2", "Arbeitslosenquote U25 SGB II", IndicatorKind.PublishedRate, "%")
        {
            Targets = [new Target(Comparator.AtMost, 5.9m, PlanPeriod.CalendarYear(2017), "5,9 %")],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode, [Month(1, 6.4m), Month(2, 6.2m), Month(3, 5.9m)]);

        Assert.Equal((6.2m, AttainmentStatus.Green), (figures[1].ActualToDate!.Value, figures[1].Status)); // 5,9 / 6,2 = 95,2 % of the path
        Assert.Equal(5.9m / 6.2m, figures[1].Degree);
        Assert.Equal((5.9m, 1m), (figures[2].ActualToDate!.Value, figures[2].Degree!.Value));
    }

    [Fact]
    public void A_school_year_target_counts_from_August_and_its_path_starts_there()
    {
        var indicator = new Indicator("REGE-5.9", "REGE-5", "Übergänge", IndicatorKind.Count, "Personen")
        {
            Targets = [new Target(Comparator.AtLeast, 120, PlanPeriod.SchoolYear(2017), "120 im Schuljahr 2017/18")],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, Area.CityCode,
            [Month(7, 50), Month(8, 12), Month(9, 10), new MonthlyActual(new DateOnly(2018, 1, 1), 8)]);

        // July 2017 belongs to the previous school year and does not count; January 2018 is the sixth month.
        Assert.Equal(new DateOnly(2017, 8, 1), figures[0].Month);
        Assert.Equal((12m, 10m), (figures[0].ActualToDate!.Value, figures[0].TargetPath!.Value));
        Assert.Equal((30m, 60m), (figures[5].ActualToDate!.Value, figures[5].TargetPath!.Value));
        Assert.Equal(AttainmentStatus.NoData, figures[4].Status);
    }

    [Fact]
    public void A_suppressed_stock_month_is_unknown_and_flags_only_that_month()
    {
        var indicator = new Indicator("Jobcenter-8.1", "Jobcenter-8", "Bestand", IndicatorKind.Stock, "Anzahl")
        {
            Targets = [new Target(Comparator.ReductionFromBaseline, 5, PlanPeriod.CalendarYear(2017), "Bestandsreduzierung um 5%.") { AreaCode = "quartier:sieker" }],
        };

        var figures = Calculator.Compute(indicator, indicator.Targets[0], 2017, "quartier:sieker",
        [
            new MonthlyActual(new DateOnly(2016, 12, 1), 64), Month(3, 63),
            new MonthlyActual(new DateOnly(2017, 4, 1), null) { Suppressed = true }, Month(5, 61),
        ]);

        Assert.Equal((null, true, AttainmentStatus.NoData), (figures[3].ActualToDate, figures[3].DependsOnSuppressed, figures[3].Status));
        Assert.Equal((61m, false), (figures[4].ActualToDate!.Value, figures[4].DependsOnSuppressed));
    }
}
