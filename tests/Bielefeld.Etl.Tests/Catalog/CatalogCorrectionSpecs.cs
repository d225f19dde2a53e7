using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>korrekturen.yml: a reviewer's decision survives the next import, and goes stale when the plan text moves under it.</summary>
public sealed class CatalogCorrectionSpecs
{
    [Fact]
    public void A_correction_is_applied_by_every_import_and_reported_as_a_finding()
    {
        using var dir = new TempDirectory();
        WriteCorrections(dir.Path,
            """
            korrekturen:
              - code: REGE-21.1
                feld: ziel.wert
                alt: 120
                neu: 130
                grund: Ausschussbeschluss
                von: M. Muster
              - code: Jobcenter-20
                feld: aufwand.eur_pro_jahr
                alt: ""
                neu: 12500.50
                grund: Kosten aus dem Haushaltsplan
            """);

        var findings = CatalogImporter.Import(RepositoryPaths.PlanExcerpt2019, dir.Path);
        CatalogImporter.Import(RepositoryPaths.PlanExcerpt2019, dir.Path);

        var catalog = CatalogFiles.Read(dir.Path);
        Assert.Equal(130m, Assert.Single(catalog.FindIndicator("REGE-21.1")!.Targets).Value);
        Assert.Equal(12500.50m, catalog.Measures.Single(m => m.Code == "Jobcenter-20").CostEurosPerYear);
        Assert.Equal(14, findings.Count);
        Assert.Equal(new ImportFinding("REGE-21.1", "Korrektur angewandt: ziel.wert „120“ → „130“ (Ausschussbeschluss, M. Muster)."), findings[^2]);
        Assert.Equal(new ImportFinding("Jobcenter-20", "Korrektur angewandt: aufwand.eur_pro_jahr „“ → „12500.50“ (Kosten aus dem Haushaltsplan)."), findings[^1]);
    }

    [Fact]
    public void A_correction_whose_old_value_the_import_no_longer_gives_is_reported_stale_and_not_applied()
    {
        using var dir = new TempDirectory();
        WriteCorrections(dir.Path,
            """
            korrekturen:
              - code: REGE-21.1
                feld: ziel.wert
                alt: 95
                neu: 100
                grund: Ausschussbeschluss
            """);

        var findings = CatalogImporter.Import(RepositoryPaths.PlanExcerpt2019, dir.Path);

        Assert.Equal(120m, Assert.Single(CatalogFiles.Read(dir.Path).FindIndicator("REGE-21.1")!.Targets).Value);
        Assert.Equal(
            new ImportFinding("REGE-21.1", "Korrektur von ziel.wert nicht angewandt: der Import liefert jetzt „120“, die Korrektur erwartet „95“. Bitte neu prüfen."),
            findings[^1]);
    }

    [Fact]
    public void An_invalid_correction_stops_the_import_before_any_file_is_written()
    {
        using var dir = new TempDirectory();
        WriteCorrections(dir.Path,
            """
            korrekturen:
              - code: REGE-99.1
                feld: art
                alt: anzahl
                neu: bestand
                grund: gibt es nicht
              - code: REGE-21.1
                feld: farbe
                neu: rot
                grund: unbekanntes Feld
              - code: REGE-21.1
                feld: ziel.wert
                alt: 120
                neu: hundert
                grund: keine Zahl
              - code: REGE-22.1
                feld: art
                alt: anzahl
                neu: bestand
            """);

        var ex = Assert.Throws<CatalogException>(() => CatalogImporter.Import(RepositoryPaths.PlanExcerpt2019, dir.Path));

        Assert.Equal(4, ex.Problems.Count);
        Assert.Equal("korrekturen.yml, Korrektur 1 (REGE-99.1 art): weder eine Maßnahme noch ein Indikator dieses Codes.", ex.Problems[0]);
        Assert.StartsWith("korrekturen.yml, Korrektur 2 (REGE-21.1 farbe): unbekanntes Feld eines Indikators; möglich sind bezeichnung, art,", ex.Problems[1], StringComparison.Ordinal);
        Assert.Equal("korrekturen.yml, Korrektur 3 (REGE-21.1 ziel.wert): der neue Wert 'hundert' passt nicht: eine Zahl mit Punkt als Dezimaltrenner ist nötig.", ex.Problems[2]);
        Assert.Equal("korrekturen.yml, Korrektur 4 (REGE-22.1 art): ohne Grund; jede Korrektur braucht eine Begründung für die nächste Prüfung.", ex.Problems[3]);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "massnahmen")));
    }

    private static void WriteCorrections(string directory, string yaml) =>
        File.WriteAllText(Path.Combine(directory, CatalogCorrections.FileName), yaml);
}
