using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>samples</c>.</summary>
public sealed class SamplesSettings : EtlSettings
{
    /// <summary>Where the sample inbox is written.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Zielordner (Standard: samples/inbox); darunter ein Ordner je Quelle")]
    public string Out { get; init; } = Path.Combine("samples", "inbox");
}
