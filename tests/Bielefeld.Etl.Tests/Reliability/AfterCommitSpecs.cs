using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Reports;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// A file's outcome is its transaction's: what fails after the commit (the steward report, the attainment
/// recomputation) is a warning of the run, the file stays geladen with one protocol row, and the next run repairs it.
/// </summary>
public sealed class AfterCommitSpecs : IDisposable
{
    private static readonly DateTimeOffset Now = new(2017, 7, 6, 3, 30, 0, TimeSpan.Zero);
    private readonly OperationsInbox _inbox = new(withSamples: false);
    private readonly List<string> _log = [];

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<RunSummary> RunAsync(string database, string? reports = null)
    {
        var clock = new FakeTimeProvider(Now);
        var settings = new WarehouseSettings("sqlite", $"Data Source={database}");
        var options = _inbox.Options(settings, moveFiles: false) with { Reports = reports };
        return PipelineRun.Prepare(options, new SqliteWarehouse(settings.ConnectionString, clock), OperationsInbox.Logger(_log), clock).RunAsync([], null, Token);
    }

    private void DeliverSamples()
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            var target = Path.Combine(_inbox.Kaf, Path.GetFileName(file));
            File.Copy(file, target);
            File.SetLastWriteTimeUtc(target, Now.UtcDateTime.AddHours(-1));
        }
    }

    private static async Task<List<string>> AttainmentAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        return [.. await connection.QueryAsync<string>(
            "SELECT indikator_code || '|' || monat || '|' || bereich_code || '|' || coalesce(istwert, '') || '|' || coalesce(zielpfad, '') || '|' || coalesce(grad, '') || '|' || status FROM fact_zielerreichung ORDER BY 1")];
    }

    [Fact]
    public async Task A_steward_report_that_cannot_be_written_leaves_the_file_loaded_with_a_warning_and_the_next_run_writes_it()
    {
        var database = _inbox.File("warehouse.db");
        var reports = _inbox.File("berichte");
        // A file where the reports folder should be: nothing can be written below it (as root too).
        File.WriteAllText(reports, "kein Ordner");
        DeliverSamples();

        var first = await RunAsync(database, reports);
        File.Delete(reports);
        var second = await RunAsync(database, reports);

        Assert.False(first.HasFailures);
        Assert.Equal(5, first.Files.Count(f => f.Status == FileLoadStatus.Loaded));
        var fim = Assert.Single(first.Files, f => f.File.Name == "KAF_FIM_2017.xlsx");
        Assert.Null(fim.StewardReport);
        Assert.StartsWith("KAF_FIM_2017.xlsx: geladen, aber der Bericht der abgewiesenen Zeilen wurde nicht geschrieben (IOException", fim.Warning, StringComparison.Ordinal);
        Assert.Equal([fim.Warning!], first.Warnings);
        Assert.Equal(5, second.Files.Count(f => f.Status == FileLoadStatus.AlreadyLoaded));
        Assert.Empty(second.Warnings);
        var report = StewardReport.BaseName(fim.FileId!.Value, fim.File.Name);
        Assert.Equal([report + ".csv", report + ".html"], Directory.GetFiles(reports).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(reports, report + ".csv")).Length);
        await using var connection = new SqliteConnection($"Data Source={database}");
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_file WHERE datei = 'KAF_FIM_2017.xlsx'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_file WHERE status = 'fehlgeschlagen'"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM bericht_ausstehend"));
    }

    [Fact]
    public async Task An_attainment_recomputation_that_fails_after_the_commit_is_a_warning_and_the_next_run_recomputes_what_is_pending()
    {
        var control = _inbox.File("kontrolle.db");
        DeliverSamples();
        await RunAsync(control);
        var expected = await AttainmentAsync(control);
        foreach (var file in Directory.GetFiles(_inbox.Kaf))
        {
            File.Move(file, file + ".spaeter");
        }

        var database = _inbox.File("warehouse.db");
        await RunAsync(database);
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            await connection.ExecuteAsync("CREATE TRIGGER test_fehler BEFORE INSERT ON fact_zielerreichung BEGIN SELECT RAISE(ABORT, 'Testfehler'); END;");
        }

        foreach (var file in Directory.GetFiles(_inbox.Kaf, "*.spaeter"))
        {
            File.Move(file, file[..^".spaeter".Length]);
        }

        var failed = await RunAsync(database);
        List<string> pending;
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            pending = [.. await connection.QueryAsync<string>("SELECT DISTINCT indikator_code FROM zielerreichung_ausstehend ORDER BY 1")];
            await connection.ExecuteAsync("DROP TRIGGER test_fehler");
        }

        var repaired = await RunAsync(database);

        Assert.False(failed.HasFailures);
        Assert.Equal(5, failed.Files.Count(f => f.Status == FileLoadStatus.Loaded));
        Assert.Equal(0, failed.AttainmentFigures);
        var warning = Assert.Single(failed.Warnings);
        Assert.StartsWith("Zielerreichung nicht neu berechnet; der nächste Lauf holt es nach (SqliteException: SQLite Error 19: 'Testfehler'", warning, StringComparison.Ordinal);
        Assert.Equal([.. failed.AffectedIndicators.Order(StringComparer.Ordinal)], pending);
        Assert.NotEmpty(pending);
        Assert.Equal(5, repaired.Files.Count(f => f.Status == FileLoadStatus.AlreadyLoaded));
        Assert.Empty(repaired.Warnings);
        Assert.True(repaired.AttainmentFigures > 0);
        Assert.Equal(expected, await AttainmentAsync(database));
        await using var check = new SqliteConnection($"Data Source={database}");
        Assert.Equal(0L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM zielerreichung_ausstehend"));
        Assert.Equal(5L, await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM load_file WHERE status = 'geladen'"));
    }

    [Theory]
    [InlineData(240, "x")]
    [InlineData(236, "ä")]
    [InlineData(120, "😀")]
    public void A_steward_reports_name_stays_within_what_file_systems_allow_however_long_the_files_name(int length, string repeated)
    {
        using var folder = new TemporaryDirectory();
        var name = "BA_SA_" + string.Concat(Enumerable.Repeat(repeated, length)) + "_20170714.csv";

        var baseName = StewardReport.BaseName(123, name);
        StewardReport.WriteCsv([], Path.Combine(folder.Path, baseName + ".csv"));
        StewardReport.WriteHtml([], name, Now, Path.Combine(folder.Path, baseName + ".html"));

        Assert.StartsWith("abgewiesen_000123_BA_SA_", baseName, StringComparison.Ordinal);
        Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(baseName), StewardReport.MaxBaseNameBytes - 3, StewardReport.MaxBaseNameBytes);
        Assert.False(char.IsHighSurrogate(baseName[^1]));
        Assert.Equal(2, Directory.GetFiles(folder.Path).Length);
    }
}
