namespace Bielefeld.Etl.Cli.Composition;

// The configuration as appsettings.json, the environment and the command line spell it: every property is named as its
// key (Files:StableFor), bound with the options pattern (EtlConfiguration.Bind) and checked once at start
// (ConfigurationRules). Only the paths have their defaults here (the provider's is the one its plug-in marks as
// default); any other setting is null when it is not given, and the type it ends up in (RetrySettings, FileHandling,
// ServerOptions, EtlOptions, SmtpSettings) holds its default: one place each. An empty value
// (BIELEFELD_ETL_FILES__STABLEFOR=) counts as not given. Lists (Empfaenger, AllowedHosts) are separated by ; or ,.
internal sealed class ConfiguredSettings
{
    public string Inbox { get; set; } = "inbox";

    public string Pipelines { get; set; } = "pipelines";

    public string Catalog { get; set; } = "config/plan/2017";

    public string Areas { get; set; } = "config/bereiche.yml";

    public string Reports { get; set; } = "reports";

    public string Attainment { get; set; } = "config/zielerreichung.yml";

    // appsettings.json ships the default provider's file data/warehouse.db.
    public WarehouseSection Warehouse { get; set; } = new();

    public DatenpflegeSection Datenpflege { get; set; } = new();

    // Files:StableFor: the command's own default when not given (ToEtlOptions).
    public FilesSection Files { get; set; } = new();

    public RetrySection Retry { get; set; } = new();

    // Without a host the summary is not mailed; the password comes from the environment only.
    public NachtberichtSection Nachtbericht { get; set; } = new();

    public ServerSection Server { get; set; } = new();

    public DashboardSection Dashboard { get; set; } = new();

    public ArbeitsplatzSection Arbeitsplatz { get; set; } = new();

    // Hangfire:ConnectionString: the warehouse's when not given.
    public HangfireSection Hangfire { get; set; } = new();
}

internal sealed record WarehouseSection(string? Provider = null, string? ConnectionString = null);

internal sealed record DatenpflegeSection(double? AnteilOffenerAbweisungen = null);

internal sealed record FilesSection(string? Archive = null, string? Quarantine = null, TimeSpan? StableFor = null, int? QuarantineAfter = null);

internal sealed record RetrySection(int? MaxAttempts = null, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null);

internal sealed record NachtberichtSection
{
    public SmtpSection Smtp { get; set; } = new();
}

// German as in the operators' environment files; Tls: none, whenavailable, required (false and true as before).
internal sealed record SmtpSection(
    string? Host = null, int? Port = null, string? Absender = null, string? Empfaenger = null, string? Tls = null, string? Benutzer = null, string? Passwort = null);

internal sealed record ServerSection(string? Urls = null, int? WorkerCount = null, string? AllowedHosts = null);

internal sealed record DashboardSection(bool? Writable = null, string? Role = null);

internal sealed record ArbeitsplatzSection(long? UploadMaxMB = null);

internal sealed record HangfireSection(string? ConnectionString = null, TimeSpan? DistributedLockTimeout = null);
