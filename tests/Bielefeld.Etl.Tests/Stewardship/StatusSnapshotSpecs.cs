using System.Text.Json;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Stewardship;

/// <summary>
/// The statuses the next summary compares with (166,680 at 10 M observations) are streamed into and out of their file:
/// the file must stay what the serializer wrote before, so that a summary after the update compares with one before.
/// </summary>
public sealed class StatusSnapshotSpecs : IDisposable
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_status_file_is_what_the_serializer_writes_of_the_statuses_in_key_order_and_reads_back_the_same()
    {
        var path = _dir.File("nachtbericht-ampeln.json");
        var statuses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["REGE-9.1|Stadt Bielefeld"] = "gelb",
            ["500-1.1|Jöllenbeck"] = "rot",
            ["500-1.1|Benchquartier 00002"] = "keine_daten",
            ["500-1.1|Benchquartier 00001"] = "grün",
        };

        StatusSnapshot.Write(path, statuses);

        var sorted = statuses.OrderBy(s => s.Key, StringComparer.Ordinal).ToDictionary();
        Assert.Equal(JsonSerializer.Serialize(sorted, Indented), File.ReadAllText(path));
        Assert.StartsWith("{" + Environment.NewLine + "  \"500-1.1|Benchquartier 00001\": \"gr\\u00FCn\"," + Environment.NewLine, File.ReadAllText(path), StringComparison.Ordinal);
        Assert.Equal(sorted, StatusSnapshot.Read(path));
        Assert.Empty(StatusSnapshot.Read(_dir.File("fehlt.json")));
    }

    [Fact]
    public void The_status_of_an_indicator_and_area_is_its_later_row()
    {
        var statuses = StatusSnapshot.Of(
        [
            Row("500-1.1", "Mitte", AttainmentStatus.Red), Row("500-1.1", "Senne", AttainmentStatus.Green),
            Row("500-1.1", "Mitte", AttainmentStatus.Amber),
        ]);

        Assert.Equal([new("500-1.1|Mitte", "gelb"), new KeyValuePair<string, string>("500-1.1|Senne", "gruen")], statuses);

        static AttainmentRow Row(string indicator, string area, AttainmentStatus status) =>
            new(indicator, "500-1", new DateOnly(2017, 12, 1), area, 1m, null, null, null, status);
    }
}
