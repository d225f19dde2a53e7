namespace Bielefeld.Etl.Tests.Cli;

/// <summary><c>catalog check</c>: every target beside the plan's sentence it came from, for the controlling team to sign off.</summary>
public sealed class CatalogCheckSpecs
{
    [Fact]
    public async Task Catalog_check_prints_every_target_beside_the_plan_sentence_with_what_is_assumed_and_the_corrections()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "catalog", "check", "--catalog", RepositoryPaths.Catalog2017);

        Assert.True(exit == 0, output);
        var lines = output.Split('\n');
        Assert.Equal(
            [
                "540-1.1  Zufriedenheit der Eltern mit/nach der Schulung (individuelle Ebene)  [quote, %]",
                "  Ziel:  mehr_als 50 %; kalenderjahr; Stadt",
                "  Plan:  „Zufriedenheit bzw. Zustimmung von mehr als 50% der befragten Eltern bzw. Mitarbeiterinnen und Mitarbeiter aus Kita und Grundschule“",
            ],
            lines.SkipWhile(l => !l.StartsWith("540-1.1 ", StringComparison.Ordinal)).Take(3));
        Assert.Equal(
            [
                "Jobcenter-8.1  Arbeitslose Alleinerziehende in Sennestadt, Baumheide und Sieker  [bestand, Anzahl]",
                "  Ziel:  reduktion 5 %; kalenderjahr; Bereiche quartier:sennestadt + quartier:baumheide + quartier:sieker zusammen; Basis angenommen: Wert des Monats vor dem Zeitraum",
                "  Plan:  „Bestandsreduzierung um 5%.“",
            ],
            lines.SkipWhile(l => !l.StartsWith("Jobcenter-8.1 ", StringComparison.Ordinal)).Take(3));
        Assert.Contains("  Ziel:  erledigt_bis; bis 2017-12-31; Stadt; Stichtag 2017-12-31 (angenommen)", lines.SkipWhile(l => !l.StartsWith("510-7.3 ", StringComparison.Ordinal)).Take(2));
        Assert.Contains("  Ziel:  erledigt_bis; bis 2018-12-31; Stadt; Stichtag 2018-12-31 (laut Plan)", lines.SkipWhile(l => !l.StartsWith("510-4.1 ", StringComparison.Ordinal)).Take(2));
        Assert.Contains(lines, l => l.StartsWith("  Korrektur: ziel.wert „2“ → „4“ (jeweils zwei Mal", StringComparison.Ordinal));
        Assert.Equal("88 Indikatoren, 79 Ziele, davon 5 mit angenommenem Stichtag oder angenommener Basis; 12 Korrekturen in korrekturen.yml.", lines.Last(l => l.Length > 0));
    }
}
