using Bielefeld.Etl.Jobs;
using Hangfire;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// The continuation of a successful pipeline job: attainment for the indicators its loads changed, then the delivery
/// calendar and status hints, as after every <c>run</c>.
/// </summary>
public sealed class AttainmentJob(PipelineRun run)
{
    /// <summary>Recomputes attainment and the stewardship state; idempotent, so a repeated execution does no harm.</summary>
    /// <returns>The number of attainment figures written.</returns>
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Zielerreichung nach {0}")]
    public async Task<int> RecomputeAsync(string pipeline, IReadOnlyList<string> indicators, CancellationToken cancellationToken)
    {
        var figures = await run.RecomputeAsync(indicators, cancellationToken);
        await run.RefreshStewardshipAsync(cancellationToken);
        return figures;
    }
}
