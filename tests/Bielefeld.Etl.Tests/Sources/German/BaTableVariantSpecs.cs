using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Tests.Sources.BaStatistik;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>
/// The BA monthly tables as people and German Excel write them (Berichtsmonat as <c>Jun. 2017</c>, <c>06/2017</c> or a
/// date cell, figures as German text, non-breaking and trailing spaces, more title lines, a merged header, an empty
/// column, a renamed sheet the pipeline allows) load exactly the figure of the contract form, and the load protocol
/// says what was read differently.
/// </summary>
public sealed class BaTableVariantSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<SpreadsheetVariant, string[]> Variants => new()
    {
        { SpreadsheetVariant.ExcelMonthAbbreviations, ["MONATSANGABE"] },
        { SpreadsheetVariant.MonthNumbers, ["MONATSANGABE"] },
        { SpreadsheetVariant.MonthDates, ["MONATSANGABE"] },
        { SpreadsheetVariant.NumbersAsText, ["ZAHL_ALS_TEXT"] },
        { SpreadsheetVariant.LabelSpaces, ["BEZEICHNUNG_LEERZEICHEN"] },
        { SpreadsheetVariant.RenamedSheet, ["BLATT_UMBENANNT"] },
        // Found by content, as the contract's reading always did: nothing to note.
        { SpreadsheetVariant.HeaderMoved, [] },
        { SpreadsheetVariant.MergedHeader, [] },
        { SpreadsheetVariant.BlankColumn, [] },
    };

    // The renamed sheet is read only where the pipeline lists it, as a steward would add it.
    private static string AllowRenamedSheet(string pipeline) =>
        pipeline.Replace("      sheet: Eckwerte\n", "      sheet: Eckwerte\n      sheet_aliases: [Eckwerte 2017]\n", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_BA_table_in_a_real_workbook_form_loads_the_figure_of_the_contract_form_and_notes_it(SpreadsheetVariant variant, string[] codes)
    {
        using var canonical = new VariantWarehouse("ba-statistik");
        BaTableWriter.Write(BaSampleSet.June2017(), Path.Combine(canonical.Inbox, BaSampleSet.JuneTable));
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse("ba-statistik");
        BaTableWriter.Write(BaSampleSet.June2017(), Path.Combine(real.Inbox, BaSampleSet.JuneTable), variant);

        var loaded = await real.LoadAsync(AllowRenamedSheet);

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(loaded.Files).Status);
        Assert.Equal([("Jobcenter-2.1", "2017-06-01", "05711000", "BA:Jobcenter-2.1", 6.1)], expected.Facts);
        Assert.Equal(expected.Facts, loaded.Facts);
        Assert.Empty(expected.Notes);
        // Two more skipped title rows where the header moved, else the canonical 21 rows (1 loaded, 20 skipped).
        var titles = variant == SpreadsheetVariant.HeaderMoved ? 2 : 0;
        Assert.Equal((21 + titles, 1, 0, 20 + titles), loaded.Counts);
        Assert.Equal(codes, loaded.Notes.Select(n => n.Code).Distinct());
    }

    [Fact]
    public void Each_form_is_noted_at_its_cell_with_what_was_read()
    {
        var path = _dir.File(BaSampleSet.JuneTable);
        BaTableWriter.Write(BaSampleSet.June2017(), path,
            SpreadsheetVariant.ExcelMonthAbbreviations | SpreadsheetVariant.NumbersAsText | SpreadsheetVariant.LabelSpaces);

        using var reading = BaPipeline.Reader.Open(path);
        var value = Assert.Single(reading.Rows.OfType<SourceRow.Accepted>().Single().Observations);

        Assert.Equal((6.1m, new DateOnly(2017, 7, 1)), (value.Value, value.Vintage));
        Assert.Equal(
            [
                ("MONATSANGABE", 3, "A", "Berichtsmonat 'Jun. 2017' als Juni 2017 gelesen"),
                ("MONATSANGABE", 4, "A", "Datenstand 'Jul. 2017' als Juli 2017 gelesen"),
                ("BEZEICHNUNG_LEERZEICHEN", 7, "D", "Bezeichnung 'SGB II' mit geschütztem Leerzeichen, Leerzeichen am Ende gelesen"),
                ("BEZEICHNUNG_LEERZEICHEN", 15, "A", "Bezeichnung 'Jugendliche 15 bis unter 25 Jahre' mit geschütztem Leerzeichen, Leerzeichen am Ende gelesen"),
                ("ZAHL_ALS_TEXT", 15, "D", "Zahl '6,1' als Text gelesen (6,1)"),
            ],
            reading.Normalisations.Entries.Where(e => e.Column is "A" || e.Row >= 15 || e.Column is "D")
                .Select(e => (e.Code, e.Row!.Value, e.Column!, e.Message)));
    }

    [Fact]
    public void A_Berichtsmonat_written_Mrz_as_German_Excel_writes_March_is_March()
    {
        var table = BaSampleSet.June2017();
        var march = table with
        {
            TitleLines = [.. table.TitleLines.Select(l => l.StartsWith("Berichtsmonat", StringComparison.Ordinal) ? "Berichtsmonat: Mrz 2017"
                : l.StartsWith("Datenstand", StringComparison.Ordinal) ? "Datenstand: 13.04.2017" : l)],
        };
        var path = _dir.File("BA_AMR_05711_201703.xlsx");
        BaTableWriter.Write(march, path);

        using var reading = BaPipeline.Reader.Open(path);
        var value = Assert.Single(reading.Rows.OfType<SourceRow.Accepted>().Single().Observations);

        Assert.Equal((new DateOnly(2017, 3, 1), 6.1m, new DateOnly(2017, 4, 13)), (value.Month, value.Value, value.Vintage));
        Assert.Equal("Berichtsmonat 'Mrz 2017' als März 2017 gelesen", Assert.Single(reading.Normalisations.Entries).Message);
    }

    [Fact]
    public void Two_rows_reading_Merkmal_refuse_the_file_naming_both()
    {
        var table = BaSampleSet.June2017();
        var path = _dir.File(BaSampleSet.JuneTable);
        BaTableWriter.Write(table with { Rows = [.. table.Rows, new BaTableRow("Merkmal", ["Insgesamt", "SGB III", "SGB II"])] }, path);

        var refused = Assert.Throws<ExtractFileException>(() => BaPipeline.ReadAll(BaPipeline.Reader, path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Equal("BA_AMR_05711_201706.xlsx: die Zeilen 7 und 18 kommen beide als Kopfzeile ('Merkmal') in Frage; welche gilt, wäre geraten.", refused.Message);
    }

    [Theory]
    [InlineData("Berichtsmonat: Mrz 17")]
    [InlineData("Berichtsmonat: Mar 2017")]
    [InlineData("Berichtsmonat: 13/2017")]
    public void A_Berichtsmonat_that_would_need_guessing_still_refuses_the_file(string line)
    {
        var table = BaSampleSet.June2017();
        var path = _dir.File(BaSampleSet.JuneTable);
        BaTableWriter.Write(table with { TitleLines = [.. table.TitleLines.Select(l => l.StartsWith("Berichtsmonat", StringComparison.Ordinal) ? line : l)] }, path);

        var refused = Assert.Throws<ExtractFileException>(() => BaPipeline.Reader.Open(path).Dispose());

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains($"'{line["Berichtsmonat: ".Length..]}' ist kein Monat", refused.Message, StringComparison.Ordinal);
    }
}
