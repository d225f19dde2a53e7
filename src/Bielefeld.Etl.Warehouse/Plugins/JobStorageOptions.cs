namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>The job storage tuning a provider's Hangfire storage takes from the server's settings (<c>ServerOptions.JobStorage</c>).</summary>
/// <param name="InvisibilityTimeout">After this a fetched job whose server went silent is fetched again.</param>
/// <param name="DistributedLockTimeout">After this another server removes a lock that is a row, and so outlives its process, as stale.</param>
/// <param name="QueuePollInterval">How often idle workers look for jobs.</param>
public sealed record JobStorageOptions(TimeSpan InvisibilityTimeout, TimeSpan DistributedLockTimeout, TimeSpan QueuePollInterval)
{
    /// <summary>30 minutes, 10 minutes, 15 seconds.</summary>
    public static JobStorageOptions Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(15));
}
