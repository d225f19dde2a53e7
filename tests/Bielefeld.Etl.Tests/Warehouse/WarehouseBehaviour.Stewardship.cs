using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>Stewardship on every provider: review queue, delivery calendar, vintages, provisional status.</summary>
public abstract partial class WarehouseBehaviour
{
    private const string Fim = "KAF_FIM_2017.xlsx";

    private Task<IReadOnlyList<RejectedRowRecord>> FimRejectsAsync(bool openOnly = false) =>
        Warehouse.RejectedRowsAsync(new RejectedRowQuery(File: Fim, OpenOnly: openOnly), TestContext.Current.CancellationToken);

    private void WriteFim(Func<KafWorkbook, KafWorkbook> change) =>
        KafWorkbookWriter.Write(change(KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook), Path.Combine(KafInbox, Fim));

    private void WriteSprachWithJune(decimal june)
    {
        var sprach = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "SPRACH").Workbook;
        var months = sprach.Rows[0].Months.ToArray();
        months[5] = june;
        KafWorkbookWriter.Write(sprach with { Rows = [sprach.Rows[0] with { Months = months }] }, Path.Combine(KafInbox, "KAF_SPRACH_2017.xlsx"));
    }

    [Fact]
    public async Task A_rejected_row_accepted_by_a_steward_shows_the_decision_and_is_no_longer_open()
    {
        CopySamples();
        await RunAsync();
        var row = Assert.Single(await FimRejectsAsync());
        Assert.Equal("offen", row.Bearbeitung);

        Assert.True(await Warehouse.DecideAsync(row.AbweisungId, RejectDecision.Akzeptiert, "M. Muster", "Summe mit dem Träger geklärt", TestContext.Current.CancellationToken));

        var decided = Assert.Single(await FimRejectsAsync());
        Assert.Equal(("akzeptiert", "akzeptiert", "M. Muster", "Summe mit dem Träger geklärt"), (decided.Bearbeitung, decided.Entscheidung, decided.EntschiedenVon, decided.Kommentar));
        Assert.NotNull(decided.EntschiedenUm);
        Assert.Empty(await FimRejectsAsync(openOnly: true));
        Assert.False(await Warehouse.DecideAsync(999_999, RejectDecision.Verworfen, "M. Muster", "gibt es nicht", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Redelivering_the_fixed_workbook_closes_its_rejected_row_automatically()
    {
        CopySamples();
        await RunAsync();
        WriteFim(fim => fim with { Rows = [.. fim.Rows.Select(r => r with { SumOverride = null })] });

        await RunAsync();

        var row = Assert.Single(await FimRejectsAsync());
        Assert.Equal(("behoben", (string?)null), (row.Bearbeitung, row.Entscheidung));
        Assert.Empty(await FimRejectsAsync(openOnly: true));
    }

    [Fact]
    public async Task A_row_rejected_again_in_a_redelivery_keeps_the_decision_taken_on_its_earlier_occurrence()
    {
        CopySamples();
        await RunAsync();
        var first = Assert.Single(await FimRejectsAsync());
        await Warehouse.DecideAsync(first.AbweisungId, RejectDecision.Verworfen, "M. Muster", "Vermittlungen bleiben draußen", TestContext.Current.CancellationToken);
        // Another figure changes, the wrong sum stays: same file name, sheet, row and rule.
        WriteFim(fim => fim with { Rows = [fim.Rows[0] with { Months = [23m, .. fim.Rows[0].Months.Skip(1)] }, .. fim.Rows.Skip(1)] });

        await RunAsync();

        var rows = await FimRejectsAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(("verworfen", "Vermittlungen bleiben draußen"), (r.Bearbeitung, r.Kommentar)));
        Assert.Empty(await FimRejectsAsync(openOnly: true));
    }

    [Fact]
    public async Task Every_value_keeps_what_was_first_reported_beside_the_latest_revision()
    {
        CopySamples();
        await RunAsync();
        WriteSprachWithJune(35);

        await RunAsync();

        var june = (await QueryAsync<(double Erst, double Aktuell, int Revisionen)>(
            $"SELECT erstwert, aktueller_wert, revisionen FROM {View("beobachtung_historie")} WHERE serie = 'KAF:SPRACH' AND {MonthText("monat")} = '2017-06-01'")).Single();
        Assert.Equal((30d, 35d, 1), june);
        var may = (await QueryAsync<(double Erst, double Aktuell, int Revisionen)>(
            $"SELECT erstwert, aktueller_wert, revisionen FROM {View("beobachtung_historie")} WHERE serie = 'KAF:SPRACH' AND {MonthText("monat")} = '2017-05-01'")).Single();
        Assert.Equal((22d, 22d, 0), may);
    }

    [Fact]
    public async Task Attainment_as_of_a_moment_reproduces_what_was_reported_then()
    {
        CopySamples();
        await RunAsync();
        var reported = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(1));
        WriteSprachWithJune(35);
        await RunAsync();
        var run = Prepare();

        var then = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, reported, TestContext.Current.CancellationToken)).Rows;
        var before = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, reported.AddDays(-1), TestContext.Current.CancellationToken)).Rows;

        Assert.Equal(183m, then.Single(r => r.IndikatorCode == "REGE-12.1" && r.Monat == new DateOnly(2017, 6, 1)).Istwert);
        Assert.Equal(188d, (await AttainmentAsync("REGE-12.1", "2017-06-01")).Ist);
        Assert.Equal((37m, AttainmentStatus.Red), (then.Single(r => r.IndikatorCode == "REGE-9.1" && r.Monat == new DateOnly(2017, 6, 1)).Istwert, then.Single(r => r.IndikatorCode == "REGE-9.1" && r.Monat == new DateOnly(2017, 6, 1)).Status));
        Assert.All(before.Where(r => r.IndikatorCode == "REGE-12.1"), r => Assert.Equal(AttainmentStatus.NoData, r.Status));
    }

    [Fact]
    public async Task Attainment_as_of_a_moment_uses_the_Zielwert_valid_then_not_a_later_revision()
    {
        CopySamples();
        await RunAsync();
        var reported = Clock.GetUtcNow();
        Clock.Advance(TimeSpan.FromHours(1));
        var revised = ReviseRege9Target(100);
        await RunAsync(revised);
        var run = Prepare(revised);

        var then = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, reported, TestContext.Current.CancellationToken)).Rows
            .Single(r => r.IndikatorCode == "REGE-9.1" && r.Monat == new DateOnly(2017, 6, 1));
        var now = (await Warehouse.AttainmentAsOfAsync(run.WarehouseCatalog, run.Areas, run.Attainment, Area.CityCode, Clock.GetUtcNow(), TestContext.Current.CancellationToken)).Rows
            .Single(r => r.IndikatorCode == "REGE-9.1" && r.Monat == new DateOnly(2017, 6, 1));

        // Reported then: 37 against 97 (path 48.5); today the same 37 stands against the revised 100 (path 50).
        Assert.Equal((37m, 97m, 48.5m, AttainmentStatus.Red), (then.Istwert, then.Zielwert, then.Zielpfad, then.Status));
        Assert.Equal((37m, 100m, 50m, AttainmentStatus.Red), (now.Istwert, now.Zielwert, now.Zielpfad, now.Status));
    }

    [Fact]
    public async Task A_late_delivery_is_reported_by_the_calendar_and_marks_the_status_provisional_without_failing_the_run()
    {
        CopySamples();

        // KAF's June is due on 5 July, July's on 5 August 2017: on 10 August July is five days late.
        var summary = await RunAsync(time: NoonInBielefeld(2017, 8, 10));

        Assert.False(summary.HasFailures);
        var kaf = summary.LateDeliveries.Where(d => d.Source == "kaf").ToList();
        Assert.Equal([(new DateOnly(2017, 7, 1), new DateOnly(2017, 8, 5), 5)], kaf.Select(d => (d.PeriodStart, d.DueDate, d.DaysLate)));
        var states = await QueryAsync<(string Monat, string Status)>(
            $"SELECT {MonthText("zeitraum_bis")}, status FROM {View("lieferstatus")} WHERE quelle = 'kaf' ORDER BY zeitraum_bis");
        Assert.Equal(
            ["geliefert", "geliefert", "geliefert", "geliefert", "geliefert", "geliefert", "ueberfaellig", "erwartet", "erwartet", "erwartet", "erwartet", "erwartet"],
            states.Select(s => s.Status));
        var hints = await QueryAsync<(string Monat, string? Hinweis)>(
            $"SELECT {MonthText("monat")}, status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = 'REGE-9.1' AND bereich_code = '05711000' AND {MonthText("monat")} IN ('2017-06-01', '2017-07-01') ORDER BY monat");
        Assert.Equal([("2017-06-01", null), ("2017-07-01", "vorläufig: Lieferung kaf ab 2017-07 überfällig (fällig am 05.08.2017)")], hints);
    }

    [Fact]
    public async Task A_file_with_many_open_rejected_rows_marks_the_indicators_it_feeds_provisional_until_the_row_is_decided()
    {
        CopySamples();
        await RunAsync(time: NoonInBielefeld(2017, 7, 3));
        const string Hint = "vorläufig: 1 offene abgewiesene Zeilen in KAF_FIM_2017.xlsx (8,3 %)";

        var open = await QueryAsync<string?>(
            $"SELECT DISTINCT status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = 'REGE-9.2' AND bereich_code = '05711000'");
        Assert.Equal([Hint], open);

        var row = Assert.Single(await FimRejectsAsync());
        await Warehouse.DecideAsync(row.AbweisungId, RejectDecision.Akzeptiert, "M. Muster", "geklärt", TestContext.Current.CancellationToken);
        await Prepare(time: NoonInBielefeld(2017, 7, 3)).RefreshStewardshipAsync(TestContext.Current.CancellationToken);

        Assert.Equal([null], await QueryAsync<string?>(
            $"SELECT DISTINCT status_hinweis FROM {View("zielerreichung")} WHERE indikator_code = 'REGE-9.2' AND bereich_code = '05711000'"));
    }

    /// <summary>A clock standing at noon in Bielefeld (summer time) on the given day.</summary>
    private static FakeTimeProvider NoonInBielefeld(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(2)));
}
