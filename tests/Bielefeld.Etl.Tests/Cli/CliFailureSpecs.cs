using System.Net;
using System.Net.Sockets;
using Bielefeld.Etl.Tests.Operations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>
/// The nightly job fails loudly: every operator mistake that used to look like a quiet night is one German line
/// starting with "Fehler:" and an exit code from README's table (real process, real files, real SQLite file).
/// </summary>
public sealed class CliFailureSpecs : IDisposable
{
    private const string Help = ". Hilfe: bielefeld-etl --help";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Database => _dir.File("warehouse.db");

    private string Connection => $"Data Source={Database}";

    private static string[] Lines(string output) => output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string ErrorLine(string output) => Assert.Single(Lines(output), l => l.StartsWith("Fehler:", StringComparison.Ordinal));

    private async Task InitAsync(IReadOnlyDictionary<string, string>? environment = null)
    {
        var (exit, output) = await CliProcess.RunAsync(environment, "init", "--connection", Connection);
        Assert.True(exit == 0, output);
    }

    private string CopySamples(params string[] sources)
    {
        var inbox = _dir.Folder("inbox");
        foreach (var source in sources)
        {
            var folder = Directory.CreateDirectory(Path.Combine(inbox, source)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, source)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        return inbox;
    }

    private string CopyPipelines()
    {
        var pipelines = _dir.Folder("pipelines");
        foreach (var file in Directory.GetFiles(RepositoryPaths.Pipelines, "*.yml"))
        {
            File.Copy(file, Path.Combine(pipelines, Path.GetFileName(file)));
        }

        return pipelines;
    }

    private static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection(Connection);
        return connection.Query<T>(sql).ToList();
    }

    [Fact]
    public async Task A_missing_inbox_is_exit_code_2_and_one_line_not_a_quiet_night()
    {
        await InitAsync();
        var inbox = _dir.File("freigabe-nicht-eingehaengt");

        var (exit, output) = await CliProcess.RunAsync(null, "run", "--all", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(2, exit);
        Assert.Equal($"Fehler: Der Eingang {inbox} existiert nicht (Freigabe nicht eingehängt oder Pfad falsch?); es wurde nichts geladen.", ErrorLine(output));
        Assert.DoesNotContain("keine Dateien im Eingang", output, StringComparison.Ordinal);
        Assert.Equal(0, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll").Single());
    }

    [Fact]
    public async Task A_mistyped_warehouse_path_is_refused_and_creates_neither_the_folder_nor_a_second_warehouse()
    {
        var folder = Path.Combine(_dir.Path, "warehuose");
        var typo = Path.Combine(folder, "w.db");
        var inbox = CopySamples("kaf");

        var (exit, output) = await CliProcess.RunAsync(null, "run", "--all", "--inbox", inbox, "--connection", $"Data Source={typo}");
        var (statusExit, statusOutput) = await CliProcess.RunAsync(null, "status", "--connection", $"Data Source={typo}");

        Assert.Equal(2, exit);
        Assert.Equal(
            $"Fehler: Kein Warehouse unter {typo}: die Datei gibt es nicht. Ein neues Warehouse legt 'bielefeld-etl init' an; die anderen Befehle legen keines an, damit ein Tippfehler im Pfad kein zweites erzeugt.",
            ErrorLine(output));
        Assert.Equal(2, statusExit);
        Assert.StartsWith($"Fehler: Kein Warehouse unter {typo}", ErrorLine(statusOutput), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.Equal(5, Directory.GetFiles(Path.Combine(inbox, "kaf")).Length);

        var (initExit, _) = await CliProcess.RunAsync(null, "init", "--connection", $"Data Source={typo}");

        Assert.Equal(0, initExit);
        Assert.True(File.Exists(typo));
    }

    [Fact]
    public async Task A_misspelt_key_in_kaf_yml_names_file_line_and_column_and_stops_only_the_kaf_pipeline()
    {
        var pipelines = CopyPipelines();
        var environment = new Dictionary<string, string> { ["BIELEFELD_ETL_PIPELINES"] = pipelines, ["BIELEFELD_ETL_REPORTS"] = _dir.Folder("reports") };
        await InitAsync(environment);
        var kaf = Path.Combine(pipelines, "kaf.yml");
        Replace(kaf, "\nschedule: ", "\nschedul: ");
        var inbox = CopySamples("kaf", "rekom");
        var expected = $"Fehler: {kaf}:9:1: unbekannter Schlüssel 'schedul' (erlaubt: name, source, reader, inbox, files, schedule, lieferkalender, abweisung_max_anteil, kaf)";

        var (rekomExit, rekomOutput) = await CliProcess.RunAsync(environment, "run", "--pipeline", "rekom", "--inbox", inbox, "--connection", Connection);

        Assert.True(rekomExit == 0, rekomOutput);
        Assert.DoesNotContain("Fehler", rekomOutput, StringComparison.Ordinal);
        var rekomLoads = Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE quelle = 'rekom' AND status = 'geladen'").Single();
        Assert.True(rekomLoads > 0, rekomOutput);

        var (kafExit, kafOutput) = await CliProcess.RunAsync(environment, "run", "--pipeline", "kaf", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(2, kafExit);
        Assert.Equal([expected], Lines(kafOutput));

        var (allExit, allOutput) = await CliProcess.RunAsync(environment, "run", "--all", "--inbox", inbox, "--connection", Connection);

        // The other pipelines ran (rekom's files are already loaded and say so); kaf's file is the error, and the exit code says it.
        Assert.Equal(2, allExit);
        Assert.Equal(expected, ErrorLine(allOutput));
        Assert.Contains("bereits_geladen", allOutput, StringComparison.Ordinal);
        Assert.Equal(0, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE quelle = 'kaf'").Single());
        Assert.Equal(rekomLoads, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE quelle = 'rekom'").Single());
    }

    [Theory]
    [InlineData("config/plan/2017/massnahmen/500-1.yml", "\ntitel: ", "\ntitl: ",
        ":3:1: unbekannter Schlüssel 'titl' (erlaubt: code, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, leitsaetze, zielsetzung, massnahmen, umsetzungsschritte, datenquellen, aufwand, indikatoren)")]
    [InlineData("config/plan/2017/plan.yml", "\njahr: 2017", "\njahr: 2017\njahre: 2017", ":3:1: unbekannter Schlüssel 'jahre' (erlaubt: jahr, titel, quelle, reihenfolge)")]
    [InlineData("config/bereiche.yml", "\nstadtbezirke:", "\nstadtbezirk:", ":5:1: unbekannter Schlüssel 'stadtbezirk' (erlaubt: stadt, stadtbezirke, quartiere)")]
    [InlineData("config/zielerreichung.yml", "{ gruen: 0.95, gelb: 0.80 }", "{ gruen: 0.95, gelb: 0.80, rot: 0.5 }", ":4:39: unbekannter Schlüssel 'rot' (erlaubt: gruen, gelb)")]
    [InlineData("pipelines/kaf.yml", "\n  tag: 5", "\n  tage: 5", ":14:3: unbekannter Schlüssel 'tage' (erlaubt: rhythmus, monate_danach, arbeitstag, tag)")]
    [InlineData("pipelines/kaf.yml", "\n  sheet: Controlling", "\n  shet: Controlling", ":17:3: unbekannter Schlüssel 'shet' (erlaubt: sheet, sheet_aliases, blank_columns, projects, kennzahlen)")]
    [InlineData("pipelines/kaf.yml", "source: KAF-Projektcontrolling", "source: KAF: Projektcontrolling", ":4:12: ein ':' mitten in einem Wert; den Wert in Anführungszeichen setzen")]
    [InlineData("pipelines/kaf.yml", "\n  rhythmus: monatlich", "\n\trhythmus: monatlich", ":12:1: ein Tabulator als Einrückung; YAML rückt nur mit Leerzeichen ein")]
    [InlineData("pipelines/kaf.yml", "\n  tag: 5", "\n  tag: fünf", ":14:8: 'fünf' passt nicht zu diesem Schlüssel (erwartet wird eine Zahl, true/false oder ein Datum)")]
    public async Task A_wrong_key_or_a_YAML_error_in_a_configuration_file_is_one_German_line_with_file_line_and_column(
        string file, string from, string to, string expected)
    {
        var catalog = _dir.Folder("plan");
        foreach (var source in Directory.GetFiles(RepositoryPaths.Catalog2017, "*.yml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(catalog, Path.GetRelativePath(RepositoryPaths.Catalog2017, source));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
        }

        var areas = _dir.File("bereiche.yml");
        File.Copy(RepositoryPaths.Areas, areas);
        var attainment = _dir.File("zielerreichung.yml");
        File.Copy(Path.Combine(RepositoryPaths.Root, "config", "zielerreichung.yml"), attainment);
        var pipelines = CopyPipelines();
        var broken = file switch
        {
            "config/bereiche.yml" => areas,
            "config/zielerreichung.yml" => attainment,
            _ when file.StartsWith("pipelines/", StringComparison.Ordinal) => Path.Combine(pipelines, Path.GetFileName(file)),
            _ => Path.Combine(catalog, Path.GetRelativePath("config/plan/2017", file)),
        };
        Replace(broken, from, to);
        var environment = new Dictionary<string, string>
        {
            ["BIELEFELD_ETL_CATALOG"] = catalog, ["BIELEFELD_ETL_AREAS"] = areas, ["BIELEFELD_ETL_ATTAINMENT"] = attainment, ["BIELEFELD_ETL_PIPELINES"] = pipelines,
        };

        var (exit, output) = await CliProcess.RunAsync(environment, "run", "--pipeline", "kaf", "--inbox", _dir.Folder("inbox"), "--connection", Connection);

        Assert.Equal(2, exit);
        var kind = file.StartsWith("pipelines/", StringComparison.Ordinal) ? "" : "Der Plankatalog ist fehlerhaft: ";
        Assert.Equal([$"Fehler: {kind}{broken}{expected}"], Lines(output));
    }

    [Fact]
    public async Task A_misspelt_key_in_korrekturen_yml_stops_the_catalog_import_with_file_line_and_column()
    {
        var output = _dir.Folder("katalog");
        var corrections = Path.Combine(output, "korrekturen.yml");
        File.WriteAllText(corrections, "korrekturen:\n  - code: REGE-9.1\n    feld: ziel.wert\n    alt: 97\n    neu: 100\n    grund: Ausschussbeschluss\n    vom: M. Muster\n");

        var (exit, text) = await CliProcess.RunAsync(null, "catalog", "import", RepositoryPaths.PlanExcerpt2019, "--out", output);

        Assert.Equal(2, exit);
        Assert.Equal(
            [$"Fehler: Der Plankatalog ist fehlerhaft: {corrections}:7:5: unbekannter Schlüssel 'vom' (erlaubt: code, feld, bereich, alt, neu, grund, von)"],
            Lines(text));
        Assert.Equal([corrections], Directory.GetFileSystemEntries(output));
    }

    [Fact]
    public async Task An_unreachable_PostgreSQL_server_is_one_line_without_a_stack_trace_and_exit_code_1()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        // The retries still happen (a restarting server gets its chance), only faster than the 2 s default.
        var environment = new Dictionary<string, string> { ["BIELEFELD_ETL_RETRY__BASEDELAY"] = "00:00:00.05" };
        var inbox = _dir.Folder("inbox");

        var (exit, output) = await CliProcess.RunAsync(environment, "run", "--all", "--inbox", inbox, "--provider", "postgresql",
            "--connection", $"Host=127.0.0.1;Port={port};Database=controlling;Username=etl;Timeout=2");

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"Eingang: {inbox}, Warehouse: postgresql",
                $"Fehler: Keine Verbindung zum Warehouse (postgresql, Server '127.0.0.1', Datenbank 'controlling'): Failed to connect to 127.0.0.1:{port}",
            ],
            Lines(output));
    }

    [Theory]
    [InlineData("Fehler: 'Muster' passt zu keinem Argument (ein Wert mit Leerzeichen gehört in Anführungszeichen, z. B. --by \"M. Muster\")" + Help,
        "rejects", "decide", "17", "--decision", "akzeptiert", "--by", "M.", "Muster", "--comment", "geklärt")]
    [InlineData("Fehler: unbekannte Option oder überzähliges Argument: --archiv" + Help, "run", "--all", "--archiv")]
    [InlineData("Fehler: unbekannter Befehl 'lauf'" + Help, "lauf", "--all")]
    [InlineData("Fehler: Entweder --all oder --pipeline <name> angeben" + Help, "run")]
    [InlineData("Fehler: Die Datei '/nicht/da/plan.txt' gibt es nicht" + Help, "catalog", "import", "/nicht/da/plan.txt")]
    public async Task A_wrong_command_line_is_exit_code_64_and_one_German_line(string expected, params string[] args)
    {
        var (exit, output) = await CliProcess.RunAsync(null, args);

        Assert.Equal(64, exit);
        Assert.Equal([expected], Lines(output));
    }

    [Fact]
    public async Task The_help_example_of_a_decision_can_be_copied_as_it_is()
    {
        var (exit, output) = await CliProcess.RunAsync(null, "rejects", "--help");

        Assert.Equal(0, exit);
        // The help wraps the example at the terminal width; the quotes are what matters.
        Assert.Contains("rejects decide 17 --decision akzeptiert --by \"M. Muster\"", output, StringComparison.Ordinal);
        Assert.Contains("\"Wert mit Träger geklärt\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SIGTERM_in_the_middle_of_a_load_says_that_nothing_of_the_file_was_kept_and_exits_with_143()
    {
        await InitAsync();
        var inbox = CopySamples("kaf");
        // Loaded after the five samples: 60.001 rows, long enough to be interrupted in the middle.
        BigKafWorkbook.Write(Path.Combine(inbox, "kaf"), 60_001);

        using var run = CliProcess.Start(null, "run", "--all", "--inbox", inbox, "--connection", Connection);
        var midLoad = await run.WaitForLineAsync(l => l.StartsWith($"kaf: {BigKafWorkbook.Name}: 1000 Zeilen gelesen …", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
        Assert.True(midLoad, "the load finished before it could be interrupted: " + string.Join('\n', run.Output));
        run.Signal("TERM");
        var exit = await run.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(143, exit);
        Assert.Equal(
            "Fehler: abgebrochen durch SIGTERM. Von der Datei, die gerade geladen wurde, ist nichts übernommen (ihre Transaktion wurde zurückgerollt); "
            + "fertig geladene Dateien bleiben geladen, der nächste Lauf lädt den Rest.",
            ErrorLine(string.Join('\n', run.Output)));
        Assert.Equal(5, Query<int>("SELECT COUNT(*) FROM rpt_ladeprotokoll WHERE status = 'geladen'").Single());
        Assert.Empty(Query<string>($"SELECT datei FROM rpt_ladeprotokoll WHERE datei = '{BigKafWorkbook.Name}'"));
        Assert.Equal(0, Query<int>("SELECT COUNT(*) FROM stg_observation").Single());

        var (again, _) = await CliProcess.RunAsync(null, "run", "--all", "--inbox", inbox, "--connection", Connection);

        Assert.Equal(0, again);
        Assert.Equal([60_009], Query<int>($"SELECT zeilen_gelesen FROM rpt_ladeprotokoll WHERE datei = '{BigKafWorkbook.Name}' AND status = 'geladen'"));
    }
}
