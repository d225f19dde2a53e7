using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>
/// The file in the load protocol that the small-count facts' generated observations name (their rows go in by SQL,
/// every provider's fact wants a loaded file to point at).
/// </summary>
internal static class SmallCountFile
{
    public static async Task<long> LoadAsync(WarehouseProvider warehouse)
    {
        var scope = new DeliveryScope("kz", null, new DateOnly(2016, 1, 1), new DateOnly(2016, 1, 1)) { Mode = SupersedeMode.PerValue };
        SourceRow[] rows = [new SourceRow.Accepted(1, [new Observation("KZ-VORLAUF", new DateOnly(2016, 1, 1), "KZ-S", "KZ:1", 1m)])];
        var file = new ExtractFile("kz", "/inbox/kz/kleine-zahlen.csv", new string('k', 64), 1);
        var result = await warehouse.LoadAsync(file, _ => new ExtractReading(scope, rows, null), null, TestContext.Current.CancellationToken);
        Assert.Equal(FileLoadStatus.Loaded, result.Status);
        return result.FileId!.Value;
    }
}
