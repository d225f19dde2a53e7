namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>
/// The job storage tuning a provider's Hangfire storage takes from the server's settings (their defaults and
/// documentation are the server's, one place).
/// </summary>
/// <param name="InvisibilityTimeout">After this a fetched job whose server went silent is fetched again.</param>
/// <param name="DistributedLockTimeout">After this another server removes a lock that is a row, and so outlives its process, as stale.</param>
/// <param name="QueuePollInterval">How often idle workers look for jobs.</param>
public sealed record JobStorageOptions(TimeSpan InvisibilityTimeout, TimeSpan DistributedLockTimeout, TimeSpan QueuePollInterval);
