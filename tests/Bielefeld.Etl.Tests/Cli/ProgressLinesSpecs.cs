using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Cli;

public sealed class ProgressLinesSpecs
{
    [Fact]
    public void A_long_file_in_a_log_gets_its_first_thousand_rows_then_a_line_per_ten_seconds_and_its_end()
    {
        var clock = new FakeTimeProvider();
        using var log = new StringWriter();
        var lines = new ProgressLines(log, clock);

        // 25,000 rows at one row per millisecond: 25 seconds of reading.
        for (var row = 1; row <= 25_000; row++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            lines.Report(new RunProgress("ba", "BA_SA_20180115.csv", row, Done: false));
        }

        lines.Report(new RunProgress("ba", "BA_SA_20180115.csv", 25_000, Done: true));

        Assert.Equal(
            [
                "ba: BA_SA_20180115.csv: 1000 Zeilen gelesen …",
                "ba: BA_SA_20180115.csv: 11000 Zeilen gelesen …",
                "ba: BA_SA_20180115.csv: 21000 Zeilen gelesen …",
                "ba: BA_SA_20180115.csv: 25000 Zeilen gelesen, fertig",
            ],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Each_file_announces_its_own_first_thousand_rows()
    {
        var clock = new FakeTimeProvider();
        using var log = new StringWriter();
        var lines = new ProgressLines(log, clock);

        lines.Report(new RunProgress("kaf", "KAF_FIM_2017.xlsx", 1_000, Done: false));
        lines.Report(new RunProgress("kaf", "KAF_FIM_2017.xlsx", 1_200, Done: true));
        lines.Report(new RunProgress("kaf", "KAF_THEO_2017.xlsx", 1_000, Done: false));
        lines.Report(new RunProgress("kaf", "KAF_THEO_2017.xlsx", 2_000, Done: false));

        Assert.Equal(
            [
                "kaf: KAF_FIM_2017.xlsx: 1000 Zeilen gelesen …",
                "kaf: KAF_FIM_2017.xlsx: 1200 Zeilen gelesen, fertig",
                "kaf: KAF_THEO_2017.xlsx: 1000 Zeilen gelesen …",
            ],
            log.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
