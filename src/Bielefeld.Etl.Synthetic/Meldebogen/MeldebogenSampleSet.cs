using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Sources.Meldebogen;

namespace Bielefeld.Etl.Synthetic.Meldebogen;

/// <summary>
/// The shipped Meldebogen sample: the product's template for measure 500-8 (Netzwerkstrukturen in den Quartieren
/// Heepen, Sennestadt, Jöllenbeck und Stieghorst), 2017, as filled in by early July 2017.
/// </summary>
public static class MeldebogenSampleSet
{
    /// <summary>The measure of the sample.</summary>
    public const string Measure = "500-8";

    /// <summary>The sample's file name.</summary>
    public const string FileName = "Meldebogen_500-8_2017.xlsx";

    private const int Year = 2017;
    private const string Reporter = "500.43 Quartierssozialarbeit";

    /// <summary>
    /// The template rows (52: 500-8.1 once per Quartier for 2017, 500-8.2 per Quartier and month) with these filled in:
    /// <list type="bullet">
    /// <item>500-8.1 Stadtteileteam gegründet: Quartier Heepen 15.03.2017, Sennestadt 04.05.2017 (both loaded).</item>
    /// <item>500-8.1 Stieghorst: a 1 typed into Wert instead of a date in Erledigt_am: rejected (FELD_FEHLT and FELD_UNZULAESSIG).</item>
    /// <item>500-8.2 Vereinbarungen: Heepen 2017-04 = 1, Sennestadt 2017-06 = 1 (loaded); Heepen 2017-02 „ca. 2“: rejected (WERT_KEINE_ZAHL).</item>
    /// </list>
    /// Read 53 rows (header included): 4 loaded, 2 rejected, 47 skipped (header, 46 rows not filled in).
    /// </summary>
    public static IReadOnlyList<MeldebogenEntry> For2017(PlanCatalog plan, AreaCatalog areas, MeldebogenMapping mapping) =>
        [.. MeldebogenTemplate.ForMeasure(plan, areas, mapping, Measure, Year).Select(Fill)];

    /// <summary>Writes the sample into <paramref name="directory"/> (created if missing) and returns its path.</summary>
    /// <param name="directory">The target directory.</param>
    /// <param name="plan">The plan the template comes from.</param>
    /// <param name="areas">The areas of the template rows.</param>
    /// <param name="mapping">The pipeline's Meldebogen section.</param>
    /// <param name="variant">Forms of a Meldebogen passed on by hand (<see cref="MeldebogenVariantWriter"/>); the contract's template when none.</param>
    public static string WriteTo(string directory, PlanCatalog plan, AreaCatalog areas, MeldebogenMapping mapping, SpreadsheetVariant variant = SpreadsheetVariant.None)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (variant == SpreadsheetVariant.None)
        {
            MeldebogenFileWriter.Write(For2017(plan, areas, mapping), plan, path);
        }
        else
        {
            MeldebogenVariantWriter.Write(For2017(plan, areas, mapping), path, variant);
        }

        return path;
    }

    private static MeldebogenEntry Fill(MeldebogenEntry row) => (row.Indikator, row.Periode, row.Bereich) switch
    {
        ("500-8.1", "2017", "Quartier Heepen") => row with { ErledigtAm = "15.03.2017", GemeldetVon = Reporter, Kommentar = "Auftakt im Stadtteilbüro" },
        ("500-8.1", "2017", "Quartier Sennestadt") => row with { ErledigtAm = "04.05.2017", GemeldetVon = Reporter },
        ("500-8.1", "2017", "Quartier Stieghorst") => row with { Wert = "1", GemeldetVon = Reporter, Kommentar = "gegründet im Juni" },
        ("500-8.2", "2017-02", "Quartier Heepen") => row with { Wert = "ca. 2", GemeldetVon = Reporter },
        ("500-8.2", "2017-04", "Quartier Heepen") => row with { Wert = "1", GemeldetVon = Reporter },
        ("500-8.2", "2017-06", "Quartier Sennestadt") => row with { Wert = "1", GemeldetVon = Reporter },
        _ => row,
    };
}
