using System.Diagnostics;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>The product's own path, as the nightly job runs it: read, map, validate, stage, merge, attainment.</summary>
internal static class EndToEnd
{
    /// <summary>Loads the bench file into <paramref name="warehouse"/>, then recomputes all attainment and runs a night with nothing new.</summary>
    public static async Task<IReadOnlyList<Measurement>> RunAsync(
        string prefix, string baseline, BenchWorkspace workspace, WarehouseProvider warehouse, WarehouseSettings settings,
        Func<Task<long>> countObservations)
    {
        var run = PipelineRun.Prepare(workspace.Options(settings), warehouse, NullLogger.Instance, TimeProvider.System);
        // Schema and catalog (with every synthetic quarter) before the clock starts: that is the one-off set-up.
        await run.InitialiseAsync(CancellationToken.None);
        string[] pipelines = [BenchWorkspace.BaPipeline];
        Steps? steps = null;
        var load = await Timed.RunAsync($"{prefix}.end-to-end", baseline, async () =>
        {
            steps = await LoadRecomputeAndRefreshAsync(run, pipelines);
            return workspace.Ba.Rows;
        });
        var summary = steps!.Summary;
        var loaded = summary.Files.Single();
        if (loaded.Status != FileLoadStatus.Loaded)
        {
            throw new InvalidOperationException($"{prefix}: die Bench-Datei wurde nicht geladen: {loaded.Status} {loaded.Message}");
        }

        load = load with
        {
            Note = $"gelesen {loaded.Counts.Read:N0}, geladen {loaded.Counts.Loaded:N0}, abgewiesen {loaded.Counts.Rejected:N0}, " +
                   $"übersprungen {loaded.Counts.Skipped:N0}; Zielerreichung {summary.AttainmentFigures:N0} Monatswerte; " + steps.Timings(),
        };
        var observations = await countObservations();
        var attainment = await Timed.RunAsync($"{prefix}.attainment", null, async () =>
        {
            var figures = await warehouse.RecomputeAttainmentAsync(run.Catalog, null, run.Attainment, CancellationToken.None);
            Console.Error.WriteLine($"    {figures:N0} Zielerreichungswerte aus {observations:N0} Beobachtungen");
            return observations;
        }, "Neuberechnung aller Indikatoren; Zeilen = aktuelle Beobachtungen");
        var nightly = await Timed.RunAsync($"{prefix}.nightly-nothing-new", null, async () =>
        {
            var again = await run.RunAsync(pipelines, null, CancellationToken.None);
            if (again.Files.Any(f => f.Status != FileLoadStatus.AlreadyLoaded))
            {
                throw new InvalidOperationException($"{prefix}: der zweite Lauf hat etwas geladen.");
            }

            return workspace.Ba.Rows;
        }, "zweiter Lauf über dieselbe Datei: Fingerabdruck, nichts Neues; Sekunden zählen, nicht Zeilen/s");
        var redelivery = await RedeliverAsync(prefix, workspace, run, pipelines, countObservations, observations);
        var reads = await ReadQueries.RunAsync(prefix, warehouse, run, observations);
        return [load, attainment, nightly, redelivery, reads];
    }

    /// <summary>
    /// What <see cref="PipelineRun.RunAsync"/> does, step by step, to say where the time goes: load, attainment for what
    /// the load changed, delivery calendar and status hints.
    /// </summary>
    public static async Task<Steps> LoadRecomputeAndRefreshAsync(PipelineRun run, string[] pipelines)
    {
        var watch = Stopwatch.StartNew();
        var loads = await run.LoadAsync(pipelines, null, CancellationToken.None);
        var loading = watch.Elapsed;
        var figures = await run.RecomputeAsync(loads.AffectedIndicators, CancellationToken.None);
        var recomputing = watch.Elapsed - loading;
        await run.RefreshStewardshipAsync(CancellationToken.None);
        var stewardship = watch.Elapsed - loading - recomputing;
        return new Steps(loads with { AttainmentFigures = figures }, loading, recomputing, stewardship);
    }

    /// <summary>A run's summary and the time of each of its steps.</summary>
    public sealed record Steps(RunSummary Summary, TimeSpan Loading, TimeSpan Recomputing, TimeSpan Stewardship)
    {
        public string Timings() =>
            $"Laden {Loading.TotalSeconds:N2} s, Zielerreichung {Recomputing.TotalSeconds:N2} s, Lieferstatus und Hinweise {Stewardship.TotalSeconds:N2} s";
    }

    /// <summary>
    /// A corrected delivery of the whole file that supersedes one month's values: staged, merged against the
    /// current values and recomputed, as the nightly job would. The current observations must stay as many as before
    /// (each superseded value replaced by its correction).
    /// </summary>
    private static async Task<Measurement> RedeliverAsync(
        string prefix, BenchWorkspace workspace, PipelineRun run, string[] pipelines, Func<Task<long>> countObservations, long observations)
    {
        var changed = workspace.WriteRedelivery();
        try
        {
            RunSummary? summary = null;
            var measured = await Timed.RunAsync($"{prefix}.re-delivery", $"{prefix}.end-to-end", async () =>
            {
                summary = await run.RunAsync(pipelines, null, CancellationToken.None);
                return workspace.Ba.Rows;
            });
            var file = summary!.Files.SingleOrDefault(f => f.Status != FileLoadStatus.AlreadyLoaded)
                ?? throw new InvalidOperationException($"{prefix}: Neulieferung nicht geladen: {string.Join("; ", summary.Deferred.Select(d => d.Reason))}");
            var current = await countObservations();
            if (file.Status != FileLoadStatus.Loaded || current != observations)
            {
                throw new InvalidOperationException($"{prefix}: Neulieferung {file.Status} {file.Message}; aktuelle Beobachtungen {current:N0} statt {observations:N0}.");
            }

            return measured with
            {
                Note = $"ganze Datei neu geliefert, alle {changed:N0} Werte des letzten Monats korrigiert (der Monat ganz ersetzt); gelesen {file.Counts.Read:N0}, geladen {file.Counts.Loaded:N0}; " +
                       $"aktuelle Beobachtungen vorher und nachher {current:N0}",
            };
        }
        finally
        {
            File.Delete(workspace.RedeliveryFile);
        }
    }
}
