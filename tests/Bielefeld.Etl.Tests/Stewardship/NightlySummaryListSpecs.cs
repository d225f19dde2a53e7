using Bielefeld.Etl.Consistency;
using Bielefeld.Etl.Jobs.Summary;

namespace Bielefeld.Etl.Tests.Stewardship;

/// <summary>A summary is read by people: a wave of findings is named by its first lines and counted, not listed whole.</summary>
public sealed class NightlySummaryListSpecs
{
    private static readonly DateOnly March = new(2017, 3, 1);

    [Fact]
    public void A_wave_of_contradictions_shows_the_first_fifty_and_counts_the_rest_in_text_and_HTML()
    {
        var violations = Enumerable.Range(1, 1_234)
            .Select(i => new ConsistencyViolation("REGE-10.1", March, $"quartier:{i:D4}", $"inkonsistent: REGE-10.1 ({i + 10}) größer als REGE-9.2 ({i}), dessen Teil es ist, im 2017-03"))
            .ToList();
        var summary = new NightlySummary(new DateOnly(2018, 3, 1), [], [], [], []) { ConsistencyViolations = violations };

        var text = NightlySummaryText.Text(summary);
        var html = NightlySummaryText.Html(summary);

        var listed = text.Split(Environment.NewLine).Where(l => l.StartsWith("- REGE-10.1 (quartier:", StringComparison.Ordinal)).ToList();
        Assert.Equal(50, listed.Count);
        Assert.Equal("- REGE-10.1 (quartier:0001): inkonsistent: REGE-10.1 (11) größer als REGE-9.2 (1), dessen Teil es ist, im 2017-03", listed[0]);
        Assert.Equal("- REGE-10.1 (quartier:0050): inkonsistent: REGE-10.1 (60) größer als REGE-9.2 (50), dessen Teil es ist, im 2017-03", listed[^1]);
        Assert.Contains("- … und 1.184 weitere Widersprüche; jeder steht als Statushinweis bei seiner Zielerreichung (rpt.zielerreichung, Spalte status_hinweis)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("quartier:0051", text, StringComparison.Ordinal);
        Assert.Contains("… und 1.184 weitere Widersprüche", html, StringComparison.Ordinal);
        Assert.DoesNotContain("quartier:0051", html, StringComparison.Ordinal);
        Assert.Contains("1234 Hinweise", NightlySummaryText.Subject(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_changed_traffic_lights_are_all_listed_and_the_fifty_first_is_counted()
    {
        static NightlySummary With(int changes) => new(new DateOnly(2018, 3, 1), [], [], [],
            [.. Enumerable.Range(1, changes).Select(i => new StatusChange("REGE-9.1", $"Quartier {i:D2}", "rot", "gelb"))]);

        var fifty = NightlySummaryText.Text(With(50));
        var fiftyOne = NightlySummaryText.Text(With(51));

        Assert.Contains("- REGE-9.1 (Quartier 50): rot → gelb", fifty, StringComparison.Ordinal);
        Assert.DoesNotContain("weitere geänderte Ampeln", fifty, StringComparison.Ordinal);
        Assert.DoesNotContain("Quartier 51", fiftyOne, StringComparison.Ordinal);
        Assert.Contains("- … und 1 weitere geänderte Ampel; alle Ampeln stehen in der Zielerreichung (rpt.zielerreichung)", fiftyOne, StringComparison.Ordinal);
    }
}
