using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>What <c>run</c> prints of the attainment: a screenful a person reads, not every area of the warehouse.</summary>
public sealed class RunReportSpecs
{
    private static readonly DateOnly June = new(2017, 6, 1);

    [Fact]
    public void Beyond_two_hundred_figures_the_table_shows_those_with_a_target_first_and_counts_the_rest()
    {
        // 300 Quartiere without a target of their own, then the city's figure against its Zielwert.
        var rows = Enumerable.Range(1, 300)
            .Select(i => new AttainmentRow("REGE-9.1", "REGE-9", June, $"Quartier {i:D3}", i, null, null, null, AttainmentStatus.NotApplicable))
            .Append(new AttainmentRow("REGE-9.1", "REGE-9", June, "Stadt Bielefeld", 37, 97, 48.5m, 0.381m, AttainmentStatus.Red))
            .ToList();

        var lines = Render(rows);

        Assert.Equal(RunReport.AttainmentRowsShown, lines.Count(l => l.Contains("│ REGE-9.1", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Stadt Bielefeld", StringComparison.Ordinal) && l.Contains("38,1 %", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Quartier 199", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Quartier 200", StringComparison.Ordinal));
        Assert.Contains("… und 101 weitere Zeilen; alle stehen in rpt.zielerreichung und, je Bereich, im Bericht (bielefeld-etl report --bereich …)", lines);
    }

    [Fact]
    public void Up_to_two_hundred_figures_are_all_shown_in_their_order()
    {
        var rows = Enumerable.Range(1, 200)
            .Select(i => new AttainmentRow("REGE-9.1", "REGE-9", June, $"Quartier {i:D3}", i, null, null, null, AttainmentStatus.NotApplicable))
            .ToList();

        var lines = Render(rows);

        Assert.Equal(200, lines.Count(l => l.Contains("│ REGE-9.1", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.Contains("Quartier 200", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("weitere Zeilen", StringComparison.Ordinal));
    }

    private static List<string> Render(IReadOnlyList<AttainmentRow> rows)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 200;
        RunReport.WriteAttainment(rows, console);
        return [.. writer.ToString().Split('\n').Select(l => l.TrimEnd('\r'))];
    }
}
