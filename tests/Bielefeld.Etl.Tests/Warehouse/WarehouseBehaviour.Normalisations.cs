using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.Kaf;

namespace Bielefeld.Etl.Tests.Warehouse;

/// <summary>What a reader normalised is recorded with the load, in its transaction, on every provider (<c>load_normalisierung</c>).</summary>
public abstract partial class WarehouseBehaviour
{
    [Fact]
    public async Task What_a_reader_normalised_is_recorded_with_the_load_and_reported_with_the_file()
    {
        KafSampleSet.WriteTo(KafInbox, SpreadsheetVariant.ExcelMonthAbbreviations);

        var summary = await RunAsync();

        var sprach = Assert.Single(summary.Files, f => f.File.Name == "KAF_SPRACH_2017.xlsx");
        Assert.Equal(11, sprach.Normalisations.Count);
        var stored = await QueryAsync<(string Code, string? Blatt, int? Zeile, string? Spalte, string Rohwert, string Meldung, int Anzahl)>(
            $"SELECT n.code, n.blatt, n.zeile, n.spalte, n.rohwert, n.meldung, n.anzahl FROM {Table("load_normalisierung")} n JOIN {Table("load_file")} f ON f.datei_id = n.datei_id WHERE f.datei = 'KAF_SPRACH_2017.xlsx' AND n.nr = 3");
        Assert.Equal(("MONATSKOPF", (string?)"Controlling", (int?)6, (string?)"D", "Mrz", "Monatskopf 'Mrz' als März gelesen", 1), Assert.Single(stored));
        Assert.Equal(44, (await QueryAsync<int>($"SELECT COUNT(*) FROM {Table("load_normalisierung")}")).Single());
    }
}
