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

    public double PeakWorkingSetMb => Measurements.Where(m => m.Name.EndsWith(".end-to-end", StringComparison.Ordinal))
        .Select(m => m.PeakWorkingSetMb).DefaultIfEmpty(0).Max();

    public double? Ratio(Measurement m) =>
        m.Baseline is { } b && Find(b) is { RowsPerSecond: > 0 } baseline ? m.RowsPerSecond / baseline.RowsPerSecond : null;

    public Measurement? Find(string name) => Measurements.FirstOrDefault(m => m.Name == name);

    public IReadOnlyList<Goal> Goals()
    {
        var goals = new List<Goal>();
        void Ratio(string name, string target, double min)
        {
            if (Find(name) is { } m && this.Ratio(m) is { } r)
            {
                goals.Add(new Goal($"{name} / {m.Baseline}", target, r, r >= min));
            }
        }

        Ratio("postgres.end-to-end", "≥ 0.7", 0.7);
        Ratio("sqlite.end-to-end", "≥ 0.7", 0.7);
        Ratio("read.ba-long-csv", "≥ 0.5", 0.5);
        // A re-delivery stages and merges against the current values: linear, within twice the first load's time.
        Ratio("sqlite.re-delivery", "≥ 0.5", 0.5);
        Ratio("postgres.re-delivery", "≥ 0.5", 0.5);
        if (Find("postgres.end-to-end") is { } e2e && Find("postgres.naive-dapper-insert") is { RowsPerSecond: > 0 } naive)
        {
            var r = e2e.RowsPerSecond / naive.RowsPerSecond;
            goals.Add(new Goal("postgres.end-to-end / postgres.naive-dapper-insert", "≥ 50", r, r >= 50));
        }

        if (PeakWorkingSetMb > 0)
        {
            goals.Add(new Goal(string.Create(CultureInfo.InvariantCulture, $"peak working set MB ({rows:N0} rows)"), "< 300", PeakWorkingSetMb, PeakWorkingSetMb < 300));
        }

        foreach (var nightly in Measurements.Where(m => m.Name.EndsWith(".nightly-nothing-new", StringComparison.Ordinal)))
        {
            goals.Add(new Goal($"{nightly.Name} s", "< 2", nightly.Seconds, nightly.Seconds < 2));
        }

        foreach (var reads in Measurements.Where(m => m.Name.EndsWith(".read-queries", StringComparison.Ordinal)))
        {
            // The commands' reads run under a 30 s command timeout; a sixth of it leaves room for a slower server.
            goals.Add(new Goal(string.Create(CultureInfo.InvariantCulture, $"{reads.Name}: slowest s ({reads.Rows:N0} observations)"), "< 5", reads.Seconds, reads.Seconds < 5));
        }

        foreach (var attainment in Measurements.Where(m => m.Name.EndsWith(".attainment", StringComparison.Ordinal) && m.Rows > 0))
        {
            // Linear in the observations read and the figures written; below a million, scaled up (and named so).
            var perMillion = attainment.Seconds * 1_000_000.0 / attainment.Rows;
            var name = attainment.Rows >= 1_000_000 ? $"{attainment.Name} s per 1 M observations" : $"{attainment.Name} s per 1 M observations (scaled from {attainment.Rows:N0})";
            goals.Add(new Goal(name, "< 10", perMillion, perMillion < 10));
        }

        return goals;
    }

    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Bench: {rows:N0} rows (BA long CSV), seed {seed}; {Machine()["description"]}");
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
                ["name"] = g.Name, ["target"] = g.Target, ["measured"] = Math.Round(g.Actual, 4), ["met"] = g.Met,
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
