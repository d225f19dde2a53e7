using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Jobs.Resilience;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// Reads the configuration: appsettings.json beside the program, then environment variables with the prefix
/// <c>BIELEFELD_ETL_</c> (e.g. <c>BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING</c>), then the command line; binds it to
/// <c>ConfiguredSettings</c> and checks it at start. Relative paths are relative to the current directory; the
/// definitions (pipelines, catalog, areas, attainment rules) fall back to the copies shipped beside the program where
/// the current directory has none (see <see cref="Shipped"/>).
/// </summary>
public static class EtlConfiguration
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "BIELEFELD_ETL_";

    /// <summary>Binds and checks the configuration with the command line over it.</summary>
    /// <exception cref="InvalidOperationException">A value is missing or bad; the message names key and value in German.</exception>
    internal static ConfiguredSettings Load(EtlSettings overrides)
    {
        return Bind(new ConfigurationBuilder().AddConfiguration(Read()).AddInMemoryCollection(overrides.CommandLineKeys()).Build());
    }

    /// <summary>Binds <paramref name="configuration"/> with the options pattern and checks it as at start (<c>ValidateOnStart</c>).</summary>
    /// <exception cref="InvalidOperationException">A value is missing or bad; the message names key and value in German.</exception>
    internal static ConfiguredSettings Bind(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddOptions<ConfiguredSettings>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConfiguredSettings>, ConfigurationRules>();
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return provider.GetRequiredService<IOptions<ConfiguredSettings>>().Value;
        }
        catch (OptionsValidationException ex)
        {
            throw new InvalidOperationException(string.Join(" ", ex.Failures), ex);
        }
        catch (InvalidOperationException ex) when (ConfigurationRules.Unreadable(ex) is { } message)
        {
            throw new InvalidOperationException(message, ex);
        }
    }

    /// <summary>What the pipeline run needs.</summary>
    /// <param name="settings">The checked configuration.</param>
    /// <param name="moveFiles">Whether loaded files go to the archive and refused ones to quarantine (<c>serve</c>, <c>run --archive</c>).</param>
    /// <param name="defaultStableFor">The command's stability window when <c>Files:StableFor</c> is not given.</param>
    internal static EtlOptions ToEtlOptions(this ConfiguredSettings settings, bool moveFiles, TimeSpan defaultStableFor)
    {
        var inbox = Path.GetFullPath(settings.Inbox);
        var (files, retry) = (settings.Files, settings.Retry);
        var options = new EtlOptions(inbox, Shipped(settings.Pipelines), Shipped(settings.Catalog), Shipped(settings.Areas),
            new WarehouseSettings(settings.Warehouse.Provider is { Length: > 0 } provider ? provider : ProviderPlugins.Default.Name, settings.Warehouse.ConnectionString!))
        {
            Reports = Path.GetFullPath(settings.Reports),
            AttainmentFile = Shipped(settings.Attainment),
            // Archive and quarantine default to folders in the inbox root whose names no pipeline can have (pipeline
            // inbox folders start with a lower-case letter), so they are never read as a pipeline's inbox.
            Files = new FileHandling
            {
                Archive = moveFiles ? Path.GetFullPath(files.Archive ?? Path.Combine(inbox, "_archiv")) : null,
                Quarantine = moveFiles ? Path.GetFullPath(files.Quarantine ?? Path.Combine(inbox, "_quarantaene")) : null,
                StableFor = files.StableFor ?? defaultStableFor,
                QuarantineAfter = files.QuarantineAfter ?? FileHandling.InPlace.QuarantineAfter,
            },
            Retry = new RetrySettings
            {
                MaxAttempts = retry.MaxAttempts ?? RetrySettings.Default.MaxAttempts,
                BaseDelay = retry.BaseDelay ?? RetrySettings.Default.BaseDelay,
                MaxDelay = retry.MaxDelay ?? RetrySettings.Default.MaxDelay,
            },
            Smtp = Smtp(settings.Nachtbericht.Smtp),
        };
        return settings.Datenpflege.AnteilOffenerAbweisungen is { } share ? options with { OpenRejectShareLimit = share } : options;
    }

    /// <summary>What <c>serve</c> needs besides the run.</summary>
    internal static ServerOptions ToServerOptions(this ConfiguredSettings settings)
    {
        var defaults = new ServerOptions();
        return defaults with
        {
            Urls = settings.Server.Urls ?? defaults.Urls,
            WorkerCount = settings.Server.WorkerCount ?? defaults.WorkerCount,
            AllowedHosts = settings.Server.AllowedHosts is { } hosts ? List(hosts) : defaults.AllowedHosts,
            DashboardWritable = settings.Dashboard.Writable ?? defaults.DashboardWritable,
            DashboardRole = settings.Dashboard.Role,
            UploadLimitBytes = settings.Arbeitsplatz.UploadMaxMB << 20 ?? defaults.UploadLimitBytes,
            StorageConnectionString = settings.Hangfire.ConnectionString is { Length: > 0 } storage ? storage : null,
            JobStorage = defaults.JobStorage with { DistributedLockTimeout = settings.Hangfire.DistributedLockTimeout ?? defaults.JobStorage.DistributedLockTimeout },
        };
    }

    /// <summary>
    /// A definition path: relative to the current directory where it exists there (the repository root, an
    /// installation's own folder), else the copy shipped beside the program (the dotnet tool package carries
    /// pipelines/ and config/), else relative to the current directory again, so that a message names it there.
    /// </summary>
    public static string Shipped(string path)
    {
        var here = Path.GetFullPath(path);
        if (Path.IsPathRooted(path) || File.Exists(here) || Directory.Exists(here))
        {
            return here;
        }

        var beside = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, path));
        return File.Exists(beside) || Directory.Exists(beside) ? beside : here;
    }

    // The nightly summary is mailed only where a relay is configured; its password comes from the environment.
    private static SmtpSettings? Smtp(SmtpSection smtp) =>
        smtp.Host is { Length: > 0 } host
            ? new SmtpSettings(host, smtp.Port ?? 25, smtp.Absender!, List(smtp.Empfaenger))
            {
                Tls = ConfigurationRules.Tls(smtp.Tls) ?? SecureSocketOptions.None,
                User = smtp.Benutzer is { Length: > 0 } user ? user : null,
                Password = smtp.Passwort,
            }
            : null;

    private static string[] List(string? separated) =>
        (separated ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Whether the warehouse is the one appsettings.json ships (neither <c>--connection</c> nor the environment set
    /// one): the only warehouse a command other than <c>init</c> may create, so the first run on a fresh clone works.
    /// </summary>
    public static bool UsesShippedWarehouse(EtlSettings overrides) =>
        overrides?.Connection is null
        && Read() is IConfigurationRoot root
        && root.Providers.LastOrDefault(p => p.TryGet("Warehouse:ConnectionString", out _)) is Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider;

    /// <summary>appsettings.json beside the program, then the environment.</summary>
    public static IConfiguration Read() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build();
}
