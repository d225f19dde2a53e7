using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.Meldebogen;
using Bielefeld.Etl.Tests.Sources.Meldebogen;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Sources.German;

/// <summary>A Meldebogen passed on by hand (title above the header, odd spaces, figures as text, sheet renamed) loads the template's figures.</summary>
public sealed class MeldebogenVariantSpecs
{
    private const string AllowRenamedSheet = "  sheet_aliases: [Meldungen 2017]\n";

    public static TheoryData<SpreadsheetVariant, string[]> Variants => new()
    {
        { SpreadsheetVariant.HeaderMoved, ["KOPFZEILE_VERSCHOBEN"] },
        { SpreadsheetVariant.LabelSpaces, ["BEZEICHNUNG_LEERZEICHEN"] },
        { SpreadsheetVariant.NumbersAsText, ["ZAHL_ALS_TEXT"] },
        { SpreadsheetVariant.RenamedSheet, ["BLATT_UMBENANNT"] },
        {
            SpreadsheetVariant.HeaderMoved | SpreadsheetVariant.LabelSpaces | SpreadsheetVariant.NumbersAsText | SpreadsheetVariant.RenamedSheet,
            ["BEZEICHNUNG_LEERZEICHEN", "BLATT_UMBENANNT", "KOPFZEILE_VERSCHOBEN", "ZAHL_ALS_TEXT"]
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public async Task A_Meldebogen_passed_on_by_hand_loads_the_same_figures_as_the_template(SpreadsheetVariant variant, string[] codes)
    {
        using var canonical = new VariantWarehouse("meldebogen");
        MeldebogenSampleSet.WriteTo(canonical.Inbox, KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping);
        var expected = await canonical.LoadAsync();
        using var real = new VariantWarehouse("meldebogen");
        MeldebogenSampleSet.WriteTo(real.Inbox, KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping, variant);

        var loaded = await real.LoadAsync(yaml => yaml.Replace("meldebogen:\n", "meldebogen:\n" + AllowRenamedSheet, StringComparison.Ordinal));

        Assert.Equal(FileLoadStatus.Loaded, Assert.Single(loaded.Files).Status);
        Assert.Equal(10, expected.Facts.Count);
        Assert.Equal(expected.Facts, loaded.Facts);
        var titleRows = variant.HasFlag(SpreadsheetVariant.HeaderMoved) ? 2 : 0;
        Assert.Equal((53 + titleRows, 4, 2, 47 + titleRows), loaded.Counts);
        Assert.Empty(expected.Notes);
        Assert.Equal(codes, loaded.Notes.Select(n => n.Code).Distinct().Order(StringComparer.Ordinal));
    }
}
