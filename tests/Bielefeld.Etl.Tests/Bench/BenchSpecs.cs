using System.Text.Json;
using Bielefeld.Etl.Bench;
using Bielefeld.Etl.Synthetic.BaStatistik;

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
            ["parse.sep", "parse.csvhelper", "read.ba-long-csv", "sqlite.insert.fact", "sqlite.end-to-end", "sqlite.attainment", "sqlite.nightly-nothing-new", "sqlite.re-delivery"],
            names);
        var endToEnd = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.end-to-end");
        Assert.Equal("sqlite.insert.fact", endToEnd.GetProperty("baseline").GetString());
        Assert.True(endToEnd.GetProperty("rows_per_s").GetDouble() > 0);
        Assert.True(endToEnd.GetProperty("ratio").GetDouble() > 0);
        var redelivery = document.RootElement.GetProperty("measurements").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "sqlite.re-delivery");
        Assert.Equal("sqlite.end-to-end", redelivery.GetProperty("baseline").GetString());
        Assert.StartsWith("ganze Datei neu geliefert, ", redelivery.GetProperty("note").GetString(), StringComparison.Ordinal);
        Assert.True(document.RootElement.GetProperty("peak_working_set_mb").GetDouble() > 0);
        Assert.Equal(Environment.ProcessorCount, document.RootElement.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.NotEmpty(document.RootElement.GetProperty("goals").EnumerateArray());
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
