using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.Einwohnermeldeamt;
using Bielefeld.Etl.Synthetic.Prosoz;
using Bielefeld.Etl.Synthetic.Rekom;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>CSV exports whose header names carry spaces as copied from elsewhere load the same figures, and say so.</summary>
public sealed class CsvVariantSpecs
{
    public static TheoryData<string> Pipelines => ["prosoz", "rekom", "einwohnermeldeamt"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Header_names_with_leading_and_non_breaking_spaces_load_the_same_figures_as_the_contract_form(string pipeline)
    {
        using var canonical = new VariantWarehouse(pipeline);
        var files = Generator(pipeline, SpreadsheetVariant.None).Write(canonical.Inbox);
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse(pipeline);
        Generator(pipeline, SpreadsheetVariant.LabelSpaces).Write(real.Inbox);

        var loaded = await real.LoadAsync();

        Assert.All(loaded.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        Assert.NotEmpty(expected.Facts);
        Assert.Equal(expected.Facts, loaded.Facts);
        var generated = files[0].Expected;
        Assert.Equal(((int)generated.Read, (int)generated.Loaded, (int)generated.Rejected, (int)generated.Skipped), loaded.Counts);
        Assert.Empty(expected.Notes);
        var columns = Header(pipeline).Split(';');
        Assert.Equal(columns.Length, loaded.Notes.Count);
        // The CSV parser trims the ordinary leading space itself; the non-breaking one at the end is left for the reader.
        Assert.Equal($"Bezeichnung '{columns[0]}' mit geschütztem Leerzeichen, Leerzeichen am Ende gelesen", loaded.Notes[0].Message);
        Assert.All(loaded.Notes, n => Assert.Equal(("BEZEICHNUNG_LEERZEICHEN", 1L), (n.Code, n.Count)));
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public async Task Title_lines_above_the_header_are_skipped_rows_and_the_same_figures_load(string pipeline)
    {
        using var canonical = new VariantWarehouse(pipeline);
        Generator(pipeline, SpreadsheetVariant.None).Write(canonical.Inbox);
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse(pipeline);
        var files = Generator(pipeline, SpreadsheetVariant.HeaderMoved).Write(real.Inbox);

        var loaded = await real.LoadAsync();

        Assert.All(loaded.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        Assert.NotEmpty(expected.Facts);
        Assert.Equal(expected.Facts, loaded.Facts);
        // 300 data rows, the header, a title line and a blank line: read = loaded + rejected + skipped.
        var generated = files[0].Expected;
        Assert.Equal((303L, 3L), (generated.Read, generated.Skipped));
        Assert.Equal(((int)generated.Read, (int)generated.Loaded, (int)generated.Rejected, (int)generated.Skipped), loaded.Counts);
        Assert.Equal(expected.Counts.Loaded, loaded.Counts.Loaded);
        Assert.Equal(("KOPFZEILE_VERSCHOBEN", "Kopfzeile in Zeile 3 statt 1 gefunden", 1L), Assert.Single(loaded.Notes.Select(n => (n.Code, n.Message, n.Count))));
    }

    private static CsvExtractGenerator Generator(string pipeline, SpreadsheetVariant variant) => pipeline switch
    {
        "prosoz" => new ProsozCaseGenerator(300, 7) { Variant = variant },
        "rekom" => new RekomExportGenerator(300, 7) { Variant = variant },
        _ => new EinwohnerCountGenerator(300, 7) { Variant = variant },
    };

    private static string Header(string pipeline) => pipeline switch
    {
        "prosoz" => ProsozCaseGenerator.Header,
        "rekom" => RekomExportGenerator.Header,
        _ => EinwohnerCountGenerator.Header,
    };
}
