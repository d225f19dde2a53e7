using Bielefeld.Etl.Consistency;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Warehouse;

// The nightly run with nothing new reads the stored findings as an excerpt and fingerprints every file in full
// (docs/performance.md, "Nightly with nothing new at 10 M"): what it cuts must not change what it reports or loads.
public abstract partial class WarehouseBehaviour
{
    [Fact]
    public async Task The_findings_excerpt_is_each_indicators_first_findings_of_all_stored_and_how_many_it_has()
    {
        var ct = TestContext.Current.CancellationToken;
        Warehouse.Migrate();
        var march = new DateOnly(2017, 3, 1);
        var april = new DateOnly(2017, 4, 1);
        // In the check's order (indicator, month, area): A has five findings over two months, B two, C one.
        ConsistencyViolation[] stored =
        [
            new("A", march, "05711000-01", "A März Mitte"), new("A", march, "05711000-02", "A März Schildesche"),
            new("A", march, "05711000-03", "A März Gadderbaum"), new("A", april, "05711000-01", "A April Mitte"),
            new("A", april, "05711000-02", "A April Schildesche"),
            new("B", march, "05711000-04", "B März Brackwede"), new("B", april, "05711000-04", "B April Brackwede"),
            new("C", april, "05711000", "C April Stadt"),
        ];
        await Warehouse.ReplaceConsistencyFindingsAsync("regeln", null, stored, [], ct);

        var excerpt = await Warehouse.ConsistencyFindingsExcerptAsync(2, ct);

        Assert.Equal([stored[0], stored[1], stored[5], stored[6], stored[7]], excerpt.First);
        Assert.Equal(new Dictionary<string, int> { ["A"] = 5, ["B"] = 2, ["C"] = 1 }, excerpt.PerIndicator);
        // The same as every finding read back and cut per indicator.
        var all = await Warehouse.ConsistencyFindingsAsync(ct);
        Assert.Equal(stored, all);
        Assert.Equal(all.GroupBy(f => f.IndicatorCode, StringComparer.Ordinal).SelectMany(g => g.Take(2)), excerpt.First);
    }

    [Fact]
    public async Task A_file_changed_in_place_with_its_size_and_write_time_kept_is_loaded_again()
    {
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv", "Jobcenter-6.2;;;2017-03;;12;;;;;Jobakademie Ü25;Jobcenter");
        var path = Path.Combine(Inbox, "meldebogen", "Meldebogen_Jobcenter-6_2017.csv");
        var written = File.GetLastWriteTimeUtc(path);
        var size = new FileInfo(path).Length;
        Assert.Equal(FileLoadStatus.Loaded, Assert.Single((await RunAsync()).Files).Status);
        Assert.Equal(FileLoadStatus.AlreadyLoaded, Assert.Single((await RunAsync()).Files).Status);

        // 12 becomes 13: the same size, and the write time set back to what it was. Only the content tells it apart.
        WriteMeldebogen("Meldebogen_Jobcenter-6_2017.csv", "Jobcenter-6.2;;;2017-03;;13;;;;;Jobakademie Ü25;Jobcenter");
        File.SetLastWriteTimeUtc(path, written);
        Assert.Equal((size, written), (new FileInfo(path).Length, File.GetLastWriteTimeUtc(path)));

        var again = Assert.Single((await RunAsync()).Files);

        Assert.Equal(FileLoadStatus.Loaded, again.Status);
        Assert.Equal(13d, (await QueryAsync<double>(
            $"SELECT wert FROM {Table("fact_beobachtung")} WHERE indikator_code = 'Jobcenter-6.2' AND ersetzt_durch_datei_id IS NULL")).Single());
    }
}
