using Hangfire;

namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>A provider's Hangfire job storage and what the pipeline lock must know about its locks.</summary>
/// <param name="Storage">The storage.</param>
/// <param name="OrphanedLockExpiry">
/// How long a distributed lock outlives a killed process, where a lock is a row that expires; null where a lock ends
/// with its process (a session's application lock, memory).
/// </param>
public sealed record ProviderJobStorage(JobStorage Storage, TimeSpan? OrphanedLockExpiry);
