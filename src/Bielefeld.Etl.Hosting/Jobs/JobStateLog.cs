using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// Every state a job enters (enqueued, processing, succeeded, failed, scheduled for a retry, deleted), one line with
/// event id 2010 (2011 for a failure), so an operator reads a job's night in the service's log without the dashboard.
/// </summary>
public sealed partial class JobStateLog(ILogger<JobStateLog> logger) : IApplyStateFilter
{
    /// <inheritdoc />
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        var job = context.BackgroundJob.Job;
        var name = job is null ? "?" : $"{job.Type.Name}.{job.Method.Name}" + (job.Args is [string first, ..] ? $"({first})" : "");
        if (context.NewState is FailedState failed)
        {
            LogJobFailed(context.BackgroundJob.Id, name, context.OldStateName ?? "-", failed.Exception.Message);
        }
        else
        {
            LogJobState(context.BackgroundJob.Id, name, context.OldStateName ?? "-", context.NewState.Name, context.NewState.Reason is { Length: > 0 } reason ? $" ({reason})" : "");
        }
    }

    /// <inheritdoc />
    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Job {JobId} {Job}: {OldState} → {NewState}{Reason}")]
    private partial void LogJobState(string jobId, string job, string oldState, string newState, string reason);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Job {JobId} {Job}: {OldState} → Failed: {Error}")]
    private partial void LogJobFailed(string jobId, string job, string oldState, string error);
}
