using System.Globalization;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Deliveries;

namespace Bielefeld.Etl.Tests.Docs;

/// <summary>
/// The specs run in a culture that is neither German nor invariant (xunit.runner.json): German output that followed the
/// machine's culture instead of naming its own would show points and day-first dates here.
/// </summary>
public sealed class CultureSpecs
{
    [Fact]
    public void Specs_run_in_a_culture_that_formats_numbers_and_dates_unlike_German_and_unlike_invariant()
    {
        Assert.Equal("en-GB", CultureInfo.CurrentCulture.Name);
        Assert.Equal("1,234.5 06/07/2017", string.Format(CultureInfo.CurrentCulture, "{0:N1} {1:d}", 1234.5, new DateTime(2017, 7, 6, 0, 0, 0, DateTimeKind.Unspecified)));
    }

    [Fact]
    public void The_nightly_summary_writes_German_dates_and_month_names_whatever_the_culture()
    {
        var late = new DeliveryStatus("kaf", new DateOnly(2017, 7, 1), new DateOnly(2017, 7, 1), DeliveryState.Late, new DateOnly(2017, 8, 5), null, null, 0, new DateOnly(2017, 8, 10));

        var text = NightlySummaryText.Text(new NightlySummary(new DateOnly(2017, 8, 10), [], [], [late], []));

        Assert.Contains("Nachtlauf vom 10.08.2017", text, StringComparison.Ordinal);
        Assert.Contains("- kaf: Daten für Juli 2017 waren am 05.08.2017 fällig (5 Tage überfällig)", text, StringComparison.Ordinal);
    }
}
