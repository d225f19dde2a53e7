using System.Diagnostics;
using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Bench.Measures;

/// <summary>
/// The reads behind <c>run</c>, <c>status</c>, <c>report</c>, the nightly summary and the workspace, each timed on the
/// warehouse the bench just filled: none of them may come near the 30 s command timeout as the fact grows.
/// </summary>
internal static class ReadQueries
{
    /// <summary>Times each read once; the measurement's seconds are the slowest read's, its note lists them all.</summary>
    public static async Task<Measurement> RunAsync(string prefix, WarehouseProvider warehouse, PipelineRun run, long observations)
    {
        var area = LargestArea(run);
        var timings = new List<(string Read, double Seconds)>();
        async Task Time(string read, Func<Task> query)
        {
            var watch = Stopwatch.StartNew();
            await query();
            timings.Add((read, watch.Elapsed.TotalSeconds));
        }

        var ct = CancellationToken.None;
        var measured = await Timed.RunAsync($"{prefix}.read-queries", null, async () =>
        {
            IReadOnlyList<AttainmentRow> latest = [];
            await Time("letzte Zielerreichung (status, Zusammenfassung, Dashboard)", async () => latest = await warehouse.LatestAttainmentAsync(ct));
            await Time($"Zielerreichung {area} (report, Arbeitsplatz)", () => warehouse.AttainmentSeriesAsync(area, ct));
            await Time($"Zielerreichung {area} zum Stichtag (report --as-of)", () => warehouse.AttainmentAsOfAsync(run.Catalog, run.Areas, run.Attainment, area, DateTimeOffset.UtcNow, ct));
            await Time($"Herkunft {area} (report)", () => warehouse.AreaProvenanceAsync(area, ct));
            if (latest.Count > 0)
            {
                // The workspace's Herkunft page of the indicator with the most figures: every area, every month.
                var indicator = latest.GroupBy(r => r.IndikatorCode).MaxBy(g => g.Count())!.Key;
                await Time($"Herkunft {indicator} (Arbeitsplatz)", () => warehouse.ProvenanceAsync(indicator, ct));
            }

            await Time("Ladeprotokoll (status, Arbeitsplatz)", () => warehouse.RecentLoadsAsync(1_000, ct));
            await Time("abgewiesene Zeilen (Arbeitsplatz)", () => warehouse.RejectedRowsAsync(new RejectedRowQuery(Limit: 10_000), ct));
            await Time("ausstehende Folgearbeiten (run)", async () =>
            {
                await warehouse.PendingAttainmentAsync(ct);
                await warehouse.PendingStewardReportsAsync(ct);
            });
            await Time("Lieferstatus und Hinweise (run, Zusammenfassung)", () => run.RefreshStewardshipAsync(ct));
            return observations;
        });
        var slowest = timings.MaxBy(t => t.Seconds);
        return measured with
        {
            Seconds = slowest.Seconds,
            Note = "langsamste Abfrage (Sekunden zählen): " + string.Join("; ", timings.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Read} {t.Seconds:0.00} s"))),
        };
    }

    /// <summary>The city: every indicator has figures there, so its reads are the largest of any area.</summary>
    private static string LargestArea(PipelineRun run) =>
        run.Areas.Areas.FirstOrDefault(a => a.Level == AreaLevel.City)?.Code ?? run.Areas.Areas[0].Code;
}
