using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>
/// Where a pipeline stands, from the load protocol: its latest load with the row counts, and the latest error
/// (refused or failed file) since its latest successful load. <c>status</c> and the dashboard show it.
/// </summary>
/// <param name="Pipeline">The pipeline.</param>
/// <param name="Schedule">Its cron expression (Europe/Berlin), if scheduled.</param>
/// <param name="LastLoad">Its latest entry in the load protocol; null when nothing was ever recorded.</param>
/// <param name="LastError">The latest refusal or failure after its latest successful load, if any.</param>
public sealed record PipelineStatus(string Pipeline, string? Schedule, LoadRecord? LastLoad, LoadRecord? LastError)
{
    /// <summary>One status per pipeline, in the pipelines' order, from <paramref name="recent"/> (newest first).</summary>
    public static IReadOnlyList<PipelineStatus> From(IEnumerable<PipelineDefinition> pipelines, IReadOnlyList<LoadRecord> recent) =>
        pipelines.Select(p =>
        {
            var loads = recent.Where(l => string.Equals(l.Quelle, p.Name, StringComparison.Ordinal)).ToList();
            var error = loads.TakeWhile(l => l.Status != "geladen").FirstOrDefault(l => l.Status is "fehlgeschlagen" or "abgewiesen");
            return new PipelineStatus(p.Name, p.Schedule, loads.FirstOrDefault(), error);
        }).ToList();
}
