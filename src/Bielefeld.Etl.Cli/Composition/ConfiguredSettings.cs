namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// The configuration as appsettings.json, the environment and the command line spell it, bound with the options pattern
/// (<see cref="EtlConfiguration.Load"/>) and checked once at start (<see cref="ConfigurationRules"/>). Only the paths have
/// their defaults here (the provider's is the one its plug-in marks as default); any other setting is null when it is not given, and the type it ends up in
/// (<c>RetrySettings</c>, <c>FileHandling</c>, <c>ServerOptions</c>, <c>EtlOptions</c>) holds its default: one place each.
/// An empty value (<c>BIELEFELD_ETL_FILES__STABLEFOR=</c>) counts as not given.
/// </summary>
public sealed class ConfiguredSettings
{
    /// <summary><c>Inbox</c>: the inbox root.</summary>
    public string Inbox { get; set; } = "inbox";

    /// <summary><c>Pipelines</c>: the pipeline definitions.</summary>
    public string Pipelines { get; set; } = "pipelines";

    /// <summary><c>Catalog</c>: the plan catalog.</summary>
    public string Catalog { get; set; } = "config/plan/2017";

    /// <summary><c>Areas</c>: the area hierarchy.</summary>
    public string Areas { get; set; } = "config/bereiche.yml";

    /// <summary><c>Reports</c>: steward reports and nightly summaries.</summary>
    public string Reports { get; set; } = "reports";

    /// <summary><c>Attainment</c>: thresholds and seasonal paths.</summary>
    public string Attainment { get; set; } = "config/zielerreichung.yml";

    /// <summary><c>Warehouse:*</c>.</summary>
    public WarehouseSection Warehouse { get; set; } = new();

    /// <summary><c>Datenpflege:AnteilOffenerAbweisungen</c>.</summary>
    public DatenpflegeSection Datenpflege { get; set; } = new();

    /// <summary><c>Files:*</c>.</summary>
    public FilesSection Files { get; set; } = new();

    /// <summary><c>Retry:*</c>.</summary>
    public RetrySection Retry { get; set; } = new();

    /// <summary><c>Nachtbericht:Smtp:*</c>.</summary>
    public NachtberichtSection Nachtbericht { get; set; } = new();

    /// <summary><c>Server:*</c> (serve).</summary>
    public ServerSection Server { get; set; } = new();

    /// <summary><c>Dashboard:*</c> (serve).</summary>
    public DashboardSection Dashboard { get; set; } = new();

    /// <summary><c>Arbeitsplatz:UploadMaxMB</c> (serve).</summary>
    public ArbeitsplatzSection Arbeitsplatz { get; set; } = new();

    /// <summary><c>Hangfire:*</c> (serve).</summary>
    public HangfireSection Hangfire { get; set; } = new();
}

/// <summary><c>Warehouse:*</c>.</summary>
public sealed class WarehouseSection
{
    /// <summary>The name a provider registers (<c>ProviderPlugins</c>); the default provider's when not given.</summary>
    public string? Provider { get; set; }

    /// <summary>The provider's connection string; appsettings.json ships the default provider's file <c>data/warehouse.db</c>.</summary>
    public string? ConnectionString { get; set; }
}

/// <summary><c>Datenpflege:*</c>.</summary>
public sealed class DatenpflegeSection
{
    /// <summary>The open rejected rows' share above which indicators are provisional (0 to 1).</summary>
    public double? AnteilOffenerAbweisungen { get; set; }
}

/// <summary><c>Files:*</c>.</summary>
public sealed class FilesSection
{
    /// <summary>Archive root.</summary>
    public string? Archive { get; set; }

    /// <summary>Quarantine root.</summary>
    public string? Quarantine { get; set; }

    /// <summary>Stability window; the command's own default when not given.</summary>
    public TimeSpan? StableFor { get; set; }

    /// <summary>Runs with a permanent failure before quarantine.</summary>
    public int? QuarantineAfter { get; set; }
}

/// <summary><c>Retry:*</c>.</summary>
public sealed class RetrySection
{
    /// <summary>Attempts in all.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>First back-off.</summary>
    public TimeSpan? BaseDelay { get; set; }

    /// <summary>Longest back-off.</summary>
    public TimeSpan? MaxDelay { get; set; }
}

/// <summary><c>Nachtbericht:*</c>.</summary>
public sealed class NachtberichtSection
{
    /// <summary><c>Nachtbericht:Smtp:*</c>; without a host the summary is not mailed.</summary>
    public SmtpSection Smtp { get; set; } = new();
}

/// <summary><c>Nachtbericht:Smtp:*</c>, German as in the operators' environment files.</summary>
public sealed class SmtpSection
{
    /// <summary>The relay.</summary>
    public string? Host { get; set; }

    /// <summary>Its port; 25 when not given.</summary>
    public int? Port { get; set; }

    /// <summary>The sender address.</summary>
    public string? Absender { get; set; }

    /// <summary>Recipients, separated by <c>;</c> or <c>,</c>.</summary>
    public string? Empfaenger { get; set; }

    /// <summary>STARTTLS: <c>none</c>, <c>whenavailable</c>, <c>required</c> (<c>false</c>/<c>true</c> as before).</summary>
    public string? Tls { get; set; }

    /// <summary>Login name, if the relay needs one.</summary>
    public string? Benutzer { get; set; }

    /// <summary>Its password, from the environment only.</summary>
    public string? Passwort { get; set; }
}

/// <summary><c>Server:*</c>.</summary>
public sealed class ServerSection
{
    /// <summary>Where serve listens.</summary>
    public string? Urls { get; set; }

    /// <summary>Parallel jobs.</summary>
    public int? WorkerCount { get; set; }

    /// <summary>Further host names, separated by <c>;</c> or <c>,</c>.</summary>
    public string? AllowedHosts { get; set; }
}

/// <summary><c>Dashboard:*</c>.</summary>
public sealed class DashboardSection
{
    /// <summary>Whether jobs may be triggered, retried and deleted.</summary>
    public bool? Writable { get; set; }

    /// <summary>The role a remote user needs.</summary>
    public string? Role { get; set; }
}

/// <summary><c>Arbeitsplatz:*</c>.</summary>
public sealed class ArbeitsplatzSection
{
    /// <summary>Largest upload in MiB.</summary>
    public long? UploadMaxMB { get; set; }
}

/// <summary><c>Hangfire:*</c>.</summary>
public sealed class HangfireSection
{
    /// <summary>Job storage; the warehouse's when not given.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>After this an orphaned pipeline lock has expired, where the job storage keeps locks as rows.</summary>
    public TimeSpan? DistributedLockTimeout { get; set; }
}
