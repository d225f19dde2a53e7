using System.Text;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>The steward's commands as a real process: meldebogen generates templates, rejects lists and exports rejected rows.</summary>
public sealed class StewardCliSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Connection => $"Data Source={_dir.File("warehouse.db")}";

    private string CopySamplesToInbox()
    {
        var inbox = _dir.Folder("inbox");
        foreach (var source in new[] { "kaf", "meldebogen" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(inbox, source)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, source)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return inbox;
    }

    [Fact]
    public async Task Rejects_lists_the_samples_rejected_rows_newest_first_filters_and_exports_them()
    {
        var environment = new Dictionary<string, string> { ["BIELEFELD_ETL_REPORTS"] = _dir.Folder("reports") };
        var (initExit, initOutput) = await CliProcess.RunAsync(null, "init", "--connection", Connection);
        Assert.True(initExit == 0, initOutput);
        var (runExit, runOutput) = await CliProcess.RunAsync(environment, "run", "--all", "--inbox", CopySamplesToInbox(), "--connection", Connection);
        Assert.Equal(0, runExit);
        Assert.Contains("Bericht: ", runOutput, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(_dir.Folder("reports"), "abgewiesen_*").Length); // FIM and the Meldebogen, CSV and HTML each

        var (exit, output) = await CliProcess.RunAsync(null, "rejects", "--connection", Connection);

        Assert.Equal(0, exit);
        var lines = output.Split('\n');
        var meldebogen = Array.FindIndex(lines, l => l.Contains("WERT_KEINE_ZAHL", StringComparison.Ordinal));
        var kaf = Array.FindIndex(lines, l => l.Contains("SUMME_ABWEICHEND", StringComparison.Ordinal));
        Assert.True(meldebogen >= 0 && kaf > meldebogen, output);

        var csv = _dir.File("kaf.csv");
        var html = _dir.File("kaf.html");
        var (exportExit, exportOutput) = await CliProcess.RunAsync(null, "rejects", "--source", "kaf", "--reason", "SUMME_ABWEICHEND", "--csv", csv, "--html", html, "--connection", Connection);

        Assert.Equal(0, exportExit);
        Assert.DoesNotContain("WERT_KEINE_ZAHL", exportOutput, StringComparison.Ordinal);
        Assert.Equal(
            ["Datei;Blatt;Zeile;Spalte;Rohwert;Grund-Code;Grund", "KAF_FIM_2017.xlsx;Controlling;9;N;11;SUMME_ABWEICHEND;Summe 11 weicht von der Summe der Monate 9 ab."],
            await File.ReadAllLinesAsync(csv, Encoding.UTF8, TestContext.Current.CancellationToken));
        Assert.Contains("<td>KAF_FIM_2017.xlsx</td>", await File.ReadAllTextAsync(html, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var (fileExit, fileOutput) = await CliProcess.RunAsync(null, "rejects", "--file", "Meldebogen_500-8_2017.xlsx", "--connection", Connection);
        Assert.Equal(0, fileExit);
        Assert.Equal(3, fileOutput.Split('\n').Count(l => l.Contains("Meldebogen_500-8_2017", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Meldebogen_writes_the_template_of_a_measure_and_refuses_an_unknown_one()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "meldebogen", "--measure", "500-8", "--year", "2017", "--out", _dir.Path, "--format", "csv", "--connection", Connection);

        Assert.Equal(0, exit);
        Assert.Contains("(52 Zeilen, 2 Indikatoren)", output, StringComparison.Ordinal);
        var lines = await File.ReadAllLinesAsync(_dir.File("Meldebogen_500-8_2017.csv"), TestContext.Current.CancellationToken);
        Assert.Equal("Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von", lines[0].TrimStart('\uFEFF'));
        Assert.Equal("500-8.1;Bildung von Stadtteileteams;erledigt;2017;Quartier Heepen;;;;;;;", lines[1]);

        var (unknownExit, unknownOutput) = await CliProcess.RunAsync(null, "meldebogen", "--measure", "999-1", "--year", "2017", "--out", _dir.Path, "--connection", Connection);
        Assert.Equal(2, unknownExit);
        Assert.Contains("Die Maßnahme '999-1' steht nicht im Plan 2017.", unknownOutput, StringComparison.Ordinal);
    }
}
