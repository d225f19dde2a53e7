using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Configuration;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// Builds <see cref="EtlOptions"/>: appsettings.json beside the program, then environment variables with the prefix
/// <c>BIELEFELD_ETL_</c> (e.g. <c>BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING</c>), then the command line.
/// Relative paths are relative to the current directory.
/// </summary>
public static class EtlConfiguration
{
    /// <summary>The environment variable prefix.</summary>
    public const string EnvironmentPrefix = "BIELEFELD_ETL_";

    /// <summary>Reads the configuration and applies the command-line overrides.</summary>
    public static EtlOptions Load(EtlSettings overrides)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
        var provider = overrides.Provider ?? configuration["Warehouse:Provider"] ?? "sqlite";
        var connection = overrides.Connection ?? configuration["Warehouse:ConnectionString"]
            ?? throw new InvalidOperationException("Keine Verbindungszeichenfolge: Warehouse:ConnectionString in appsettings.json, BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING oder --connection angeben.");
        return new EtlOptions(
            Path.GetFullPath(overrides.Inbox ?? configuration["Inbox"] ?? "inbox"),
            Path.GetFullPath(configuration["Pipelines"] ?? "pipelines"),
            Path.GetFullPath(configuration["Catalog"] ?? "config/plan/2017"),
            Path.GetFullPath(configuration["Areas"] ?? "config/bereiche.yml"),
            new WarehouseSettings(provider, connection))
        {
            Reports = Path.GetFullPath(configuration["Reports"] ?? "reports"),
            AttainmentFile = Path.GetFullPath(configuration["Attainment"] ?? "config/zielerreichung.yml"),
            OpenRejectShareLimit = configuration["Datenpflege:AnteilOffenerAbweisungen"] is { } share
                ? double.Parse(share, System.Globalization.CultureInfo.InvariantCulture)
                : 0.05,
            Smtp = Smtp(configuration.GetSection("Nachtbericht:Smtp")),
        };
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
}
