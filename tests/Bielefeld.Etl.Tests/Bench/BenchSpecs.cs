using System.Text.Json;
using Bielefeld.Etl.Bench;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Tests.Cli;

namespace Bielefeld.Etl.Tests.Bench;

/// <summary>The bench runs and reports every measurement; no timing is asserted (figures belong to the machine).</summary>
public sealed class BenchSpecs
{
    [Fact]
    public async Task Bench_of_2000_rows_writes_a_json_with_every_measurement_and_goal()
    {
        using var temp = new TemporaryDirectory();
        var json = temp.File("bench.json");

        var exit = await BenchCommand.RunAsync(
            ["--rows", "2000", "--repeats", "1", "--no-postgres", "--repo", RepositoryPaths.Root, "--work", temp.Folder("work"), "--json", json]);

        Assert.Equal(0, exit);
        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(json, TestContext.Current.CancellationToken));
        var names = document.RootElement.GetProperty("measurements").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ToList();
        Assert.Equal(
            ["parse.sep", "parse.csvhelper", "read.ba-long-csv", "sqlite.insert.fact", "sqlite.end-to-end", "sqlite.attainment", "sqlite.nightly-nothing-new", "sqlite.re-delivery", "sqlite.read-queries"],
            names);
        var endToEnd = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.end-to-end");
        Assert.Equal("sqlite.insert.fact", endToEnd.GetProperty("baseline").GetString());
        Assert.True(endToEnd.GetProperty("rows_per_s").GetDouble() > 0);
        Assert.True(endToEnd.GetProperty("ratio").GetDouble() > 0);
        var redelivery = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.re-delivery");
        Assert.Equal("sqlite.end-to-end", redelivery.GetProperty("baseline").GetString());
        Assert.StartsWith("ganze Datei neu geliefert, ", redelivery.GetProperty("note").GetString(), StringComparison.Ordinal);
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
            ["parse.sep", "parse.csvhelper", "read.ba-long-csv", "sqlite.insert.fact", "sqlite.end-to-end", "sqlite.attainment", "sqlite.nightly-nothing-new", "sqlite.re-delivery", "sqlite.read-queries"],
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

        // The verb builds the bench console in Release first (dotnet run): minutes on a cold machine.
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
