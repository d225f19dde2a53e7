using System.Globalization;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Synthetic;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>
/// The record-level sources (REKOM, Prosoz, Einwohnermeldeamt) end to end, as the nightly job loads them: their generated
/// files read, counted up into observations, merged and recomputed in a warehouse of their own. The observations the load
/// wrote are then written out as normalised rows, so that each provider can time its baseline (bare insert, unlogged COPY)
/// over exactly what the pipeline produced.
/// </summary>
internal static class RecordSources
{
    /// <summary>Loads <paramref name="source"/>'s generated files into <paramref name="warehouse"/> (fresh); rows = observations written.</summary>
    /// <returns>The end-to-end measurement (its baseline still to be named by the caller) and the normalised rows' file.</returns>
    public static async Task<(Measurement EndToEnd, string Normalised)> LoadAsync(
        string prefix, BenchWorkspace workspace, string source, IReadOnlyList<GeneratedFile> files, WarehouseProvider warehouse, WarehouseSettings settings)
    {
        var run = PipelineRun.Prepare(workspace.RecordOptions(source, settings), warehouse, NullLogger.Instance, TimeProvider.System);
        await run.InitialiseAsync(CancellationToken.None);
        EndToEnd.Steps? steps = null;
        var measured = await Timed.RunAsync($"{prefix}.{source}.end-to-end", null, async () =>
        {
            steps = await EndToEnd.LoadRecomputeAndRefreshAsync(run, [source]);
            return steps.Summary.Files.Sum(f => f.Counts.Read);
        });
        var summary = steps!.Summary;
        var failed = summary.Files.FirstOrDefault(f => f.Status != FileLoadStatus.Loaded);
        if (failed is not null || summary.Files.Count != files.Count)
        {
            throw new InvalidOperationException($"{prefix}.{source}: {summary.Files.Count} von {files.Count} Dateien geladen; {failed?.File.Path} {failed?.Status} {failed?.Message}");
        }

        var (read, loaded, rejected, skipped) = summary.Files.Aggregate((0L, 0L, 0L, 0L), (t, f) => (t.Item1 + f.Counts.Read, t.Item2 + f.Counts.Loaded, t.Item3 + f.Counts.Rejected, t.Item4 + f.Counts.Skipped));
        var expected = files.Aggregate(default(ExpectedCounts), (t, f) => t + f.Expected);
        var conservation = read == loaded + rejected + skipped ? "Zeilenbilanz stimmt" : "ZEILENBILANZ VERLETZT";
        var asGenerated = expected == new ExpectedCounts(read, loaded, rejected, skipped)
            ? "wie erzeugt"
            : $"ABWEICHUNG, erzeugt: gelesen {expected.Read:N0}, geladen {expected.Loaded:N0}, abgewiesen {expected.Rejected:N0}, übersprungen {expected.Skipped:N0}";
        var normalised = Path.Combine(workspace.RecordRoot(source), $"{prefix}-beobachtungen.tsv");
        var observations = await WriteNormalisedAsync(warehouse, normalised);
        var recordsPerSecond = measured.Seconds > 0 ? read / measured.Seconds : 0;
        return (measured with
        {
            Rows = observations,
            Note = string.Create(CultureInfo.InvariantCulture,
                $"{files.Count} Dateien, Datensätze gelesen {read:N0}, geladen {loaded:N0}, abgewiesen {rejected:N0}, übersprungen {skipped:N0} ({conservation}, {asGenerated}); ") +
                string.Create(CultureInfo.InvariantCulture,
                $"Zeilen = {observations:N0} Beobachtungen daraus; {recordsPerSecond:N0} Datensätze/s; Zielerreichung {summary.AttainmentFigures:N0} Monatswerte; ") +
                steps.Timings(),
        }, normalised);
    }

    /// <summary>Writes every current observation of the (single-source) warehouse as the bench's normalised rows; returns how many.</summary>
    private static async Task<long> WriteNormalisedAsync(WarehouseProvider warehouse, string path)
    {
        // The warehouse holds one load of one source: every version is a current one.
        var observations = await warehouse.ObservationHistoryAsync(null, CancellationToken.None);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        foreach (var o in observations)
        {
            await writer.WriteAsync(string.Join('\t',
                Text(o.IndicatorCode), o.Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Text(o.AreaCode), Text(o.Source), Text(o.SeriesKey),
                Number(o.Value), Number(o.Numerator), Number(o.Denominator), o.Suppressed ? "t" : "f", "\\N", "1"));
            await writer.WriteAsync('\n');
        }

        return observations.Count;
    }

    // PostgreSQL's COPY text format: backslash, tab and line breaks escaped, \N for null.
    private static string Text(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "\\N";
}
