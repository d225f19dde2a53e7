using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Synthetic.Einwohnermeldeamt;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Synthetic.Prosoz;
using Bielefeld.Etl.Synthetic.Rekom;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Bench;

/// <summary>
/// A folder the bench generates into: the area hierarchy (the city's plus the synthetic quarters), one pipeline file
/// per source whose reader the product knows, the inbox with the generated extracts, and the normalised rows (what
/// the warehouse ends up holding) for the baselines. The plan catalog and attainment settings are the repository's.
/// </summary>
internal sealed class BenchWorkspace
{
    /// <summary>The BA long CSV covers five years of history, the plan year last.</summary>
    public static readonly DateOnly FirstMonth = new(2013, 1, 1);

    public const int Months = 60;

    public const string BaPipeline = "ba-bench";

    public const string BaFileName = "BA_SA_Bench_20180115.csv";

    private BenchWorkspace(string root, string repository, long rows, int seed, PlanCatalog catalog, IReadOnlyList<string> indicators)
    {
        Root = root;
        Repository = repository;
        Rows = rows;
        Seed = seed;
        Catalog = catalog;
        Indicators = indicators;
        Ba = new BaLongCsvGenerator(rows, indicators.Count, FirstMonth, Months, seed);
    }

    public string Root { get; }

    public string Repository { get; }

    public long Rows { get; }

    public int Seed { get; }

    public PlanCatalog Catalog { get; }

    /// <summary>The catalog indicators the synthetic Merkmale feed (counts and stocks, in plan order).</summary>
    public IReadOnlyList<string> Indicators { get; }

    public BaLongCsvGenerator Ba { get; }

    public string Pipelines => Path.Combine(Root, "pipelines");

    public string Inbox => Path.Combine(Root, "inbox");

    public string AreasFile => Path.Combine(Root, "config", "bereiche.yml");

    public string CatalogDirectory => Path.Combine(Repository, "config", "plan", "2017");

    public string BaFile => Path.Combine(Inbox, BaPipeline, BaFileName);

    /// <summary>The corrected delivery of the bench file, a month later (<see cref="WriteRedelivery"/>).</summary>
    public string RedeliveryFile => Path.Combine(Inbox, BaPipeline, "BA_SA_Bench_20180215.csv");

    /// <summary>
    /// Writes <see cref="RedeliveryFile"/>: the bench file again, every value of its last month the warehouse holds
    /// corrected (a suppressed one now delivered), so that the month is superseded as a whole; everything else unchanged.
    /// Returns how many values it changes (the unreadable rows, rejected in both files, stay as they were).
    /// </summary>
    public long WriteRedelivery()
    {
        // The month of the file's last line: a small bench file ends before the generator's last month.
        var last = File.ReadLines(BaFile).Last();
        var month = last[..(last.IndexOf(';', StringComparison.Ordinal) + 1)];
        long changed = 0;
        using var writer = new StreamWriter(RedeliveryFile, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16) { NewLine = "\r\n" };
        foreach (var line in File.ReadLines(BaFile))
        {
            var value = line[(line.LastIndexOf(';') + 1)..];
            if (!line.StartsWith(month, StringComparison.Ordinal) || value is "k.A.")
            {
                writer.WriteLine(line);
                continue;
            }

            changed++;
            writer.WriteLine(line[..(line.Length - value.Length)] + (value == "1" ? "2" : "1"));
        }

        return changed;
    }

    /// <summary>The BA rows as the fact holds them, tab-separated in PostgreSQL's COPY text format.</summary>
    public string BaNormalised => Path.Combine(Root, "normalised", "ba-long-csv.tsv");

    /// <summary>Rows of the BA file the reader loads (not rejected).</summary>
    public long BaLoadable { get; private set; }

    public static BenchWorkspace Create(string root, string repository, long rows, int seed)
    {
        var catalog = CatalogFiles.Read(Path.Combine(repository, "config", "plan", "2017"));
        var indicators = catalog.Indicators
            .Where(i => i.Kind is IndicatorKind.Count or IndicatorKind.Stock && !i.Informational)
            .Select(i => i.Code).Take(20).ToList();
        return new BenchWorkspace(Path.GetFullPath(root), repository, rows, seed, catalog, indicators);
    }

    /// <summary>Finds the repository root (the folder with the solution) from <paramref name="start"/> upwards.</summary>
    public static string FindRepository(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bielefeld.Etl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Kein Repository (Bielefeld.Etl.sln) über {start} gefunden; --repo angeben.");
    }

    /// <summary>The sources <c>bench generate --source</c> knows; <c>all</c> means every one.</summary>
    public static readonly IReadOnlyList<string> Sources = ["ba", "rekom", "prosoz", "einwohnermeldeamt", "kaf"];

    /// <summary>
    /// The generators of the record and workbook sources, by <see cref="Sources"/> name (BA is <see cref="Ba"/>), of
    /// <paramref name="rows"/> rows (<see cref="Rows"/> when null).
    /// </summary>
    public IExtractGenerator Generator(string source, int badEvery = BadRows.DefaultEvery, long? rows = null) => source switch
    {
        "rekom" => new RekomExportGenerator(rows ?? Rows, Seed, badEvery),
        "prosoz" => new ProsozCaseGenerator(rows ?? Rows, Seed, badEvery),
        "einwohnermeldeamt" => new EinwohnerCountGenerator(rows ?? Rows, Seed, badEvery),
        "kaf" => new KafWorkbookGenerator(Math.Min(rows ?? Rows, KafWorkbookGenerator.MaxRows), Seed, badEvery),
        _ => throw new ArgumentException($"Unbekannte Quelle '{source}' (bekannt: {string.Join(", ", Sources)}).", nameof(source)),
    };

    /// <summary>
    /// Writes the extracts of <paramref name="sources"/> (BA as for the measurements; the others into the inbox folder of
    /// the repository's pipeline, whose file is copied to <see cref="Pipelines"/>); returns every file with the counts its
    /// reader must report (null for the BA bench file and the normalised rows).
    /// </summary>
    public IReadOnlyList<(string Path, long Bytes, ExpectedCounts? Expected)> Generate(IReadOnlyCollection<string> sources, int badEvery = BadRows.DefaultEvery)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var files = new List<(string, long, ExpectedCounts?)>();
        if (sources.Contains("ba"))
        {
            files.AddRange(Generate().Select(f => (f.Path, f.Bytes, (ExpectedCounts?)null)));
        }
        else
        {
            if (Directory.Exists(Root))
            {
                Directory.Delete(Root, recursive: true);
            }

            Directory.CreateDirectory(Pipelines);
            Directory.CreateDirectory(Path.GetDirectoryName(AreasFile)!);
            WriteAreas();
        }

        foreach (var source in Sources.Where(s => s != "ba" && sources.Contains(s)))
        {
            var generator = Generator(source, badEvery);
            File.Copy(Path.Combine(Repository, "pipelines", source + ".yml"), Path.Combine(Pipelines, source + ".yml"), overwrite: true);
            files.AddRange(generator.Write(Path.Combine(Inbox, generator.Inbox)).Select(f => (f.Path, f.Bytes, (ExpectedCounts?)f.Expected)));
        }

        return files;
    }

    /// <summary>The record-level sources the bench loads end to end beside the BA file.</summary>
    public static readonly IReadOnlyList<string> RecordSources = ["rekom", "prosoz", "einwohnermeldeamt"];

    /// <summary>Records per record-level source: a tenth of <see cref="Rows"/> (at least one), so a run's size follows <c>--rows</c>.</summary>
    public long RecordRows => RecordRowsOf(Rows);

    /// <summary>Records per record-level source for <paramref name="rows"/> BA rows.</summary>
    public static long RecordRowsOf(long rows) => Math.Max(1, rows / 10);

    /// <summary>The folder of one record-level source: its pipeline file and its inbox, apart from the BA pipeline.</summary>
    public string RecordRoot(string source) => Path.Combine(Root, "records", source);

    /// <summary>The options of a run over one record-level source's folder (<see cref="RecordRoot"/>).</summary>
    public EtlOptions RecordOptions(string source, WarehouseSettings warehouse) =>
        new(Path.Combine(RecordRoot(source), "inbox"), Path.Combine(RecordRoot(source), "pipelines"), CatalogDirectory, AreasFile, warehouse)
        {
            AttainmentFile = Path.Combine(Repository, "config", "zielerreichung.yml"),
        };

    /// <summary>
    /// Writes <see cref="RecordRows"/> records of each of <see cref="RecordSources"/> with their generators into
    /// <see cref="RecordRoot"/>, beside the repository's pipeline file; returns per source the files with the counts
    /// their reader must report.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<GeneratedFile>> GenerateRecordSources(int badEvery)
    {
        var generated = new Dictionary<string, IReadOnlyList<GeneratedFile>>(StringComparer.Ordinal);
        foreach (var source in RecordSources)
        {
            var root = RecordRoot(source);
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }

            Directory.CreateDirectory(Path.Combine(root, "pipelines"));
            File.Copy(Path.Combine(Repository, "pipelines", source + ".yml"), Path.Combine(root, "pipelines", source + ".yml"));
            var generator = Generator(source, badEvery, RecordRows);
            generated[source] = generator.Write(Path.Combine(root, "inbox", generator.Inbox));
        }

        return generated;
    }

    /// <summary>Writes everything; returns the generated files with their sizes.</summary>
    public IReadOnlyList<(string Path, long Bytes)> Generate()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        Directory.CreateDirectory(Pipelines);
        Directory.CreateDirectory(Path.Combine(Inbox, BaPipeline));
        Directory.CreateDirectory(Path.GetDirectoryName(BaNormalised)!);
        Directory.CreateDirectory(Path.GetDirectoryName(AreasFile)!);
        WriteAreas();
        var files = new List<(string, long)> { (BaFile, Ba.Write(BaFile)) };
        BaLoadable = WriteBaNormalised();
        files.Add((BaNormalised, new FileInfo(BaNormalised).Length));
        WritePipelineIfKnown(BaPipeline, BaPipelineText());
        return files;
    }

    /// <summary>Whether the product has a reader for the bench's BA pipeline (the BA reader may not be merged yet).</summary>
    public bool HasBaPipeline => File.Exists(Path.Combine(Pipelines, BaPipeline + ".yml"));

    public EtlOptions Options(WarehouseSettings warehouse) =>
        new(Inbox, Pipelines, CatalogDirectory, AreasFile, warehouse) { AttainmentFile = Path.Combine(Repository, "config", "zielerreichung.yml") };

    public AreaCatalog Areas() => AreaFiles.Read(AreasFile);

    private void WriteAreas()
    {
        var text = new StringBuilder(File.ReadAllText(Path.Combine(Repository, "config", "bereiche.yml")).TrimEnd());
        text.Append('\n');
        for (var q = 0; q < Ba.Quarters; q++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  - {{ code: \"{BaLongCsvGenerator.QuarterCode(q)}\", name: {BaLongCsvGenerator.QuarterName(q)}, stadtbezirk: 05711000-{(q % 10) + 1:00} }}\n");
        }

        File.WriteAllText(AreasFile, text.ToString());
    }

    private string BaPipelineText()
    {
        var text = new StringBuilder(
            """
            # Written by the bench: synthetic Merkmale of a BA long CSV, one per catalog indicator, for synthetic quarters.
            name: ba-bench
            source: Bench BA-Statistik
            reader: ba-statistik
            inbox: ba-bench
            files: "BA_SA_*.csv"
            schedule: "15 6 * * *"
            ba:
              special_evaluations:
                merkmale:

            """);
        for (var k = 0; k < Indicators.Count; k++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"      - {{ label: {BaLongCsvGenerator.MerkmalLabel(k)}, indicator: {Indicators[k]}, region_types: [Quartier] }}\n");
        }

        return text.ToString();
    }

    private long WriteBaNormalised()
    {
        // Same series key as the BA reader (BA:<indicator>) and the source as the pipeline names it.
        long loadable = 0;
        using var writer = new StreamWriter(BaNormalised, false, new UTF8Encoding(false), 1 << 16);
        foreach (var row in Ba.Generate())
        {
            if (row.Kind == BaGeneratedValue.Unreadable)
            {
                continue;
            }

            loadable++;
            var indicator = Indicators[row.Merkmal];
            writer.Write(indicator);
            writer.Write('\t');
            writer.Write(row.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(BaLongCsvGenerator.QuarterCode(row.Quarter));
            writer.Write("\tba-bench\tBA:");
            writer.Write(indicator);
            writer.Write('\t');
            writer.Write(row.Kind switch
            {
                BaGeneratedValue.Suppressed => "\\N",
                BaGeneratedValue.Zero => "0",
                _ => row.Value.ToString(CultureInfo.InvariantCulture),
            });
            writer.Write("\t\\N\t\\N\t");
            writer.Write(row.Kind == BaGeneratedValue.Suppressed ? 't' : 'f');
            writer.Write('\t');
            writer.Write(row.DataStatus.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            writer.Write("\t1\n");
        }

        return loadable;
    }

    private void WritePipelineIfKnown(string name, string text)
    {
        var path = Path.Combine(Pipelines, name + ".yml");
        File.WriteAllText(path, text);
        try
        {
            SourceReaders.Create(PipelineFiles.Read(path), new SourceContext(Catalog, Areas()));
        }
        catch (PipelineDefinitionException ex)
        {
            Console.Error.WriteLine($"  {name}: übersprungen, der Reader ist (noch) nicht verfügbar: {ex.Message}");
            File.Delete(path);
        }
    }
}
