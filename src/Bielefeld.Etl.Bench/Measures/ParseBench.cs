using System.Diagnostics;
using System.Globalization;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Sources.Csv;
using CsvHelper;
using nietras.SeparatedValues;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>Parse only: Sep's bare parse (the baseline), CsvHelper reading and converting three fields, and the product's reader.</summary>
internal static class ParseBench
{
    public static async Task<IReadOnlyList<Measurement>> RunAsync(BenchWorkspace workspace, int repeats)
    {
        var results = new List<Measurement>();
        var path = workspace.BaFile;
        results.Add(await BestAsync(repeats, () => CpuTimed("parse.sep", null, () => Sep(path))));
        results.Add(await BestAsync(repeats, () => CpuTimed("parse.csvhelper", "parse.sep", () => CsvHelper(path),
            "CsvHelper 34: liest jede Zeile und wandelt Berichtsmonat, Datenstand und Wert")));
        if (workspace.HasBaPipeline)
        {
            var reader = SourceReaders.Create(PipelineFiles.Read(Path.Combine(workspace.Pipelines, BenchWorkspace.BaPipeline + ".yml")),
                new SourceContext(workspace.Catalog, workspace.Areas()));
            results.Add(await BestAsync(repeats, () => CpuTimed("read.ba-long-csv", "parse.sep", () => Product(reader, path),
                "Reader des Produkts: lesen, abbilden, prüfen (ohne Datenbank)")));
        }

        return results;
    }

    /// <summary>The fastest of <paramref name="repeats"/> runs: on a shared 2-core machine the others measure the neighbours.</summary>
    public static async Task<Measurement> BestAsync(int repeats, Func<Task<Measurement>> run)
    {
        Measurement? best = null;
        for (var i = 0; i < Math.Max(1, repeats); i++)
        {
            var m = await run();
            best = best is null || m.Seconds < best.Seconds
                ? m with { PeakWorkingSetMb = Math.Max(m.PeakWorkingSetMb, best?.PeakWorkingSetMb ?? 0) }
                : best with { PeakWorkingSetMb = Math.Max(m.PeakWorkingSetMb, best.PeakWorkingSetMb) };
        }

        return best! with { Note = repeats > 1 ? $"beste von {repeats} Läufen; {best.Note}".TrimEnd(' ', ';') : best.Note };
    }

    /// <summary>
    /// A timed run whose note also gives the process's CPU seconds for the work: on a machine shared with other builds
    /// the wall time of a sub-second parse moves by a factor of two or more, its CPU time much less, so the note shows
    /// which of the two moved.
    /// </summary>
    private static async Task<Measurement> CpuTimed(string name, string? baseline, Func<long> work, string? note = null)
    {
        using var process = Process.GetCurrentProcess();
        var cpu = TimeSpan.Zero;
        var measured = await Timed.RunAsync(name, baseline, () =>
        {
            process.Refresh();
            var before = process.TotalProcessorTime;
            var rows = work();
            process.Refresh();
            cpu = process.TotalProcessorTime - before;
            return Task.FromResult(rows);
        }, note);
        return measured with { Note = string.Create(CultureInfo.InvariantCulture, $"CPU {cpu.TotalSeconds:F2} s; {measured.Note}").TrimEnd(' ', ';') };
    }

    private static long Sep(string path)
    {
        long rows = 0, chars = 0;
        using var reader = nietras.SeparatedValues.Sep.Reader().FromFile(path);
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }

            rows++;
        }

        GC.KeepAlive(chars);
        return rows;
    }

    private static long CsvHelper(string path)
    {
        long rows = 0;
        decimal sum = 0;
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { Encoding = ExtractEncoding.Detect(path) });
        while (reader.Read())
        {
            var month = reader.Parse<int>(0, CultureInfo.InvariantCulture);
            var status = reader.ParseExact<DateTime>(1, "dd.MM.yyyy", CultureInfo.InvariantCulture);
            if (decimal.TryParse(reader.GetSpan(6), NumberStyles.Number, GermanValues.Culture, out var value))
            {
                sum += value + month + status.Day;
            }

            rows++;
        }

        GC.KeepAlive(sum);
        return rows;
    }

    private static long Product(IExtractReader reader, string path)
    {
        long rows = 0;
        using var reading = reader.Open(path);
        foreach (var row in reading.Rows)
        {
            if (row is not SourceRow.Skipped || row.Row > 1)
            {
                rows++;
            }
        }

        rows += reading.Totals.Count();
        return rows;
    }
}
