namespace Bielefeld.Etl.Hosting.Jobs;

/// <summary>
/// Marks a job method whose executions run one per pipeline at a time (<see cref="PipelineLock"/> takes the lock, as a
/// filter of the host so that it logs through the host's logger with event ids).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PipelineLockAttribute(int timeoutInSeconds) : Attribute
{
    /// <summary>How long a second execution waits for the lock when the storage's locks end with their process.</summary>
    public int TimeoutInSeconds { get; } = timeoutInSeconds;
}
