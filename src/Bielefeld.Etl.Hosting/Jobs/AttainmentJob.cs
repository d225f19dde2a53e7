using Bielefeld.Etl.Jobs;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// The continuation of a successful pipeline job: attainment for the indicators its loads changed, then the delivery
/// calendar and status hints, as after every <c>run</c>.
/// </summary>
public sealed partial class AttainmentJob(PipelineRun run, ILogger<AttainmentJob> logger)
{
    /// <summary>Recomputes attainment and the stewardship state; idempotent, so a repeated execution does no harm.</summary>
    /// <returns>The number of attainment figures written.</returns>
    [AutomaticRetry(Attempts = 5)]
    [JobDisplayName("Zielerreichung nach {0}")]
    public async Task<int> RecomputeAsync(string pipeline, IReadOnlyList<string> indicators, CancellationToken cancellationToken)
    {
        var figures = await run.RecomputeAsync(indicators, cancellationToken);
        await run.RefreshStewardshipAsync(cancellationToken);
        LogRecomputed(pipeline, indicators.Count, figures);
        return figures;
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Zielerreichung nach {Pipeline}: {Indicators} Indikatoren, {Figures} Monatswerte neu berechnet")]
    private partial void LogRecomputed(string pipeline, int indicators, int figures);
}
