using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>A catalog with an error is refused on load with a message that names the file, the code and the problem.</summary>
public sealed class CatalogValidationOnLoad
{
    private const string Plan = "jahr: 2017\ntitel: Test\n";

    [Fact]
    public void An_unknown_indicator_kind_is_refused_naming_the_allowed_kinds()
    {
        using var dir = Catalog(("REGE-1.yml", Measure("REGE-1", Indicator("REGE-1.1", art: "stueckzahl"))));

        var error = Assert.Throws<CatalogException>(() => CatalogFiles.Read(dir.Path));

        var problem = Assert.Single(error.Problems);
        Assert.Contains("REGE-1.yml, REGE-1.1: unbekannte Art 'stueckzahl'", problem, StringComparison.Ordinal);
        Assert.Contains("anzahl, betrag, bestand, quote, veroeffentlichte_quote, meilenstein, qualitativ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_indicator_code_is_refused()
    {
        using var dir = Catalog(("REGE-1.yml", Measure("REGE-1", Indicator("REGE-1.1"), Indicator("REGE-1.1"))));

        var error = Assert.Throws<CatalogException>(() => CatalogFiles.Read(dir.Path));

        Assert.Equal(["Indikator REGE-1.1 kommt mehrfach vor."], error.Problems);
    }

    [Fact]
    public void A_duplicate_measure_code_is_refused()
    {
        using var dir = Catalog(
            ("REGE-1.yml", Measure("REGE-1", Indicator("REGE-1.1"))),
            ("REGE-1-kopie.yml", Measure("REGE-1", Indicator("REGE-1.2"))));

        var error = Assert.Throws<CatalogException>(() => CatalogFiles.Read(dir.Path));

        Assert.Contains("Maßnahme REGE-1 kommt mehrfach vor.", error.Problems);
    }

    [Fact]
    public void A_darunter_value_without_its_parent_is_refused()
    {
        using var dir = Catalog(("REGE-1.yml", Measure("REGE-1", Indicator("REGE-1.1", eltern: "REGE-1.9"))));

        var error = Assert.Throws<CatalogException>(() => CatalogFiles.Read(dir.Path));

        Assert.Equal(["Indikator REGE-1.1 ist ein Darunter-Wert von REGE-1.9, den es im Plan nicht gibt."], error.Problems);
        Assert.Contains("Der Plankatalog ist fehlerhaft", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_catalog_file_loads()
    {
        using var dir = Catalog(("REGE-1.yml", Measure("REGE-1", Indicator("REGE-1.1"), Indicator("REGE-1.2", eltern: "REGE-1.1"))));

        var catalog = CatalogFiles.Read(dir.Path);

        Assert.Equal("REGE-1.1", catalog.FindIndicator("REGE-1.2")!.ParentCode);
    }

    private static TempDirectory Catalog(params (string File, string Text)[] measures)
    {
        var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "plan.yml"), Plan);
        Directory.CreateDirectory(Path.Combine(dir.Path, "massnahmen"));
        foreach (var (file, text) in measures)
        {
            File.WriteAllText(Path.Combine(dir.Path, "massnahmen", file), text);
        }

        return dir;
    }

    private static string Measure(string code, params string[] indicators) =>
        $"code: {code}\ntitel: Test\norganisationseinheit: REGE\nindikatoren:\n{string.Concat(indicators)}";

    private static string Indicator(string code, string art = "anzahl", string? eltern = null) =>
        $"- code: {code}\n  bezeichnung: Test\n  art: {art}\n  einheit: Anzahl\n"
        + (eltern is null ? "" : $"  eltern: {eltern}\n")
        + "  ziele:\n  - vergleich: mindestens\n    wert: 1\n    zeitraum: kalenderjahr\n    wortlaut: '1'\n";
}
