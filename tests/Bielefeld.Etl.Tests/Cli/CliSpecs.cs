using Bielefeld.Etl.Synthetic.Kaf;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>The command-line program as operators and the nightly job use it: real process, real files, real SQLite file.</summary>
public sealed class CliSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Database => _dir.File("warehouse.db");

    private string Connection => $"Data Source={Database}";

    private string CopySamplesToInbox()
    {
        var inbox = _dir.Folder("inbox");
        var kaf = Directory.CreateDirectory(Path.Combine(inbox, "kaf")).FullName;
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            File.Copy(file, Path.Combine(kaf, Path.GetFileName(file)));
        }

        return inbox;
    }

    // run and the other commands refuse a warehouse that does not exist; init creates it.
    private async Task InitAsync()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "init", "--connection", Connection);
        Assert.True(exit == 0, output);
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection(Connection);
        return connection.Query<T>(sql).ToList();
    }

    [Fact]
    public async Task Run_all_on_the_samples_exits_0_shows_the_loads_and_attainment_and_status_lists_them()
    {
        await InitAsync();
        var inbox = CopySamplesToInbox();

        var (exit, output) = await CliProcess.RunAsync(null, "run", "--all", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(0, exit);
        Assert.Contains("kaf: KAF_FIM_2017.xlsx: 12 Zeilen gelesen, fertig", output, StringComparison.Ordinal);
        Assert.Equal(5, Directory.GetFiles(Path.Combine(inbox, "kaf")).Length); // run moves nothing without --archive
        Assert.Contains("REGE-9.1", output, StringComparison.Ordinal);
        var (statusExit, status) = await CliProcess.RunAsync(null, "status", "--connection", Connection);
        Assert.Equal(0, statusExit);
        Assert.Contains("Letzter Stand je Pipeline", status, StringComparison.Ordinal);
        Assert.Single(status.Split('\n'), l => l.Contains("│ kaf ", StringComparison.Ordinal) && l.Contains("30 5 * * *", StringComparison.Ordinal));
        Assert.Equal(5, status.Split('\n').Count(l => l.Contains("KAF_", StringComparison.Ordinal) && l.Contains("geladen", StringComparison.Ordinal) && !l.Contains("30 5 * * *", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Run_needs_all_or_a_pipeline_name()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "run", "--connection", Connection);

        Assert.NotEqual(0, exit);
        Assert.Contains("Entweder --all oder --pipeline <name> angeben.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_pipeline_name_fails_the_run_with_exit_code_2_and_names_the_known_ones()
    {
        await InitAsync();
        var (exit, output) = await CliProcess.RunAsync(null, "run", "--pipeline", "rekom-alt", "--inbox", _dir.Folder("inbox"), "--connection", Connection);

        Assert.Equal(2, exit);
        // Every shipped pipeline is named; the list grows with each source, so only its shape and one member are pinned.
        Assert.Matches(@"Unbekannte Pipeline: rekom-alt \(bekannt: [a-z0-9_, -]*\bkaf\b[a-z0-9_, -]*\)", output);
    }

    [Fact]
    public async Task A_pipeline_file_naming_an_unknown_indicator_is_refused_at_start_up_before_any_file_is_read()
    {
        var pipelines = _dir.Folder("pipelines");
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Pipelines, "kaf.yml"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(pipelines, "kaf.yml"), text.Replace("REGE-13.1", "REGE-13.7", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var inbox = CopySamplesToInbox();

        var (exit, output) = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["BIELEFELD_ETL_PIPELINES"] = pipelines },
            "run", "--all", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(2, exit);
        Assert.Contains("'Erreichte Kinder und Eltern' verweist auf den Indikator REGE-13.7, den der Plan 2017 nicht kennt", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Killing_the_process_in_the_middle_of_a_load_leaves_nothing_half_done_and_the_next_run_completes_it()
    {
        await InitAsync();
        var inbox = CopySamplesToInbox();
        // A large workbook, loaded after the five samples: one valid row, then 60.000 repetitions of it, each
        // rejected as a duplicate Kennzahl.
        var row = new KafRow("Teilnehmende in Coachingprozessen", [5, 6, 7, null, null, null, null, null, null, null, null, null]);
        var big = new KafWorkbook("THEO", "Bildungslotsin Theodora", 2017, [.. Enumerable.Repeat(row, 60_001)])
        {
            Remarks = ["Stand: 05.07.2017"],
        };
        KafWorkbookWriter.Write(big, Path.Combine(inbox, "kaf", "KAF_THEO_2017.xlsx"));

        using (var first = CliProcess.Start(null, "run", "--all", "--inbox", inbox, "--connection", Connection))
        {
            var midLoad = await first.WaitForLineAsync(l => l.StartsWith("kaf: KAF_THEO_2017.xlsx: 1000 Zeilen gelesen …", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
            Assert.True(midLoad, "the load finished before it could be killed: " + string.Join('\n', first.Output));
            first.Kill();
            await first.WaitAsync(TimeSpan.FromSeconds(30));
        }

        // The files loaded before the kill are complete; the one being loaded left no trace.
        Assert.Equal(5, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE status = 'geladen'").Single());
        Assert.Empty(Query<string>("SELECT datei FROM rpt_ladeprotokoll WHERE datei = 'KAF_THEO_2017.xlsx'"));
        Assert.Equal(1, Query<int>("SELECT COUNT(*) FROM rpt_abgewiesene_zeilen").Single()); // FIM's sample row
        Assert.Equal(0, Query<int>("SELECT COUNT(*) FROM stg_observation").Single());

        var (exit, _) = await CliProcess.RunAsync(null, "run", "--all", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(0, exit);
        var loads = Query<(string Datei, string Status, int Gelesen, int Geladen, int Abgewiesen, int Uebersprungen)>(
            "SELECT datei, status, zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM rpt_ladeprotokoll WHERE datei = 'KAF_THEO_2017.xlsx' ORDER BY datei_id");
        Assert.Equal([("KAF_THEO_2017.xlsx", "geladen", 60_009, 1, 60_000, 8)], loads);
        Assert.Equal(60_000, Query<int>("SELECT COUNT(*) FROM rpt_abgewiesene_zeilen WHERE grund_code = 'KENNZAHL_DOPPELT'").Single());
        Assert.Equal(6, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE status = 'geladen'").Single());
    }
}
