using Bielefeld.Etl.Warehouse.Plugins;

namespace Bielefeld.Etl.Hosting;

/// <summary>The server mode's settings: where it listens, who may change things in the dashboard, job storage tuning.</summary>
public sealed record ServerOptions
{
    /// <summary>Where the dashboard listens; loopback only by default.</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>
    /// Host names the dashboard and workspace answer to besides localhost, 127.0.0.1, [::1] and the hosts of
    /// <see cref="Urls"/> (e.g. <c>etl.intern.bielefeld.de</c>); a request for any other name gets 400.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Whether the dashboard may trigger, retry and delete jobs; read-only by default.</summary>
    public bool DashboardWritable { get; init; }

    /// <summary>The role a remote, authenticated user needs to see the dashboard; remote access is refused without it.</summary>
    public string? DashboardRole { get; init; }

    /// <summary>The largest file the steward workspace accepts as an upload (50 MiB; a contract's file has well under 1 MiB).</summary>
    public long UploadLimitBytes { get; init; } = 50L << 20;

    /// <summary>Job storage connection string; the warehouse's when not set (server providers only).</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Parallel workers; pipelines are independent, one pipeline never runs twice at once.</summary>
    public int WorkerCount { get; init; } = 2;

    /// <summary>How the job storage times out fetched jobs and locks and polls for jobs.</summary>
    public JobStorageOptions JobStorage { get; init; } = JobStorageOptions.Default;
}
