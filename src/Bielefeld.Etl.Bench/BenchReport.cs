using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Bielefeld.Etl.Bench;

/// <summary>The table of one bench run, with ratios and goals; printed for people and written as JSON for CI.</summary>
internal sealed class BenchReport(IReadOnlyList<Measurement> measurements, IReadOnlyList<Skipped> skipped, long rows, int seed, string command)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public IReadOnlyList<Measurement> Measurements { get; } = measurements;

    /// <summary>The highest peak of the end-to-end loads (BA and record-level sources): what the nightly job needs.</summary>
    public double PeakWorkingSetMb => Measurements.Where(m => m.Name.EndsWith(".end-to-end", StringComparison.Ordinal))
        .Select(m => m.PeakWorkingSetMb).DefaultIfEmpty(0).Max();

    public double? Ratio(Measurement m) =>
        m.Baseline is { } b && Find(b) is { RowsPerSecond: > 0 } baseline ? m.RowsPerSecond / baseline.RowsPerSecond : null;

    public Measurement? Find(string name) => Measurements.FirstOrDefault(m => m.Name == name);

    /// <summary>
    /// The goals of issue 19 (ratios against the baselines of the same run, working set, nightly no-op, attainment) and
    /// those of issue 15 it does not replace (a re-delivery within twice the first load's time, the reads far from the
    /// command timeout). Each names the measurements it is computed from.
    /// </summary>
    public IReadOnlyList<Goal> Goals()
    {
        var goals = new List<Goal>();
        void Ratio(string name, string baseline, string target, double min)
        {
            if (Find(name) is { RowsPerSecond: > 0 } m && Find(baseline) is { RowsPerSecond: > 0 } b)
            {
                var r = m.RowsPerSecond / b.RowsPerSecond;
                goals.Add(new Goal($"{name} / {baseline}", target, r, r >= min) { Measurements = [name, baseline] });
            }
        }

        // Issue 19: a third of the database's raw bulk speed, for a first load and for a re-delivery of a whole month.
        Ratio("postgres.end-to-end", "postgres.copy.unlogged", "≥ 0.35", 0.35);
        Ratio("postgres.re-delivery", "postgres.copy.unlogged", "≥ 0.35", 0.35);
        Ratio("sqlite.end-to-end", "sqlite.insert.bare", "≥ 0.7", 0.7);
        Ratio("read.ba-long-csv", "parse.sep", "≥ 0.15", 0.15);
        Ratio("postgres.end-to-end", "postgres.naive-dapper-insert", "≥ 40", 40);
        // Issue 15: a re-delivery stages and merges against the current values, linear, within twice the first load's time.
        Ratio("sqlite.re-delivery", "sqlite.end-to-end", "≥ 0.5", 0.5);
        Ratio("postgres.re-delivery", "postgres.end-to-end", "≥ 0.5", 0.5);
        var endToEnd = Measurements.Where(m => m.Name.EndsWith(".end-to-end", StringComparison.Ordinal)).ToList();
        if (PeakWorkingSetMb > 0)
        {
            goals.Add(new Goal(string.Create(CultureInfo.InvariantCulture, $"peak working set MB ({rows:N0} rows)"), "< 300", PeakWorkingSetMb, PeakWorkingSetMb < 300)
            {
                Measurements = [.. endToEnd.Select(m => m.Name)],
            });
        }

        foreach (var nightly in Measurements.Where(m => m.Name.EndsWith(".nightly-nothing-new", StringComparison.Ordinal)))
        {
            goals.Add(new Goal($"{nightly.Name} s", "< 2", nightly.Seconds, nightly.Seconds < 2) { Measurements = [nightly.Name] });
        }

        foreach (var reads in Measurements.Where(m => m.Name.EndsWith(".read-queries", StringComparison.Ordinal)))
        {
            // The commands' reads run under a 30 s command timeout; a sixth of it leaves room for a slower server.
            goals.Add(new Goal(string.Create(CultureInfo.InvariantCulture, $"{reads.Name}: slowest s ({reads.Rows:N0} observations)"), "< 5", reads.Seconds, reads.Seconds < 5)
            {
                Measurements = [reads.Name],
            });
        }

        foreach (var attainment in Measurements.Where(m => m.Name.EndsWith(".attainment", StringComparison.Ordinal) && m.Rows > 0))
        {
            // Linear in the observations read and the figures written; below a million, scaled up (and named so).
            var perMillion = attainment.Seconds * 1_000_000.0 / attainment.Rows;
            var name = attainment.Rows >= 1_000_000 ? $"{attainment.Name} s per 1 M observations" : $"{attainment.Name} s per 1 M observations (scaled from {attainment.Rows:N0})";
            goals.Add(new Goal(name, "< 10", perMillion, perMillion < 10) { Measurements = [attainment.Name] });
        }

        return goals;
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bench: {rows:N0} rows (BA long CSV) and {BenchWorkspace.RecordRowsOf(rows):N0} records each of REKOM, Prosoz, Einwohnermeldeamt, seed {seed}; {Machine()["description"]}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Command: {command}");
        text.AppendLine();
        text.AppendLine("| measurement | rows | s | rows/s | baseline | ratio | peak WS MB | note |");
        text.AppendLine("|---|---:|---:|---:|---|---:|---:|---|");
        foreach (var m in Measurements)
        {
            var ratio = Ratio(m) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {m.Name} | {m.Rows:N0} | {m.Seconds:0.00} | {m.RowsPerSecond:N0} | {m.Baseline} | {ratio} | {m.PeakWorkingSetMb:N0} | {m.Note} |");
        }

        foreach (var skip in skipped)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {skip.Measurements} | | | | | | | übersprungen: {skip.Reason} |");
        }

        text.AppendLine();
        text.AppendLine("| goal | target | measured | met |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var g in Goals())
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {g.Name} | {g.Target} | {g.Actual:0.00} | {(g.Met ? "yes" : "NO")} |");
        }

        return text.ToString();
    }

    public void WriteJson(string path)
    {
        var document = new Dictionary<string, object?>
        {
            ["rows"] = rows,
            ["seed"] = seed,
            ["command"] = command,
            ["finished_utc"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            ["machine"] = Machine(),
            ["peak_working_set_mb"] = Math.Round(PeakWorkingSetMb, 1),
            ["measurements"] = Measurements.Select(m => new Dictionary<string, object?>
            {
                ["name"] = m.Name,
                ["rows"] = m.Rows,
                ["seconds"] = Math.Round(m.Seconds, 4),
                ["rows_per_s"] = Math.Round(m.RowsPerSecond, 1),
                ["baseline"] = m.Baseline,
                ["ratio"] = Ratio(m) is { } r ? Math.Round(r, 4) : null,
                ["peak_working_set_mb"] = Math.Round(m.PeakWorkingSetMb, 1),
                ["note"] = m.Note,
            }).ToList(),
            ["skipped"] = skipped.Select(s => new Dictionary<string, object?> { ["measurements"] = s.Measurements, ["reason"] = s.Reason }).ToList(),
            ["goals"] = Goals().Select(g => new Dictionary<string, object?>
            {
                ["name"] = g.Name, ["target"] = g.Target, ["measured"] = Math.Round(g.Actual, 4), ["met"] = g.Met, ["measurements"] = g.Measurements,
            }).ToList(),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(document, Indented));
    }

    public static Dictionary<string, object?> Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memoryGb = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new Dictionary<string, object?>
        {
            ["cores"] = Environment.ProcessorCount,
            ["cpu"] = cpu ?? RuntimeInformation.ProcessArchitecture.ToString(),
            ["memory_gb"] = Math.Round(memoryGb, 1),
            ["os"] = RuntimeInformation.OSDescription,
            ["runtime"] = RuntimeInformation.FrameworkDescription,
            ["description"] = string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores ({cpu}), {memoryGb:0} GB, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}"),
        };
    }
}
