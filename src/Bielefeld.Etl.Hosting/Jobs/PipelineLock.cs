using System.Reflection;
using Hangfire.Server;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// One execution per pipeline at a time for the jobs marked <see cref="PipelineLockAttribute"/>, as far as the job
/// storage's distributed lock reaches. A lock that is a session's application lock, or in memory, ends with its
/// process. A lock that is a row outlives a killed server until it is older than the storage's DistributedLockTimeout
/// (never renewed; the provider's plug-in says which, <see cref="JobStorageFactory.OrphanedLockExpiry"/>): an
/// execution that finds the lock taken there waits for it that long, saying
/// so in the log (event 2020), and runs once the orphaned lock has expired (2021) instead of being skipped until the
/// next schedule. An execution that still cannot take it is skipped (2022). The lock saves work and nothing more:
/// correctness comes from the load's fingerprint claim.
/// </summary>
public sealed partial class PipelineLock(ILogger<PipelineLock> logger) : IServerFilter
{
    private const string LockKey = "bielefeld-etl:pipeline-lock";

    /// <summary>What the wait adds to the storage's lock expiry: the storage polls for the lock, not at the very moment it expires.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        if (context.BackgroundJob.Job?.Method.GetCustomAttribute<PipelineLockAttribute>() is not { } marked)
        {
            return;
        }

        var args = context.BackgroundJob.Job.Args;
        var pipeline = args.Count > 0 && args[0] is string name ? name : "?";
        var resource = $"bielefeld-etl:pipeline:{pipeline}";
        if (TryAcquire(context, resource, TimeSpan.FromSeconds(marked.TimeoutInSeconds)))
        {
            return;
        }

        if (JobStorageFactory.OrphanedLockExpiry(context.Storage) is { } expiry)
        {
            LogWaiting(pipeline, expiry.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
            if (TryAcquire(context, resource, expiry + ExpiryMargin))
            {
                LogAcquired(pipeline);
                return;
            }
        }

        LogSkipped(pipeline);
        context.Canceled = true;
    }

    /// <inheritdoc />
    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(LockKey, out var held) && held is IDisposable distributedLock)
        {
            try
            {
                distributedLock.Dispose();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A lock whose row another server already removed as expired cannot be released; that is expected.
            }
        }
    }

    private static bool TryAcquire(PerformingContext context, string resource, TimeSpan timeout)
    {
        try
        {
            context.Items[LockKey] = context.Connection.AcquireDistributedLock(resource, timeout);
            return true;
        }
        catch (DistributedLockTimeoutException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2020, Level = LogLevel.Warning,
        Message = "Pipeline {Pipeline} wartet auf ihre Sperre: eine andere Ausführung läuft, oder ein abgebrochener Server (Absturz, kill) hat sie "
                  + "hinterlassen. Eine verwaiste Sperre läuft nach spätestens {Expiry} ab (Hangfire:DistributedLockTimeout); so lange wird gewartet.")]
    private partial void LogWaiting(string pipeline, string expiry);

    [LoggerMessage(EventId = 2021, Level = LogLevel.Information, Message = "Pipeline {Pipeline}: Sperre erhalten, die Ausführung beginnt.")]
    private partial void LogAcquired(string pipeline);

    [LoggerMessage(EventId = 2022, Level = LogLevel.Warning, Message = "Pipeline {Pipeline} übersprungen: eine andere Ausführung hält ihre Sperre und arbeitet noch.")]
    private partial void LogSkipped(string pipeline);
}
