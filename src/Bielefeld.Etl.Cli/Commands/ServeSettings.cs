using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>serve</c>.</summary>
public sealed class ServeSettings : EtlSettings
{
    /// <summary>Where the dashboard listens, as ASP.NET's <c>--urls</c>.</summary>
    [CommandOption("--urls <URLS>")]
    [Description("Adresse(n) des Dashboards, z. B. http://127.0.0.1:5080 (Standard: Server:Urls, sonst http://127.0.0.1:5080)")]
    public string? Urls { get; init; }

    /// <summary>Leave loaded files in the inbox.</summary>
    [CommandOption("--no-archive")]
    [Description("Geladene Dateien im Eingang lassen statt sie zu archivieren")]
    public bool NoArchive { get; init; }

    /// <inheritdoc />
    public override IEnumerable<KeyValuePair<string, string?>> CommandLineKeys() =>
        Urls is null ? base.CommandLineKeys() : base.CommandLineKeys().Append(new("Server:Urls", Urls));
}
