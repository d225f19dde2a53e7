using System.Linq.Expressions;
using Bielefeld.Etl.Jobs;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// The recurring job of one pipeline: load what its inbox holds, then (as a continuation, only when the job
/// succeeded) recompute attainment for the indicators whose values changed and refresh the stewardship state. Exactly-once does not rest on Hangfire: every file is claimed
/// by its fingerprint inside its load's transaction, so a second execution of the same job (another server, a job
/// fetched again after the invisibility timeout) finds the file loaded and only archives it. The pipeline lock merely
/// saves that wasted work.
/// </summary>
public sealed partial class PipelineJob(PipelineRun run, ILogger<PipelineJob> logger, IProgress<RunProgress>? progress = null)
{
    /// <summary>Runs <paramref name="pipeline"/>; the report is what the dashboard shows as the job's result.</summary>
    [PipelineLock(timeoutInSeconds: 5)]
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [600, 1800])]
    [JobDisplayName("Pipeline {0}")]
    public async Task<PipelineJobReport> RunAsync(string pipeline, PerformContext? context, CancellationToken cancellationToken)
    {
        var summary = await run.LoadAsync([pipeline], progress, cancellationToken);
        var indicators = summary.AffectedIndicators.Order(StringComparer.Ordinal).ToList();
        if (context is not null)
        {
            Expression<Func<AttainmentJob, Task>> recompute = job => job.RecomputeAsync(pipeline, indicators, CancellationToken.None);
            new BackgroundJobClient(context.Storage).ContinueJobWith(context.BackgroundJob.Id, recompute); // only once this job has succeeded
        }

        var report = PipelineJobReport.From(pipeline, summary, run.Retries);
        LogPipelineDone(pipeline, report.Geladen, report.BereitsGeladen, report.Abgewiesen, report.Fehlgeschlagen, report.Zurueckgestellt.Count);
        return report;
    }

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information,
        Message = "Pipeline {Pipeline}: {Loaded} geladen, {AlreadyLoaded} bereits geladen, {Refused} abgewiesen, {Failed} fehlgeschlagen, {Deferred} zurückgestellt")]
    private partial void LogPipelineDone(string pipeline, int loaded, int alreadyLoaded, int refused, int failed, int deferred);
}
