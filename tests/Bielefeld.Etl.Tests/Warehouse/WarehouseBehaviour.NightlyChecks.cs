using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Tests.Warehouse;

// The consistency check keeps its findings month by month and reads again only the months a load changed
// (WarehouseProvider.CheckState): what it reports must be exactly what a check of every month reports.
public abstract partial class WarehouseBehaviour
{
    [Fact]
    public async Task A_correction_of_one_month_is_checked_again_and_the_findings_of_the_other_months_stay()
    {
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv",
            "Jobcenter-6.2;;;2017-03;;12;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-03;;15;;;;;darunter zusätzliche;Jobcenter",
            "Jobcenter-6.2;;;2017-04;;20;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;21;;;;;darunter zusätzliche;Jobcenter");
        const string March = "inkonsistent: Jobcenter-6.3 (15) größer als Jobcenter-6.2 (12), dessen Teil es ist, im 2017-03";
        const string April = "inkonsistent: Jobcenter-6.3 (21) größer als Jobcenter-6.2 (20), dessen Teil es ist, im 2017-04";
        Assert.Equal(
            [new("Jobcenter-6.3", new DateOnly(2017, 3, 1), Area.CityCode, March), new("Jobcenter-6.3", new DateOnly(2017, 4, 1), Area.CityCode, April)],
            (await RunAsync()).ConsistencyViolations);

        WriteMeldebogen("Meldebogen_Jobcenter-6_2017-04.csv",
            "Jobcenter-6.2;;;2017-04;;20;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;19;;;;;darunter zusätzliche;Jobcenter");
        var corrected = await RunAsync();

        Assert.Equal([new("Jobcenter-6.3", new DateOnly(2017, 3, 1), Area.CityCode, March)], corrected.ConsistencyViolations);
        var hints = await QueryAsync<(string, string?)>(
            $"SELECT {MonthText("monat")}, status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = 'Jobcenter-6.3' AND bereich_code = @city AND {MonthText("monat")} IN ('2017-03-01', '2017-04-01') ORDER BY monat",
            new { city = Area.CityCode });
        // From March on, with March's finding only: April's is gone with its correction.
        Assert.All(hints, h => Assert.EndsWith(March, h.Item2, StringComparison.Ordinal));
        Assert.DoesNotContain(hints, h => h.Item2!.Contains("im 2017-04", StringComparison.Ordinal));

        // A night with nothing new reports the same findings from what the check stored.
        Assert.Equal(corrected.ConsistencyViolations, (await RunAsync()).ConsistencyViolations);
    }
}
