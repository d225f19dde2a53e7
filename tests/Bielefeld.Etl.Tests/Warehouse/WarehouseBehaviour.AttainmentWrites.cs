using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Tests.Warehouse;

// A recomputation writes only the attainment figures that changed (StatementWarehouse.Attainment): every figure
// deleted and copied again on each recomputation was the biggest write of attainment (docs/performance.md,
// "Attainment written where it changed"). The figures and what the view shows stay as they were.
public abstract partial class WarehouseBehaviour
{
    [Fact]
    public async Task A_recomputation_writes_only_the_figures_that_changed_and_the_view_shows_every_figure_as_recomputed()
    {
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv",
            "Jobcenter-6.2;;;2017-03;;12;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-03;;10;;;;;darunter zusätzliche;Jobcenter",
            "Jobcenter-6.2;;;2017-04;;20;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;18;;;;;darunter zusätzliche;Jobcenter");
        await RunAsync();
        var first = await FiguresAsync();
        var shown = await ShownAsync();
        Assert.Equal(24, first.Count(f => f.Indicator is "Jobcenter-6.2" or "Jobcenter-6.3"));

        var kept = await KeptLatestAsync();
        // Every indicator recomputed with nothing new: no figure written, no kept latest attainment taken again, each
        // figure shown as of this recomputation.
        var run = Prepare();
        Clock.Advance(TimeSpan.FromHours(1));
        var computed = await Warehouse.RecomputeAttainmentAsync(run.WarehouseCatalog, null, run.Attainment, TestContext.Current.CancellationToken);

        Assert.Equal(first.Count, computed);
        Assert.Equal(first, await FiguresAsync());
        Assert.Equal(shown, await ShownAsync());
        Assert.Equal(kept, await KeptLatestAsync());
        var stamp = Assert.Single(await QueryAsync<string>($"SELECT DISTINCT CAST(berechnet_um AS {InstantTextType}) FROM {View("zielerreichung")}"));
        Assert.DoesNotContain(stamp, await QueryAsync<string>($"SELECT DISTINCT CAST(berechnet_um AS {InstantTextType}) FROM {Table("fact_zielerreichung")}"));

        // April of one indicator corrected, the other's April delivered again as it was: both are recomputed, and the one
        // figure that changed is the only one written (the months after April have no actual of their own to move).
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017-04.csv",
            "Jobcenter-6.2;;;2017-04;;20;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;19;;;;;darunter zusätzliche;Jobcenter");
        var before = await FiguresAsync();
        var summary = await RunAsync();

        Assert.Equal(["Jobcenter-6.2", "Jobcenter-6.3"], summary.AffectedIndicators.Order(StringComparer.Ordinal));
        var after = await FiguresAsync();
        Assert.Equal(before.Count, after.Count);
        var rewritten = Assert.Single(after.Except(before));
        Assert.Equal(("Jobcenter-6.3", "2017-04-01", Area.CityCode), (rewritten.Indicator, rewritten.Month, rewritten.Area));
        // The year's count to date: March's 10 and April's corrected 19, also as the latest attainment kept.
        Assert.Equal(29d, (await AttainmentAsync("Jobcenter-6.3", "2017-04-01")).Ist);
        var latest = Assert.Single(await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken), r => r.IndikatorCode == "Jobcenter-6.3");
        Assert.Equal((new DateOnly(2017, 4, 1), 29m), (latest.Monat, latest.Istwert));
    }

    /// <summary>The type an instant is cast to for comparing it as text.</summary>
    protected virtual string InstantTextType => "text";

    /// <summary>Every stored figure's key with its time stamp, which is the recomputation's that wrote it last.</summary>
    private async Task<List<(string Indicator, string Month, string Area, string Version)>> FiguresAsync() =>
        [.. (await QueryAsync<(string, string, string, string)>(
            $"SELECT indikator_code, {MonthText("monat")}, bereich_code, CAST(berechnet_um AS {InstantTextType}) FROM {Table("fact_zielerreichung")}")).Order()];

    private async Task<List<(string, string, string)>> KeptLatestAsync() =>
        [.. (await QueryAsync<(string, string, string)>($"SELECT indikator_code, bereich_code, {RowVersion} FROM {Table("zielerreichung_letzte")}")).Order()];

    /// <summary>What the attainment view shows of every figure but its time stamp.</summary>
    private async Task<List<string>> ShownAsync() =>
        [.. (await QueryAsync<(string, string, string, double?, double?, string, string?)>(
                $"SELECT indikator_code, {MonthText("monat")}, bereich_code, istwert, zielerreichungsgrad, status, status_hinweis FROM {View("zielerreichung")}"))
            .Select(r => r.ToString()).Order(StringComparer.Ordinal)];
}
