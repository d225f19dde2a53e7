using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.Storage;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// One execution per pipeline at a time, as far as the job storage's distributed lock reaches. A lock that is a
/// session's application lock, or in memory, ends with its process. A lock that is a row outlives a killed server until
/// it is older than the storage's DistributedLockTimeout (never renewed; the provider's plug-in says which,
/// <see cref="JobStorageFactory.OrphanedLockExpiry"/>): an execution that finds the lock taken there waits for it that
/// long, saying so in the log, and runs once the orphaned lock has expired instead of being skipped until the next
/// schedule. An execution that still cannot take it is skipped, with a log line. The lock saves work and nothing more: correctness comes from the load's fingerprint claim.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipelineLockAttribute(int timeoutInSeconds) : JobFilterAttribute, IServerFilter
{
    private const string LockKey = "bielefeld-etl:pipeline-lock";

    /// <summary>What the wait adds to the storage's lock expiry: the storage polls for the lock, not at the very moment it expires.</summary>
    private static readonly TimeSpan ExpiryMargin = TimeSpan.FromSeconds(10);

    private static readonly ILog Log = LogProvider.GetLogger(typeof(PipelineLockAttribute));

    /// <summary>How long a second execution waits for the lock when the storage's locks end with their process.</summary>
    public int TimeoutInSeconds { get; } = timeoutInSeconds;

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        var args = context.BackgroundJob.Job.Args;
        var pipeline = args.Count > 0 && args[0] is string name ? name : "?";
        var resource = $"bielefeld-etl:pipeline:{pipeline}";
        if (TryAcquire(context, resource, TimeSpan.FromSeconds(TimeoutInSeconds)))
        {
            return;
        }

        if (JobStorageFactory.OrphanedLockExpiry(context.Storage) is { } expiry)
        {
            Log.Warn($"Pipeline {pipeline} wartet auf ihre Sperre: eine andere Ausführung läuft, oder ein abgebrochener Server (Absturz, kill) hat sie "
                     + $"hinterlassen. Eine verwaiste Sperre läuft nach spätestens {expiry:c} ab (Hangfire:DistributedLockTimeout); so lange wird gewartet.");
            if (TryAcquire(context, resource, expiry + ExpiryMargin))
            {
                Log.Info($"Pipeline {pipeline}: Sperre erhalten, die Ausführung beginnt.");
                return;
            }
        }

        Log.Warn($"Pipeline {pipeline} übersprungen: eine andere Ausführung hält ihre Sperre und arbeitet noch.");
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
}
