using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>
/// The BA special evaluations as real exports write them (another separator or encoding, title lines, trailing blank
/// columns, non-breaking spaces, the Berichtsmonat as 01/2017, Jan 2017, 2017-01 or Januar 2017) load exactly the
/// figures of the contract form, and the load protocol says what was read differently.
/// </summary>
public sealed class BaLongCsvVariantSpecs
{
    private static readonly (string Name, IReadOnlyList<BaSpecialEvaluationRow> Rows)[] Samples =
    [
        (BaSampleSet.LoneParents, BaSampleSet.LoneParentsJuly2017()),
        (BaSampleSet.LoneParentsRevision, BaSampleSet.LoneParentsOctober2017()),
        (BaSampleSet.TrainingAndIntegrations, BaSampleSet.TrainingAndIntegrationsJuly2017()),
    ];

    public static TheoryData<SpreadsheetVariant, string> Variants => new()
    {
        { SpreadsheetVariant.CommaSeparated, "TRENNZEICHEN" },
        { SpreadsheetVariant.TabSeparated, "TRENNZEICHEN" },
        { SpreadsheetVariant.Utf8WithoutBom, "KODIERUNG" },
        { SpreadsheetVariant.Windows1252, "KODIERUNG" },
        { SpreadsheetVariant.TrailingBlankColumns, "LEERSPALTE" },
        { SpreadsheetVariant.HeaderMoved, "KOPFZEILE_VERSCHOBEN" },
        { SpreadsheetVariant.LabelSpaces, "BEZEICHNUNG_LEERZEICHEN" },
        { SpreadsheetVariant.MonthNames, "MONATSANGABE" },
        { SpreadsheetVariant.ExcelMonthAbbreviations, "MONATSANGABE" },
        { SpreadsheetVariant.MonthNumbers, "MONATSANGABE" },
        { SpreadsheetVariant.MonthDates, "MONATSANGABE" },
    };

    private static void Write(string inbox, SpreadsheetVariant variant)
    {
        foreach (var (name, rows) in Samples)
        {
            BaSpecialEvaluationWriter.Write(rows, Path.Combine(inbox, name), variant);
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_special_evaluation_in_a_real_export_form_loads_the_figures_of_the_contract_form_and_notes_it(SpreadsheetVariant variant, string code)
    {
        using var canonical = new VariantWarehouse("ba-statistik");
        Write(canonical.Inbox, SpreadsheetVariant.None);
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse("ba-statistik");
        Write(real.Inbox, variant);

        var loaded = await real.LoadAsync();

        Assert.All(loaded.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        // Lone parents: 3 quarters × 7 months of July, April to June superseded by October's 3 × 6; 6 + 6 city figures.
        Assert.Equal((3 * 7) - (3 * 3) + (3 * 6) + 12, expected.Facts.Count);
        Assert.Equal(expected.Facts, loaded.Facts);
        Assert.Empty(expected.Notes);
        // Two more skipped rows per file (the title and the blank line) where the header moved, else the same counts.
        var titles = variant == SpreadsheetVariant.HeaderMoved ? 2 * Samples.Length : 0;
        Assert.Equal((expected.Counts.Read + titles, expected.Counts.Loaded, expected.Counts.Rejected, expected.Counts.Skipped + titles), loaded.Counts);
        Assert.Equal([code], loaded.Notes.Select(n => n.Code).Distinct());
        Assert.Equal(Samples.Select(s => s.Name).Order(StringComparer.Ordinal), loaded.Notes.Select(n => n.File).Distinct());
    }

    [Fact]
    public async Task Each_month_form_is_noted_once_per_spelling_with_how_often_the_file_has_it()
    {
        using var real = new VariantWarehouse("ba-statistik");
        Write(real.Inbox, SpreadsheetVariant.MonthNumbers | SpreadsheetVariant.CommaSeparated);

        var loaded = await real.LoadAsync();

        var training = loaded.Notes.Where(n => n.File == BaSampleSet.TrainingAndIntegrations).Select(n => (n.Code, n.Message, n.Count)).ToList();
        Assert.Equal(("TRENNZEICHEN", "Trennzeichen ',' statt ';' gelesen", 1L), training[0]);
        // January to June twice (entries into training, integrations), July twice and the Gütersloh row once in June.
        Assert.Equal(("MONATSANGABE", "Berichtsmonat '01/2017' als Januar 2017 gelesen", 2L), training[1]);
        Assert.Equal(("MONATSANGABE", "Berichtsmonat '06/2017' als Juni 2017 gelesen", 3L), training[6]);
        Assert.Equal(("MONATSANGABE", "Berichtsmonat '07/2017' als Juli 2017 gelesen", 2L), training[7]);
        Assert.Equal(8, training.Count);
    }
}
