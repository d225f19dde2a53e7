namespace Bielefeld.Etl.Jobs.Resilience;

/// <summary>
/// How often and how patiently a load is retried after a transient fault: bounded attempts, exponential back-off
/// with jitter, capped.
/// </summary>
public sealed record RetrySettings
{
    /// <summary>Four attempts in all, starting at two seconds, capped at one minute.</summary>
    public static RetrySettings Default { get; } = new();

    /// <summary>Attempts in all, the first included (at least 1).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The median delay before the first retry; it doubles for each further one.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>No single delay is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromMinutes(1);
}
