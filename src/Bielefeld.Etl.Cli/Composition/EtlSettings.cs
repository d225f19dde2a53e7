using System.ComponentModel;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>The options every command shares; each overrides configuration (appsettings.json, then environment variables).</summary>
public class EtlSettings : CommandSettings
{
    /// <summary>The inbox root; one folder per source below it.</summary>
    [CommandOption("--inbox <DIR>")]
    [Description("Eingangsordner (darunter ein Ordner je Quelle, z. B. kaf/)")]
    public string? Inbox { get; init; }

    /// <summary>The warehouse provider.</summary>
    [CommandOption("--provider <NAME>")]
    [Description("Warehouse-Provider (ohne Angabe der eingebettete; ein unbekannter Name nennt die bekannten)")]
    public string? Provider { get; init; }

    /// <summary>The warehouse connection string.</summary>
    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Verbindungszeichenfolge des Warehouse")]
    public string? Connection { get; init; }

    /// <summary>The command line as configuration keys, the last layer over appsettings.json and the environment.</summary>
    public virtual IEnumerable<KeyValuePair<string, string?>> CommandLineKeys() =>
        new KeyValuePair<string, string?>[] { new("Inbox", Inbox), new("Warehouse:Provider", Provider), new("Warehouse:ConnectionString", Connection) }
            .Where(o => o.Value is not null);
}
