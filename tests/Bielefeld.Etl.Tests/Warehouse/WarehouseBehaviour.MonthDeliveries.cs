using Bielefeld.Etl.Deliveries;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// The delivery calendar's input on every provider: per source and month, first loaded, last covering file and number of
/// covering files, read from <c>load_file_monat</c> (the months each file covers, recorded at load time).
/// </summary>
public abstract partial class WarehouseBehaviour
{
    /// <summary>Undoes the migration that created <c>load_file_monat</c>, as if the warehouse had been loaded before it.</summary>
    protected virtual string ForgetFileMonthsMigration =>
        "DROP TABLE load_file_monat; DELETE FROM SchemaVersions WHERE ScriptName = 'sqlite/0008_load_file_monat.sql'";

    private async Task<List<MonthDelivery>> MonthDeliveriesAsync() =>
        [.. (await Warehouse.MonthDeliveriesAsync(TestContext.Current.CancellationToken)).OrderBy(d => d.Source, StringComparer.Ordinal).ThenBy(d => d.Month)];

    /// <summary>The five KAF samples, then SPRACH re-delivered with another June (January to May unchanged).</summary>
    private async Task<(Dictionary<string, DateTimeOffset> First, DateTimeOffset Redelivered)> LoadSamplesAndRedeliverSprachAsync()
    {
        CopySamples();
        await RunAsync();
        WriteSprachWithJune(35);
        await RunAsync();

        var names = (await Warehouse.RecentLoadsAsync(100, TestContext.Current.CancellationToken)).ToDictionary(l => l.DateiId, l => l.Datei);
        var loadedAt = (await Warehouse.ObservationHistoryAsync(null, TestContext.Current.CancellationToken))
            .GroupBy(v => v.FileId).ToDictionary(g => g.Key, g => g.First().LoadedAt);
        var sprach = loadedAt.Where(f => names[f.Key] == "KAF_SPRACH_2017.xlsx").OrderBy(f => f.Value).ToList();
        Assert.Equal(2, sprach.Count);
        var first = loadedAt.Where(f => f.Key != sprach[1].Key).ToDictionary(f => names[f.Key], f => f.Value, StringComparer.Ordinal);
        Assert.Equal(5, first.Count);
        return (first, sprach[1].Value);
    }

    private static List<MonthDelivery> ExpectedAfterSprachRedelivery(Dictionary<string, DateTimeOffset> first, DateTimeOffset redelivered) =>
        [.. Enumerable.Range(1, 6).Select(m => new MonthDelivery("kaf", new DateOnly(2017, m, 1), first.Values.Min(), redelivered, 2))];

    [Fact]
    public async Task Month_deliveries_give_per_source_and_month_the_first_load_the_latest_covering_file_and_the_number_of_files()
    {
        var (first, redelivered) = await LoadSamplesAndRedeliverSprachAsync();

        // Five workbooks (one series each) cover January to June; SPRACH came twice: two deliveries, the latest its second.
        Assert.Equal(ExpectedAfterSprachRedelivery(first, redelivered), await MonthDeliveriesAsync());
    }

    [Fact]
    public async Task Migrating_a_warehouse_loaded_before_the_file_months_existed_backfills_the_same_month_deliveries()
    {
        var (first, redelivered) = await LoadSamplesAndRedeliverSprachAsync();
        await QueryAsync<int>(ForgetFileMonthsMigration);

        Warehouse.Migrate();

        // The backfill knows only the months in which a file still has values in the fact (the re-delivered SPRACH has
        // June alone; its unchanged January to May stayed with the first file), and gives the same list all the same.
        Assert.Equal(ExpectedAfterSprachRedelivery(first, redelivered), await MonthDeliveriesAsync());
    }
}
