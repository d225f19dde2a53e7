using Hangfire.Common;
using Hangfire.Server;
using Hangfire.Storage;

namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// One execution per pipeline at a time, as far as the job storage's distributed lock reaches: a second execution
/// that cannot take the lock within the timeout is skipped (the first one is doing its work). Storage locks expire
/// (Hangfire.PostgreSql deletes a lock row older than its DistributedLockTimeout, never renewed), so this saves work
/// and nothing more: correctness comes from the load's fingerprint claim.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipelineLockAttribute(int timeoutInSeconds) : JobFilterAttribute, IServerFilter
{
    private const string LockKey = "bielefeld-etl:pipeline-lock";

    /// <summary>How long a second execution waits for the lock.</summary>
    public int TimeoutInSeconds { get; } = timeoutInSeconds;

    /// <inheritdoc />
    public void OnPerforming(PerformingContext context)
    {
        var args = context.BackgroundJob.Job.Args;
        var pipeline = args.Count > 0 && args[0] is string name ? name : "?";
        try
        {
            context.Items[LockKey] = context.Connection.AcquireDistributedLock($"bielefeld-etl:pipeline:{pipeline}", TimeSpan.FromSeconds(TimeoutInSeconds));
        }
        catch (DistributedLockTimeoutException)
        {
            // Another execution holds the pipeline: this one has nothing to add.
            context.Canceled = true;
        }
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
}
