using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Bielefeld.Etl.Bench;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Tests.Cli;

namespace Bielefeld.Etl.Tests.Bench;

/// <summary>The bench runs and reports every measurement; no timing is asserted (figures belong to the machine).</summary>
public sealed class BenchSpecs
{
    private static readonly string[] SqliteMeasurements =
    [
        "parse.sep", "parse.csvhelper", "read.ba-long-csv", "sqlite.insert.bare", "sqlite.insert.fact", "sqlite.end-to-end", "sqlite.attainment",
        "sqlite.nightly-nothing-new", "sqlite.re-delivery", "sqlite.read-queries",
        "sqlite.rekom.end-to-end", "sqlite.rekom.insert.bare", "sqlite.prosoz.end-to-end", "sqlite.prosoz.insert.bare",
        "sqlite.einwohnermeldeamt.end-to-end", "sqlite.einwohnermeldeamt.insert.bare",
    ];

    [Fact]
    public async Task Bench_of_2000_rows_writes_a_json_with_every_measurement_and_goal()
    {
        using var document = await RunWithoutPostgresAsync("--rows", "2000");
        var names = document.RootElement.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            SqliteMeasurements,
            names);
        var endToEnd = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.end-to-end");
        Assert.Equal("sqlite.insert.bare", endToEnd.GetProperty("baseline").GetString());
        Assert.True(endToEnd.GetProperty("rows_per_s").GetDouble() > 0);
        Assert.True(endToEnd.GetProperty("ratio").GetDouble() > 0);
        var redelivery = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.re-delivery");
        Assert.Equal("sqlite.end-to-end", redelivery.GetProperty("baseline").GetString());
        Assert.StartsWith("ganze Datei neu geliefert, alle 40 Werte des letzten Monats korrigiert (der Monat ganz ersetzt); ", redelivery.GetProperty("note").GetString(), StringComparison.Ordinal);
        var reads = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.read-queries");
        Assert.StartsWith("langsamste Abfrage (Sekunden zählen): letzte Zielerreichung", reads.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.Contains(document.RootElement.GetProperty("goals").EnumerateArray(), g => g.GetProperty("name").GetString()!.StartsWith("sqlite.read-queries: slowest s", StringComparison.Ordinal));
        Assert.True(document.RootElement.GetProperty("peak_working_set_mb").GetDouble() > 0);
        Assert.Equal(Environment.ProcessorCount, document.RootElement.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.NotEmpty(document.RootElement.GetProperty("goals").EnumerateArray());
    }

    [Fact]
    public async Task Bench_without_a_reachable_PostgreSQL_measures_the_rest_and_names_what_it_skipped()
    {
        using var temp = new TemporaryDirectory();
        var json = temp.File("ohne-postgres.json");

        var exit = await BenchCommand.RunAsync(
            ["--rows", "1500", "--repeats", "1", "--postgres", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=5", "--repo", RepositoryPaths.Root, "--work", temp.Folder("work"), "--json", json]);

        Assert.Equal(2, exit); // the server was named with --postgres
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal(1500, document.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(
            SqliteMeasurements,
            document.RootElement.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        var skipped = Assert.Single(document.RootElement.GetProperty("skipped").EnumerateArray());
        Assert.Equal("postgres.*", skipped.GetProperty("measurements").GetString());
        Assert.StartsWith("PostgreSQL unter 127.0.0.1:1 nicht erreichbar: ", skipped.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bench_verb_of_the_cli_passes_every_argument_on()
    {
        using var temp = new TemporaryDirectory();
        var json = temp.File("verb.json");

        // The verb publishes the bench console in Release, precompiled for this platform, first: minutes on a cold machine.
        using var cli = CliProcess.Start(null,
            "bench", "--rows", "1200", "--repeats", "1", "--no-postgres", "--repo", RepositoryPaths.Root, "--work", temp.Folder("work"), "--json", json);
        var exit = await cli.WaitAsync(TimeSpan.FromMinutes(15));
        var output = string.Join('\n', cli.Output);

        Assert.True(exit == 0, output);
        Assert.Contains("Erzeuge 1,200 Zeilen (Seed 2017)", output, StringComparison.Ordinal);
        Assert.Contains("Übersprungen: postgres.*: auf Wunsch (--no-postgres)", output, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        Assert.Equal(1200, document.RootElement.GetProperty("rows").GetInt64());
        Assert.Equal(1200, document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "parse.sep").GetProperty("rows").GetInt64());

        // What it ran is the product's code precompiled: the readers' assembly carries native code beside its IL.
        var published = Path.Combine(RepositoryPaths.Root, "src", "Bielefeld.Etl.Bench", "bin", "published", RuntimeInformation.RuntimeIdentifier);
        using var sources = new PEReader(File.OpenRead(Path.Combine(published, "Bielefeld.Etl.Sources.dll")));
        Assert.True(sources.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size > 0, "Bielefeld.Etl.Sources.dll is not ReadyToRun");
    }

    [Fact]
    public async Task Every_goal_names_the_measurements_it_is_computed_from_and_each_was_measured()
    {
        using var document = await RunWithoutPostgresAsync("--rows", "1000");
        var measured = document.RootElement.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToHashSet();
        var goals = document.RootElement.GetProperty("goals").EnumerateArray().ToList();
        Assert.Equal(
            [
                "sqlite.end-to-end / sqlite.insert.bare ≥ 0.7", "read.ba-long-csv / parse.sep ≥ 0.15", "sqlite.re-delivery / sqlite.end-to-end ≥ 0.5",
                "peak working set MB (1,000 rows) < 300", "sqlite.nightly-nothing-new s < 2", "sqlite.read-queries: slowest s (1,000 observations) < 5",
                "sqlite.attainment s per 1 M observations (scaled from 1,000) < 10",
            ],
            goals.Select(g => $"{g.GetProperty("name").GetString()} {g.GetProperty("target").GetString()}"));
        Assert.All(goals, g =>
        {
            var from = g.GetProperty("measurements").EnumerateArray().Select(m => m.GetString()).ToList();
            Assert.NotEmpty(from);
            Assert.All(from, name => Assert.Contains(name, measured));
        });
        // The working set goal covers every end-to-end load, the record-level sources' too.
        Assert.Equal(
            ["sqlite.end-to-end", "sqlite.rekom.end-to-end", "sqlite.prosoz.end-to-end", "sqlite.einwohnermeldeamt.end-to-end"],
            goals.Single(g => g.GetProperty("name").GetString()!.StartsWith("peak working set", StringComparison.Ordinal))
                .GetProperty("measurements").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Record_level_sources_are_loaded_end_to_end_with_their_rows_conserved_against_the_bare_insert_of_their_observations()
    {
        // 2,000 BA rows: 200 records per source, every 50th bad.
        using var document = await RunWithoutPostgresAsync("--rows", "2000", "--bad-every", "50");
        var measurements = document.RootElement.GetProperty("measurements").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        foreach (var (source, observations) in new[] { ("rekom", 48L), ("prosoz", 528L), ("einwohnermeldeamt", 15L) })
        {
            var endToEnd = measurements[$"sqlite.{source}.end-to-end"];
            var bare = measurements[$"sqlite.{source}.insert.bare"];
            Assert.Equal($"sqlite.{source}.insert.bare", endToEnd.GetProperty("baseline").GetString());
            Assert.StartsWith(
                $"1 Dateien, Datensätze gelesen 201, geladen 196, abgewiesen 4, übersprungen 1 (Zeilenbilanz stimmt, wie erzeugt); Zeilen = {observations} Beobachtungen daraus; ",
                endToEnd.GetProperty("note").GetString(), StringComparison.Ordinal);
            // The baseline stores exactly the observations the pipeline wrote.
            Assert.Equal((observations, observations), (endToEnd.GetProperty("rows").GetInt64(), bare.GetProperty("rows").GetInt64()));
            Assert.True(endToEnd.GetProperty("ratio").GetDouble() > 0);
        }
    }

    /// <summary>Runs the bench once without PostgreSQL (SQLite and the parsers) and returns its JSON.</summary>
    private static async Task<JsonDocument> RunWithoutPostgresAsync(params string[] options)
    {
        using var temp = new TemporaryDirectory();
        var json = temp.File("bench.json");

        var exit = await BenchCommand.RunAsync([.. options, "--repeats", "1", "--no-postgres", "--repo", RepositoryPaths.Root, "--work", temp.Folder("work"), "--json", json]);

        Assert.Equal(0, exit);
        return JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Long_csv_generator_writes_the_same_bytes_for_the_same_seed_and_distinct_keys()
    {
        using var temp = new TemporaryDirectory();
        var generator = new BaLongCsvGenerator(5_000, 20, new DateOnly(2013, 1, 1), 60, seed: 7);

        generator.Write(temp.File("a.csv"));
        new BaLongCsvGenerator(5_000, 20, new DateOnly(2013, 1, 1), 60, seed: 7).Write(temp.File("b.csv"));

        Assert.Equal(File.ReadAllBytes(temp.File("a.csv")), File.ReadAllBytes(temp.File("b.csv")));
        Assert.Equal(5_001, File.ReadAllLines(temp.File("a.csv")).Length);
        Assert.Equal(5_000, generator.Generate().Select(r => (r.Month, r.Quarter, r.Merkmal)).Distinct().Count());
    }
}
