using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reports;

/// <summary>The rejected-row report written after a load: what a steward opens in German Excel or a browser.</summary>
public sealed class StewardReportSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Reports => _dir.Folder("reports");

    private async Task<FileLoadResult> LoadAsync(params string[] lines)
    {
        var inbox = _dir.Folder("inbox");
        var folder = Directory.CreateDirectory(Path.Combine(inbox, "meldebogen")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "Meldebogen_540-10_2017.csv"), string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true), TestContext.Current.CancellationToken);
        var connection = $"Data Source={_dir.File("warehouse.db")}";
        var options = new EtlOptions(inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", connection)) { Reports = Reports };
        // The report says when it was written: the run's clock, fixed at 06.07.2017 05:30 in Bielefeld.
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 7, 6, 3, 30, 0, TimeSpan.Zero));
        var run = PipelineRun.Prepare(options, new SqliteWarehouse(connection, clock), NullLogger.Instance, clock);
        return Assert.Single((await run.RunAsync(["meldebogen"], null, TestContext.Current.CancellationToken)).Files);
    }

    private Task<FileLoadResult> LoadHostileFileAsync() => LoadAsync(
        "Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von",
        "540-10.1;;;2017-01;;=SUMME(A1);;;;;;540.1",
        "540-10.1;;;2017-02;<script>alert(1)</script>;2;;;;;;540.1",
        "540-10.1;;;2017-03;;3;;;;;;540.1");

    [Fact]
    public async Task The_csv_report_has_a_BOM_semicolons_German_headers_and_formulas_neutralised()
    {
        var result = await LoadHostileFileAsync();
        var csv = Assert.Single(Directory.GetFiles(Reports, "*.csv"));

        Assert.Equal(csv, result.StewardReport);
        Assert.Equal("abgewiesen_000001_Meldebogen_540-10_2017.csv", Path.GetFileName(csv));
        var bytes = await File.ReadAllBytesAsync(csv, TestContext.Current.CancellationToken);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("Datei;Blatt;Zeile;Spalte;Rohwert;Grund-Code;Grund\r\n", Encoding.UTF8.GetString(bytes[3..]), StringComparison.Ordinal);
        using var reader = CsvReader.FromFile(csv, new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        Assert.Equal(2, rows.Count);
        Assert.Equal(["Meldebogen_540-10_2017.csv", "", "2", "Wert", "'=SUMME(A1)", "WERT_KEINE_ZAHL"], rows[0][..6]);
        Assert.Equal(["3", "Bereich", "<script>alert(1)</script>", "BEREICH_UNBEKANNT"], rows[1][2..6]);
    }

    [Fact]
    public async Task The_html_report_escapes_every_value()
    {
        await LoadHostileFileAsync();
        var html = await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(Reports, "*.html")), TestContext.Current.CancellationToken);

        Assert.Contains("<td class=\"raw\">&lt;script&gt;alert(1)&lt;/script&gt;</td>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"raw\">=SUMME(A1)</td>", html, StringComparison.Ordinal);
        Assert.Contains("2 abgewiesene Zeilen · erstellt am 06.07.2017 05:30", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_load_without_rejected_rows_writes_no_report()
    {
        var result = await LoadAsync(
            "Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von",
            "540-10.1;;;2017-03;;3;;;;;;540.1");

        Assert.Equal((FileLoadStatus.Loaded, 1, (string?)null), (result.Status, result.Counts.Loaded, result.StewardReport));
        Assert.Empty(Directory.GetFiles(Reports));
    }
}
