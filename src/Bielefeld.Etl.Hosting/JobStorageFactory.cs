using System.Runtime.CompilerServices;
using Bielefeld.Etl.Warehouse.Plugins;
using Hangfire;

namespace Bielefeld.Etl.Hosting;

/// <summary>
/// The job storage beside the warehouse, as the configured provider's plug-in creates it (<see cref="ProviderPlugin.CreateJobStorage"/>),
/// and what the pipeline lock needs to know about its locks.
/// </summary>
public static class JobStorageFactory
{
    /// <summary>How long an orphaned lock outlives its killed process, per storage created here whose locks are rows.</summary>
    private static readonly ConditionalWeakTable<JobStorage, object> s_orphanedLockExpiry = [];

    /// <summary>
    /// How long a distributed lock of <paramref name="storage"/> outlives a killed process (the storage's
    /// DistributedLockTimeout); null where a lock ends with its process.
    /// </summary>
    public static TimeSpan? OrphanedLockExpiry(JobStorage storage) =>
        s_orphanedLockExpiry.TryGetValue(storage, out var expiry) ? (TimeSpan)expiry : null;

    /// <summary>Creates the job storage of <paramref name="provider"/>.</summary>
    /// <exception cref="InvalidOperationException">The provider is unknown, or the login cannot use the storage.</exception>
    public static JobStorage Create(string provider, string connectionString, ServerOptions options)
    {
        var created = ProviderPlugins.Find(provider).CreateJobStorage(connectionString, options.JobStorage);
        if (created.OrphanedLockExpiry is { } expiry)
        {
            s_orphanedLockExpiry.Add(created.Storage, expiry);
        }

        return created.Storage;
    }
}
