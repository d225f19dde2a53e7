using Bielefeld.Etl.Jobs;
using Hangfire;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>The continuation of a successful pipeline job: attainment for the indicators its loads changed.</summary>
public sealed class AttainmentJob(PipelineRun run)
{
    /// <summary>Recomputes attainment; idempotent, so a repeated execution does no harm.</summary>
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Zielerreichung nach {0}")]
    public Task<int> RecomputeAsync(string pipeline, IReadOnlyList<string> indicators, CancellationToken cancellationToken) =>
        run.RecomputeAsync(indicators, cancellationToken);
}
