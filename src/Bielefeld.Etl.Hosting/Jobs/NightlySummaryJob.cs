using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Hangfire;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// The morning summary of the server mode: after the night's pipeline jobs, every load since the previous summary in
/// plain German, written into the reports folder and mailed where a relay is configured.
/// </summary>
public sealed class NightlySummaryJob(PipelineRun run, WarehouseProvider warehouse)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "nachtbericht";

    /// <summary>07:30 Europe/Berlin, after the last pipeline of the night.</summary>
    public const string Schedule = "30 7 * * *";

    /// <summary>Writes (and mails) the summary; returns the HTML file.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Nachtbericht")]
    public Task<string> PublishAsync(CancellationToken cancellationToken) =>
        NightlySummaryPublisher.PublishSinceLastAsync(run, warehouse, TimeProvider.System.GetUtcNow(), cancellationToken);
}
