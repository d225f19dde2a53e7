using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Hangfire;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// The morning summary of the server mode: after the night's pipeline jobs, every load since the previous summary in
/// plain German, written into the reports folder and mailed where a relay is configured.
/// </summary>
public sealed partial class NightlySummaryJob(PipelineRun run, WarehouseProvider warehouse, ILogger<NightlySummaryJob> logger)
{
    /// <summary>The recurring job's id.</summary>
    public const string Id = "nachtbericht";

    /// <summary>07:30 Europe/Berlin, after the last pipeline of the night.</summary>
    public const string Schedule = "30 7 * * *";

    /// <summary>Writes (and mails) the summary; returns the HTML file.</summary>
    [AutomaticRetry(Attempts = 3)]
    [JobDisplayName("Nachtbericht")]
    public async Task<string> PublishAsync(CancellationToken cancellationToken)
    {
        var page = await NightlySummaryPublisher.PublishSinceLastAsync(run, warehouse, cancellationToken);
        LogPublished(page, run.Options.Smtp is null ? "nicht versandt (kein Nachtbericht:Smtp:Host)" : $"versandt an {string.Join(", ", run.Options.Smtp.To)}");
        return page;
    }

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Nachtbericht {Page} geschrieben, {Mail}")]
    private partial void LogPublished(string page, string mail);
}
