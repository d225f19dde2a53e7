using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Xlsx;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>KAF workbooks as people make them load the same figures as the contract's form, and say what was normalised.</summary>
public sealed class KafVariantSpecs : IDisposable
{
    private const string AllowBlankColumns = "  sheet: Controlling\n  blank_columns: true\n";
    private const string AllowRenamedSheet = "  sheet: Controlling\n  sheet_aliases: [Controlling 2017]\n";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static TheoryData<SpreadsheetVariant, string, string[]> Variants => new()
    {
        { SpreadsheetVariant.MonthNames, "", ["MONATSKOPF"] },
        { SpreadsheetVariant.ExcelMonthAbbreviations, "", ["MONATSKOPF"] },
        { SpreadsheetVariant.MonthNumbers, "", ["MONATSKOPF"] },
        { SpreadsheetVariant.MonthDates, "", ["MONATSKOPF"] },
        { SpreadsheetVariant.NumbersAsText, "", ["ZAHL_ALS_TEXT"] },
        { SpreadsheetVariant.LabelSpaces, "", ["BEZEICHNUNG_LEERZEICHEN"] },
        { SpreadsheetVariant.HeaderMoved, "", ["KOPFZEILE_VERSCHOBEN"] },
        { SpreadsheetVariant.MergedHeader, "", ["KOPFZEILE_VERSCHOBEN", "KOPF_VERBUNDEN"] },
        { SpreadsheetVariant.BlankColumn, AllowBlankColumns, ["LEERSPALTE"] },
        { SpreadsheetVariant.RenamedSheet, AllowRenamedSheet, ["BLATT_UMBENANNT"] },
        {
            SpreadsheetVariant.ExcelMonthAbbreviations | SpreadsheetVariant.NumbersAsText | SpreadsheetVariant.LabelSpaces | SpreadsheetVariant.HeaderMoved
                | SpreadsheetVariant.MergedHeader | SpreadsheetVariant.BlankColumn | SpreadsheetVariant.RenamedSheet,
            AllowBlankColumns + "  sheet_aliases: [Controlling 2017]\n",
            ["BEZEICHNUNG_LEERZEICHEN", "BLATT_UMBENANNT", "KOPFZEILE_VERSCHOBEN", "KOPF_VERBUNDEN", "LEERSPALTE", "MONATSKOPF", "ZAHL_ALS_TEXT"]
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_real_workbook_variant_loads_the_same_figures_as_the_contract_form_and_notes_what_it_normalised(
        SpreadsheetVariant variant, string pipelineOption, string[] codes)
    {
        using var canonical = new VariantWarehouse("kaf");
        KafSampleSet.WriteTo(canonical.Inbox);
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse("kaf");
        KafSampleSet.WriteTo(real.Inbox, variant);

        var loaded = await real.LoadAsync(yaml => pipelineOption.Length == 0 ? yaml : yaml.Replace("  sheet: Controlling\n", pipelineOption, StringComparison.Ordinal));

        Assert.All(loaded.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        Assert.Equal(expected.Facts, loaded.Facts);
        Assert.Equal((249d, 75d, 32d, 129d, 183d, 1270d),
            (loaded.Sum("REGE-9.2"), loaded.Sum("REGE-9.3"), loaded.Sum("REGE-9.1"), loaded.Sum("REGE-11.1"), loaded.Sum("REGE-12.1"), loaded.Sum("REGE-13.1")));
        var extraHeadRows = (variant.HasFlag(SpreadsheetVariant.HeaderMoved) ? 2 : 0) + (variant.HasFlag(SpreadsheetVariant.MergedHeader) ? 1 : 0);
        Assert.Equal((44 + (4 * extraHeadRows), 7, 1, 36 + (4 * extraHeadRows)), loaded.Counts);
        Assert.Empty(expected.Notes);
        Assert.Equal(codes, loaded.Notes.Select(n => n.Code).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(4, loaded.Notes.Select(n => n.File).Distinct().Count());
    }

    [Fact]
    public async Task Excel_month_abbreviations_are_noted_once_per_header_cell_with_the_form_read()
    {
        using var real = new VariantWarehouse("kaf");
        KafSampleSet.WriteTo(real.Inbox, SpreadsheetVariant.ExcelMonthAbbreviations);

        var loaded = await real.LoadAsync();

        var coach = loaded.Notes.Where(n => n.File == "KAF_COACH_2017.xlsx").ToList();
        Assert.Equal(11, coach.Count); // "Mai" is the contract's own form
        Assert.Contains(("KAF_COACH_2017.xlsx", "MONATSKOPF", "Monatskopf 'Mrz' als März gelesen", 1L), coach);
        Assert.Contains(("KAF_COACH_2017.xlsx", "MONATSKOPF", "Monatskopf 'Jan.' als Januar gelesen", 1L), coach);
    }

    [Fact]
    public async Task Numbers_typed_as_German_text_are_noted_with_the_number_read()
    {
        using var real = new VariantWarehouse("kaf");
        KafSampleSet.WriteTo(real.Inbox, SpreadsheetVariant.NumbersAsText);

        var loaded = await real.LoadAsync();

        Assert.Contains(("KAF_ERNAEHR_2017.xlsx", "ZAHL_ALS_TEXT", "Zahl '1.270' als Text gelesen (1270)", 1L), loaded.Notes);
        Assert.Contains(("KAF_ERNAEHR_2017.xlsx", "ZAHL_ALS_TEXT", "Zahl '212' als Text gelesen (212)", 1L), loaded.Notes);
    }

    [Theory]
    [InlineData(SpreadsheetVariant.BlankColumn, "KOPF_UNERWARTET", "blank_columns: true")]
    [InlineData(SpreadsheetVariant.RenamedSheet, "BLATT_FEHLT", "'Controlling' fehlt")]
    public void A_variant_the_pipeline_does_not_allow_refuses_the_file(SpreadsheetVariant variant, string code, string message)
    {
        var path = KafSampleSet.WriteTo(_dir.Folder(variant.ToString()), variant)[0];

        var refused = Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path));

        Assert.Equal(code, refused.Reason.Code);
        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_header_that_cannot_be_read_refuses_the_file_naming_the_cell()
    {
        var path = Workbook(header => header[3] = "Mrx");

        var refused = Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains("Kopfzeile 6, Spalte D: 'Mrx' ist weder 'Kennzahl' noch ein Monat", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_column_refuses_the_file()
    {
        var path = Workbook(header => header.Add("Bemerkung"));

        var refused = Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains("Spalte O: 'Bemerkung'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_candidate_header_rows_refuse_the_file()
    {
        var path = Workbook(_ => { }, secondHeader: true);

        var refused = Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains("die Zeilen 6 und 8 kommen beide als Kopfzeile", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_header_of_another_year_contradicts_the_workbook()
    {
        var path = Workbook(header => header[3] = "März 2016");

        Assert.Equal("DATEI_WIDERSPRUCH", Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path)).Reason.Code);
    }

    /// <summary>A COACH 2017 workbook in the contract layout whose header row <paramref name="change"/> edits.</summary>
    private string Workbook(Action<List<string>> change, bool secondHeader = false)
    {
        var header = new List<string> { "Kennzahl", "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", "Summe" };
        change(header);
        var book = new XlsxWorkbook("spec");
        var sheet = book.AddSheet("Controlling");
        sheet.Text(0, 0, "KAF-Projektcontrolling");
        sheet.Text(2, 0, "Projektkürzel:");
        sheet.Text(2, 1, "COACH");
        sheet.Text(3, 0, "Jahr:");
        sheet.Number(3, 1, 2017);
        foreach (var row in secondHeader ? new[] { 5, 7 } : [5])
        {
            for (var c = 0; c < header.Count; c++)
            {
                sheet.Text(row, c, header[c]);
            }
        }

        sheet.Text(6, 0, "Teilnehmende in Coachingprozessen");
        sheet.Number(6, 1, 34);
        sheet.Number(6, 13, 34);
        var path = _dir.File("KAF_COACH_2017.xlsx");
        book.Save(path);
        return path;
    }
}
