using System.Globalization;
using Bielefeld.Etl.Bench.Measures;

namespace Bielefeld.Etl.Bench;

/// <summary>The bench's command line: <c>generate</c> writes the synthetic extracts; without a verb it measures.</summary>
public static class BenchCommand
{
    /// <summary>Rows by default: a laptop minute.</summary>
    public const long DefaultRows = 200_000;

    private const string Usage =
        """
        bench [--rows N] [--seed S] [--work DIR] [--json FILE] [--postgres CONN | --no-postgres] [--no-sqlite] [--repeats N] [--naive-sample N] [--bad-every N] [--repo DIR]
          measures the BA long CSV of N rows and REKOM, Prosoz and Einwohnermeldeamt with N/10 records each (every --bad-every-th bad).
        bench reads --work DIR --provider sqlite|postgresql --connection CONN [--repo DIR]
          times the reads behind run, status, report, the summary and the workspace, then two runs with nothing new, on a
          warehouse that already holds DIR's inbox whole (a bench generate folder: its pipelines and areas; nothing is written there).
        bench generate [--rows N] [--seed S] [--out DIR] [--source ba|rekom|prosoz|einwohnermeldeamt|kaf|all] [--bad-every N] [--repo DIR]
          generate: --source may be repeated or comma-separated (default all); every N-th row is deliberately bad (default 10000 = 0.01 %).
          PostgreSQL: --postgres, else BIELEFELD_ETL_TEST_POSTGRES, else Host=127.0.0.1;Port=5432;Username=postgres.
          A server that cannot be reached is skipped (the rest is measured, the table and the JSON name what was skipped);
          exit code 2 when it was named with --postgres.
        """;

    /// <summary>Runs the command line; returns the exit code (0 done, 2 wrong arguments or an unreachable server that was asked for).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        var generateOnly = args.Length > 0 && args[0] == "generate";
        var readsOnly = args.Length > 0 && args[0] == "reads";
        var options = new Dictionary<string, string?>(StringComparer.Ordinal);
        var sources = new HashSet<string>(StringComparer.Ordinal);
        for (var i = generateOnly || readsOnly ? 1 : 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"Unerwartetes Argument '{args[i]}'.");
            }

            if (generateOnly && args[i] == "--source" && i + 1 < args.Length)
            {
                foreach (var source in args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (source != "all" && !BenchWorkspace.Sources.Contains(source))
                    {
                        return Fail($"Unbekannte Quelle '{source}' (bekannt: {string.Join(", ", BenchWorkspace.Sources)}, all).");
                    }

                    sources.UnionWith(source == "all" ? BenchWorkspace.Sources : [source]);
                }

                continue;
            }

            var flag = args[i] is "--no-postgres" or "--no-sqlite" or "--help";
            options[args[i]] = flag ? null : i + 1 < args.Length ? args[++i] : null;
        }

        if (options.ContainsKey("--help"))
        {
            Console.WriteLine(Usage);
            return 0;
        }

        if (readsOnly)
        {
            return await ReadsAsync(options);
        }

        var rows = Number(options, "--rows", DefaultRows);
        var seed = (int)Number(options, "--seed", 2017);
        var repository = options.GetValueOrDefault("--repo") ?? BenchWorkspace.FindRepository(AppContext.BaseDirectory is var b && File.Exists(Path.Combine(Environment.CurrentDirectory, "Bielefeld.Etl.sln")) ? Environment.CurrentDirectory : b);
        var work = options.GetValueOrDefault("--out") ?? options.GetValueOrDefault("--work") ?? Path.Combine(Path.GetTempPath(), "bielefeld-etl-bench");
        var workspace = BenchWorkspace.Create(work, repository, rows, seed);
        Console.Error.WriteLine($"Erzeuge {rows:N0} Zeilen (Seed {seed}) in {workspace.Root} …");
        if (generateOnly)
        {
            return Generate(workspace, sources, (int)Number(options, "--bad-every", Synthetic.BadRows.DefaultEvery));
        }

        foreach (var (path, bytes) in workspace.Generate())
        {
            Console.Error.WriteLine($"  {path} ({bytes / (1024.0 * 1024.0):N1} MB)");
        }

        var records = workspace.GenerateRecordSources((int)Number(options, "--bad-every", Synthetic.BadRows.DefaultEvery));
        foreach (var (source, files) in records)
        {
            Console.Error.WriteLine($"  {source}: {files.Count} Dateien, {files.Sum(f => f.DataRows):N0} Datensätze ({files.Sum(f => f.Bytes) / (1024.0 * 1024.0):N1} MB)");
        }

        var measurements = new List<Measurement>();
        var skipped = new List<Skipped>();
        var repeats = (int)Number(options, "--repeats", 3);
        measurements.AddRange(await ParseBench.RunAsync(workspace, repeats));
        if (options.ContainsKey("--no-sqlite"))
        {
            skipped.Add(new Skipped("sqlite.*", "auf Wunsch (--no-sqlite)"));
        }
        else
        {
            measurements.AddRange(await SqliteBench.RunAsync(workspace, records));
        }

        var postgresUnreachable = false;
        if (options.ContainsKey("--no-postgres"))
        {
            skipped.Add(new Skipped("postgres.*", "auf Wunsch (--no-postgres)"));
        }
        else
        {
            var postgres = options.GetValueOrDefault("--postgres")
                ?? (Environment.GetEnvironmentVariable("BIELEFELD_ETL_TEST_POSTGRES") is { Length: > 0 } configured ? configured : null)
                ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
            if (await PostgresBench.UnreachableAsync(postgres) is { } reason)
            {
                skipped.Add(new Skipped("postgres.*", reason));
                postgresUnreachable = true;
            }
            else
            {
                measurements.AddRange(await PostgresBench.RunAsync(workspace, postgres, (int)Number(options, "--naive-sample", 20_000), records));
            }
        }

        var report = new BenchReport(measurements, skipped, rows, seed, "bench " + string.Join(' ', args));
        Console.WriteLine(report.Table());
        foreach (var skip in skipped)
        {
            Console.Error.WriteLine($"Übersprungen: {skip.Measurements}: {skip.Reason}");
        }

        if (options.GetValueOrDefault("--json") is { } json)
        {
            report.WriteJson(json);
            Console.Error.WriteLine($"JSON: {Path.GetFullPath(json)}");
        }

        // A server named with --postgres that cannot be reached is a wrong argument; the default one is only skipped.
        if (postgresUnreachable && options.ContainsKey("--postgres"))
        {
            return 2;
        }

        return 0;
    }

    private static async Task<int> ReadsAsync(Dictionary<string, string?> options)
    {
        if (options.GetValueOrDefault("--work") is not { } work || options.GetValueOrDefault("--provider") is not { } provider
            || options.GetValueOrDefault("--connection") is not { } connection)
        {
            return Fail("bench reads braucht --work, --provider und --connection.");
        }

        var repository = options.GetValueOrDefault("--repo") ?? BenchWorkspace.FindRepository(Environment.CurrentDirectory);
        foreach (var measured in await ReadsCommand.RunAsync(repository, Path.GetFullPath(work), provider, connection))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{measured.Name}: {measured.Rows:N0} aktuelle Beobachtungen, {measured.Seconds:0.00} s, Spitze {measured.PeakWorkingSetMb:N0} MB"));
            Console.WriteLine(measured.Note);
        }

        return 0;
    }

    private static int Generate(BenchWorkspace workspace, HashSet<string> sources, int badEvery)
    {
        if (sources.Count == 0)
        {
            sources.UnionWith(BenchWorkspace.Sources);
        }

        if (sources.Contains("kaf") && workspace.Rows > Synthetic.Kaf.KafWorkbookGenerator.MaxRows)
        {
            Console.Error.WriteLine($"  kaf: höchstens {Synthetic.Kaf.KafWorkbookGenerator.MaxRows:N0} Kennzahlzeilen (eine Mappe je Projekt und Jahr bis {Synthetic.Kaf.KafWorkbookGenerator.OldestYear}).");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var expected = new Synthetic.ExpectedCounts();
        var files = workspace.Generate(sources, badEvery);
        foreach (var (path, bytes, counts) in files)
        {
            if (files.Count <= 50 || counts is null)
            {
                Console.Error.WriteLine(counts is { } c
                    ? $"  {path} ({bytes / (1024.0 * 1024.0):N1} MB): erwartet gelesen {c.Read:N0}, geladen {c.Loaded:N0}, abgewiesen {c.Rejected:N0}, übersprungen {c.Skipped:N0}"
                    : $"  {path} ({bytes / (1024.0 * 1024.0):N1} MB)");
            }

            expected += counts ?? default;
        }

        Console.Error.WriteLine($"{files.Count:N0} Dateien in {watch.Elapsed.TotalSeconds:N1} s; ohne BA erwartet: gelesen {expected.Read:N0}, geladen {expected.Loaded:N0}, abgewiesen {expected.Rejected:N0}, übersprungen {expected.Skipped:N0}.");
        Console.Error.WriteLine($"Laden: BIELEFELD_ETL_PIPELINES={workspace.Pipelines} BIELEFELD_ETL_AREAS={workspace.AreasFile} dotnet run --project src/Bielefeld.Etl.Cli -- run --all --inbox {workspace.Inbox}");
        return 0;
    }

    private static long Number(Dictionary<string, string?> options, string name, long fallback) =>
        options.GetValueOrDefault(name) is { } text
            ? long.Parse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture)
            : fallback;

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
