namespace Bielefeld.Etl.Cli.Composition;

// The configuration as appsettings.json, the environment and the command line spell it: every property is named as its
// key (Files:StableFor), bound with the options pattern (EtlConfiguration.Bind) and checked once at start
// (ConfigurationRules). Only the paths have their defaults here (the provider's is the one its plug-in marks as
// default); any other setting is null when it is not given, and the type it ends up in (RetrySettings, FileHandling,
// ServerOptions, EtlOptions, SmtpSettings) holds its default: one place each. An empty value
// (BIELEFELD_ETL_FILES__STABLEFOR=) counts as not given.
internal sealed class ConfiguredSettings
{
    public string Inbox { get; set; } = "inbox";

    public string Pipelines { get; set; } = "pipelines";

    public string Catalog { get; set; } = "config/plan/2017";

    public string Areas { get; set; } = "config/bereiche.yml";

    public string Reports { get; set; } = "reports";

    public string Attainment { get; set; } = "config/zielerreichung.yml";

    public WarehouseSection Warehouse { get; set; } = new();

    public DatenpflegeSection Datenpflege { get; set; } = new();

    public FilesSection Files { get; set; } = new();

    public RetrySection Retry { get; set; } = new();

    public NachtberichtSection Nachtbericht { get; set; } = new();

    public ServerSection Server { get; set; } = new();

    public DashboardSection Dashboard { get; set; } = new();

    public ArbeitsplatzSection Arbeitsplatz { get; set; } = new();

    public HangfireSection Hangfire { get; set; } = new();
}

internal sealed class WarehouseSection
{
    public string? Provider { get; set; }

    // appsettings.json ships the default provider's file data/warehouse.db.
    public string? ConnectionString { get; set; }
}

internal sealed class DatenpflegeSection
{
    public double? AnteilOffenerAbweisungen { get; set; }
}

internal sealed class FilesSection
{
    public string? Archive { get; set; }

    public string? Quarantine { get; set; }

    // The command's own default when not given (ToEtlOptions).
    public TimeSpan? StableFor { get; set; }

    public int? QuarantineAfter { get; set; }
}

internal sealed class RetrySection
{
    public int? MaxAttempts { get; set; }

    public TimeSpan? BaseDelay { get; set; }

    public TimeSpan? MaxDelay { get; set; }
}

internal sealed class NachtberichtSection
{
    // Without a host the summary is not mailed.
    public SmtpSection Smtp { get; set; } = new();
}

// German as in the operators' environment files; the password comes from the environment only.
internal sealed class SmtpSection
{
    public string? Host { get; set; }

    public int? Port { get; set; }

    public string? Absender { get; set; }

    // Separated by ; or ,.
    public string? Empfaenger { get; set; }

    // none, whenavailable, required (false and true as before).
    public string? Tls { get; set; }

    public string? Benutzer { get; set; }

    public string? Passwort { get; set; }
}

internal sealed class ServerSection
{
    public string? Urls { get; set; }

    public int? WorkerCount { get; set; }

    // Separated by ; or ,.
    public string? AllowedHosts { get; set; }
}

internal sealed class DashboardSection
{
    public bool? Writable { get; set; }

    public string? Role { get; set; }
}

internal sealed class ArbeitsplatzSection
{
    public long? UploadMaxMB { get; set; }
}

internal sealed class HangfireSection
{
    // The warehouse's when not given.
    public string? ConnectionString { get; set; }

    public TimeSpan? DistributedLockTimeout { get; set; }
}
