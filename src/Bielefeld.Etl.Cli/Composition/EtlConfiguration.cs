using System.Globalization;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Jobs.Files;
using Bielefeld.Etl.Jobs.Resilience;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Configuration;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// Builds <see cref="EtlOptions"/>: appsettings.json beside the program, then environment variables with the prefix
/// <c>BIELEFELD_ETL_</c> (e.g. <c>BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING</c>), then the command line.
/// Relative paths are relative to the current directory; the definitions (pipelines, catalog, areas, attainment rules)
/// fall back to the copies shipped beside the program where the current directory has none (see <see cref="Shipped"/>).
/// </summary>
public static class EtlConfiguration
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "BIELEFELD_ETL_";

    /// <summary>Reads the configuration and applies the command-line overrides.</summary>
    /// <param name="overrides">The command line.</param>
    /// <param name="moveFiles">Whether loaded files go to the archive and refused ones to quarantine (<c>serve</c>, <c>run --archive</c>).</param>
    /// <param name="defaultStableFor">The stability window when <c>Files:StableFor</c> is not configured.</param>
    public static EtlOptions Load(EtlSettings overrides, bool moveFiles = false, TimeSpan defaultStableFor = default)
    {
        var configuration = Read();
        var provider = overrides.Provider ?? configuration["Warehouse:Provider"] ?? "sqlite";
        var connection = overrides.Connection ?? configuration["Warehouse:ConnectionString"]
            ?? throw new InvalidOperationException("Keine Verbindungszeichenfolge: Warehouse:ConnectionString in appsettings.json, BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING oder --connection angeben.");
        var inbox = Path.GetFullPath(overrides.Inbox ?? configuration["Inbox"] ?? "inbox");
        return new EtlOptions(
            inbox,
            Shipped(configuration["Pipelines"] ?? "pipelines"),
            Shipped(configuration["Catalog"] ?? "config/plan/2017"),
            Shipped(configuration["Areas"] ?? "config/bereiche.yml"),
            new WarehouseSettings(provider, connection))
        {
            Reports = Path.GetFullPath(configuration["Reports"] ?? "reports"),
            AttainmentFile = Shipped(configuration["Attainment"] ?? "config/zielerreichung.yml"),
            OpenRejectShareLimit = configuration["Datenpflege:AnteilOffenerAbweisungen"] is { } share
                ? double.Parse(share, System.Globalization.CultureInfo.InvariantCulture)
                : 0.05,
            Files = Files(configuration, inbox, moveFiles, defaultStableFor),
            Retry = Retry(configuration),
            Smtp = Smtp(configuration.GetSection("Nachtbericht:Smtp")),
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
    private static SmtpSettings? Smtp(IConfigurationSection smtp) =>
        smtp["Host"] is { Length: > 0 } host
            ? new SmtpSettings(
                host,
                int.Parse(smtp["Port"] ?? "25", System.Globalization.CultureInfo.InvariantCulture),
                smtp["Absender"] ?? throw new InvalidOperationException("Nachtbericht:Smtp:Absender fehlt."),
                (smtp["Empfaenger"] ?? throw new InvalidOperationException("Nachtbericht:Smtp:Empfaenger fehlt."))
                    .Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                EnableSsl = string.Equals(smtp["Tls"], "true", StringComparison.OrdinalIgnoreCase),
                User = smtp["Benutzer"],
                Password = smtp["Passwort"],
            }
            : null;

    /// <summary>
    /// Whether the warehouse is the one appsettings.json ships (neither <c>--connection</c> nor the environment set
    /// one): the only warehouse a command other than <c>init</c> may create, so the first run on a fresh clone works.
    /// </summary>
    public static bool UsesShippedWarehouse(EtlSettings overrides) =>
        overrides.Connection is null
        && Read() is IConfigurationRoot root
        && root.Providers.LastOrDefault(p => p.TryGet("Warehouse:ConnectionString", out _)) is Microsoft.Extensions.Configuration.Json.JsonConfigurationProvider;

    /// <summary>appsettings.json beside the program, then the environment.</summary>
    public static IConfiguration Read() => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables(EnvironmentPrefix)
        .Build();

    // Archive and quarantine default to folders in the inbox root whose names no pipeline can have (pipeline inbox
    // folders start with a lower-case letter), so they are never read as a pipeline's inbox.
    private static FileHandling Files(IConfiguration configuration, string inbox, bool moveFiles, TimeSpan defaultStableFor) => new()
    {
        Archive = moveFiles ? Path.GetFullPath(configuration["Files:Archive"] ?? Path.Combine(inbox, "_archiv")) : null,
        Quarantine = moveFiles ? Path.GetFullPath(configuration["Files:Quarantine"] ?? Path.Combine(inbox, "_quarantaene")) : null,
        StableFor = Duration(configuration, "Files:StableFor") ?? defaultStableFor,
        QuarantineAfter = Number(configuration, "Files:QuarantineAfter") ?? 3,
    };

    private static RetrySettings Retry(IConfiguration configuration) => new()
    {
        MaxAttempts = Number(configuration, "Retry:MaxAttempts") ?? RetrySettings.Default.MaxAttempts,
        BaseDelay = Duration(configuration, "Retry:BaseDelay") ?? RetrySettings.Default.BaseDelay,
        MaxDelay = Duration(configuration, "Retry:MaxDelay") ?? RetrySettings.Default.MaxDelay,
    };

    private static TimeSpan? Duration(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } text
            ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value >= TimeSpan.Zero
                ? value
                : throw new InvalidOperationException($"{key}: '{text}' ist keine Dauer (Format hh:mm:ss, z. B. 00:00:30).")
            : null;

    private static int? Number(IConfiguration configuration, string key) =>
        configuration[key] is { Length: > 0 } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1
                ? value
                : throw new InvalidOperationException($"{key}: '{text}' ist keine positive ganze Zahl.")
            : null;
}
