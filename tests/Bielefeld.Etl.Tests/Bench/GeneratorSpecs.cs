using System.Security.Cryptography;
using Bielefeld.Etl.Bench;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Synthetic.Einwohnermeldeamt;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Synthetic.Prosoz;
using Bielefeld.Etl.Synthetic.Rekom;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Bench;

/// <summary>
/// <c>bench generate</c>: every source's synthetic extract is read by the product's own reader (the shipped pipeline file)
/// with exactly the counts the generator predicts, the same seed writes the same bytes, and the real run loads a
/// generated inbox with every row accounted for.
/// </summary>
public sealed class GeneratorSpecs : IDisposable
{
    private const int Seed = 2017;
    private const int BadEvery = 250;
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public static TheoryData<string, long, long, long, string[]> Sources => new()
    {
        // source, data rows, files, rejected rows, the reason codes of the rejects
        { "rekom", 2_000, 1, 8, ["AUSTRITT_VOR_EINTRITT", "PROJEKTCODE_UNBEKANNT", "VERBLEIB_OHNE_AUSTRITT"] },
        { "prosoz", 2_000, 1, 8, ["BEZIRK_UNBEKANNT", "HILFEENDE_VOR_BEGINN", "PARAGRAPH_UNBEKANNT", "UNTERBRINGUNG_FEHLT"] },
        { "einwohnermeldeamt", 2_000, 1, 8, ["ALTERSGRUPPE_UNBEKANNT", "WERT_KEINE_ZAHL", "WERT_NEGATIV"] },
        { "kaf", 500, 133, 2, ["SUMME_ABWEICHEND", "WERT_KEINE_ZAHL"] },
    };

    private static IExtractGenerator Generator(string source, long rows, int seed) => source switch
    {
        "rekom" => new RekomExportGenerator(rows, seed, BadEvery),
        "prosoz" => new ProsozCaseGenerator(rows, seed, BadEvery),
        "einwohnermeldeamt" => new EinwohnerCountGenerator(rows, seed, BadEvery),
        _ => new KafWorkbookGenerator(rows, seed, BadEvery),
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_product_reader_reports_exactly_the_counts_the_generator_predicts(string source, long rows, long files, long rejected, string[] reasons)
    {
        var generator = Generator(source, rows, Seed);
        var written = generator.Write(_dir.Folder(source));
        var reader = RecordPipelines.Reader(source);
        var codes = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var file in written)
        {
            var (read, _, _) = RecordPipelines.ReadAll(reader, file.Path);
            var counts = new ExpectedCounts(read.Count, read.OfType<SourceRow.Accepted>().Count(), read.OfType<SourceRow.Rejected>().Count(), read.OfType<SourceRow.Skipped>().Count());
            Assert.Equal(file.Expected, counts);
            codes.UnionWith(read.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => p.Reason.Code));
        }

        var total = written.Select(f => f.Expected).Aggregate((a, b) => a + b);
        var skippedPerFile = source == "kaf" ? KafWorkbookGenerator.SkippedPerWorkbook : 1;
        Assert.Equal(files, written.Count);
        Assert.Equal(rows, written.Sum(f => f.DataRows));
        Assert.Equal(new ExpectedCounts(rows + (files * skippedPerFile), rows - rejected, rejected, files * skippedPerFile), total);
        Assert.Equal(reasons, codes);
    }

    [Theory]
    [MemberData(nameof(Sources))]
    public void The_same_seed_writes_the_same_bytes_another_seed_other_ones(string source, long rows, long files, long rejected, string[] reasons)
    {
        _ = (files, rejected, reasons);
        var first = Hashes(Generator(source, rows, Seed).Write(_dir.Folder("a")));
        var second = Hashes(Generator(source, rows, Seed).Write(_dir.Folder("b")));
        var other = Hashes(Generator(source, rows, Seed + 1).Write(_dir.Folder("c")));

        Assert.Equal(first, second);
        Assert.NotEqual(first.Values, other.Values);
    }

    [Fact]
    public void Kaf_is_bounded_by_its_contract_and_population_files_go_back_by_quarter_ends()
    {
        var generator = new KafWorkbookGenerator(KafWorkbookGenerator.MaxRows, Seed);

        Assert.Equal(KafWorkbookGenerator.MaxRows, generator.Rows);
        Assert.Throws<ArgumentOutOfRangeException>(() => new KafWorkbookGenerator(KafWorkbookGenerator.MaxRows + 1, Seed));
        Assert.Equal(new DateOnly(2017, 12, 31), EinwohnerCountGenerator.ReferenceDate(0));
        Assert.Equal(new DateOnly(2017, 9, 30), EinwohnerCountGenerator.ReferenceDate(1));
        Assert.Equal(new DateOnly(2016, 12, 31), EinwohnerCountGenerator.ReferenceDate(4));
    }

    [Fact]
    public async Task A_generated_inbox_loads_through_the_real_run_with_every_row_accounted_for()
    {
        var work = _dir.Folder("work");
        var exit = await BenchCommand.RunAsync(["generate", "--rows", "600", "--seed", "7", "--bad-every", "100", "--out", work, "--repo", RepositoryPaths.Root]);
        Assert.Equal(0, exit);

        var inbox = Path.Combine(work, "inbox");
        Assert.Equal(["ba-bench", "einwohnermeldeamt", "kaf", "prosoz", "rekom"], Directory.GetDirectories(inbox).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var expected = new Dictionary<string, ExpectedCounts>(StringComparer.Ordinal);
        foreach (var source in new[] { "rekom", "prosoz", "einwohnermeldeamt", "kaf" })
        {
            // The same generator, seed and share as the command used: its prediction for every file.
            foreach (var file in Regenerate(source, _dir.Folder("expected-" + source)))
            {
                expected[Path.GetFileName(file.Path)] = file.Expected;
            }
        }

        var ba = new BaLongCsvGenerator(600, 20, BenchWorkspaceFirstMonth, 60, 7);
        var baRejected = ba.Generate().Count(r => r.Kind == BaGeneratedValue.Unreadable);
        expected["BA_SA_Bench_20180115.csv"] = new ExpectedCounts(601, 600 - baRejected, baRejected, 1); // suppressed values load, flagged

        var summary = await RunAsync(work, new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", TimeProvider.System));

        Assert.Equal(expected.Count, summary.Files.Count);
        Assert.All(summary.Files, f =>
        {
            Assert.Equal(FileLoadStatus.Loaded, f.Status);
            Assert.True(f.Counts.IsConserved, f.File.Name);
            var e = expected[f.File.Name];
            Assert.Equal((e.Read, e.Loaded, e.Rejected, e.Skipped), (f.Counts.Read, f.Counts.Loaded, f.Counts.Rejected, f.Counts.Skipped));
        });
        Assert.Equal(3 * 6, summary.Files.Where(f => f.File.Pipeline != "ba-bench" && f.File.Pipeline != "kaf").Sum(f => f.Counts.Rejected));
    }

    [Fact]
    public async Task Bench_reads_times_the_reads_and_two_nights_with_nothing_new_without_loading_anything_again()
    {
        var work = _dir.Folder("reads");
        Assert.Equal(0, await BenchCommand.RunAsync(["generate", "--rows", "600", "--seed", "7", "--source", "ba", "--out", work, "--repo", RepositoryPaths.Root]));
        var connection = $"Data Source={_dir.File("reads.db")}";
        var warehouse = new SqliteWarehouse(connection, TimeProvider.System);
        var loaded = Assert.Single((await RunAsync(work, warehouse)).Files);

        var exit = await BenchCommand.RunAsync(["reads", "--work", work, "--provider", "sqlite", "--connection", connection, "--repo", RepositoryPaths.Root]);

        Assert.Equal(0, exit);
        var loads = await warehouse.RecentLoadsAsync(100, TestContext.Current.CancellationToken);
        Assert.Equal([("geladen", loaded.Counts.Loaded)], loads.Where(l => l.Status != "bereits_geladen").Select(l => (l.Status, (int)l.ZeilenGeladen)));
    }

    [Fact]
    public async Task Bench_reads_refuses_a_warehouse_that_did_not_hold_the_folders_inbox()
    {
        var work = _dir.Folder("unloaded");
        Assert.Equal(0, await BenchCommand.RunAsync(["generate", "--rows", "300", "--seed", "7", "--source", "ba", "--out", work, "--repo", RepositoryPaths.Root]));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            BenchCommand.RunAsync(["reads", "--work", work, "--provider", "sqlite", "--connection", $"Data Source={_dir.File("empty.db")}", "--repo", RepositoryPaths.Root]));

        Assert.Equal("sqlite: BA_SA_Bench_20180115.csv war noch nicht geladen (Loaded): bench reads misst ein Warehouse, das den Eingang von --work schon ganz enthält.", refused.Message);
    }

    private static async Task<RunSummary> RunAsync(string work, SqliteWarehouse warehouse)
    {
        var run = PipelineRun.Prepare(
            new EtlOptions(Path.Combine(work, "inbox"), Path.Combine(work, "pipelines"), RepositoryPaths.Catalog2017, Path.Combine(work, "config", "bereiche.yml"), new WarehouseSettings(warehouse.Name, ""))
            {
                AttainmentFile = Path.Combine(RepositoryPaths.Root, "config", "zielerreichung.yml"),
            },
            warehouse, NullLogger.Instance, TimeProvider.System);
        return await run.RunAsync([], null, TestContext.Current.CancellationToken);
    }

    private static DateOnly BenchWorkspaceFirstMonth => new(2013, 1, 1);

    private static IReadOnlyList<GeneratedFile> Regenerate(string source, string folder) => source switch
    {
        "rekom" => new RekomExportGenerator(600, 7, 100).Write(folder),
        "prosoz" => new ProsozCaseGenerator(600, 7, 100).Write(folder),
        "einwohnermeldeamt" => new EinwohnerCountGenerator(600, 7, 100).Write(folder),
        _ => new KafWorkbookGenerator(600, 7, 100).Write(folder),
    };

    private static SortedDictionary<string, string> Hashes(IReadOnlyList<GeneratedFile> files) =>
        new(files.ToDictionary(f => Path.GetFileName(f.Path), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f.Path)))), StringComparer.Ordinal);
}
