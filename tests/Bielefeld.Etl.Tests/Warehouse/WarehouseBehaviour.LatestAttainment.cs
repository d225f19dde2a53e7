using System.Globalization;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Warehouse;

// The latest attainment is kept when attainment is recomputed (WarehouseProvider.LatestAttainment): a night with
// nothing new rewrites none of it and reads the same rows, which are the view's latest shown month.
public abstract partial class WarehouseBehaviour
{
    /// <summary>An expression that changes whenever a row of <c>zielerreichung_letzte</c> is written again.</summary>
    protected virtual string RowVersion => "CAST(rowid AS text)";

    [Fact]
    public async Task A_run_with_nothing_new_rewrites_no_kept_latest_attainment_and_reads_what_the_view_shows_as_latest()
    {
        CopyEverySample();
        await RunAsync();
        var latest = await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken);
        var versions = await VersionsAsync();

        var again = await RunAsync();

        Assert.All(again.Files, f => Assert.Equal(FileLoadStatus.AlreadyLoaded, f.Status));
        Assert.Equal(versions, await VersionsAsync());
        Assert.Equal(latest, await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken));
        Assert.Equal(71, latest.Count);
        Assert.True(latest.Select(r => r.Monat).Distinct().Count() > 1, "latest figures of several months");
        // Per indicator and area the latest month whose actual the view shows, that month's row: the read computed so before.
        var shown = await QueryAsync<(string, string, string, string)>(
            $"""
            SELECT z.indikator_code, z.bereich, {MonthText("z.monat")}, z.status
            FROM {View("zielerreichung")} z
            JOIN (SELECT indikator_code, bereich_code, MAX(monat) AS monat FROM {View("zielerreichung")} WHERE istwert IS NOT NULL
                  GROUP BY indikator_code, bereich_code) l ON l.indikator_code = z.indikator_code AND l.bereich_code = z.bereich_code AND l.monat = z.monat
            """);
        Assert.Equal(
            shown.Order().ToList(),
            latest.Select(r => (r.IndikatorCode, r.Bereich, r.Monat.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Status.ToReportName())).Order().ToList());

        async Task<List<(string, string, string)>> VersionsAsync() =>
            [.. (await QueryAsync<(string, string, string)>($"SELECT indikator_code, bereich_code, {RowVersion} FROM {Table("zielerreichung_letzte")}")).Order()];
    }

    [Fact]
    public async Task A_catalog_sync_that_changes_the_sets_of_areas_keeps_every_latest_attainment_again()
    {
        CopyEverySample();
        await RunAsync();
        var latest = await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken);
        // The kept rows gone, and the members of the sets of areas (which the verdicts read) as if the catalog had none;
        // the catalog's fingerprint forgotten, as a changed catalog would not match it.
        await QueryAsync<int>($"DELETE FROM {Table("zielerreichung_letzte")}; DELETE FROM {Table("dim_bereich_menge")}; DELETE FROM {Table("katalog_stand")}");
        Assert.Empty(await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken));

        await RunAsync();

        Assert.NotEmpty(await QueryAsync<string>($"SELECT menge_code FROM {Table("dim_bereich_menge")}"));
        Assert.Equal(latest, await Warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Every sample delivery: counts of persons from record-level files, quotas, monthly figures of several sources.</summary>
    private void CopyEverySample()
    {
        foreach (var source in Directory.GetDirectories(RepositoryPaths.SampleInbox))
        {
            var folder = Directory.CreateDirectory(Path.Combine(Inbox, Path.GetFileName(source))).FullName;
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            }
        }
    }
}
