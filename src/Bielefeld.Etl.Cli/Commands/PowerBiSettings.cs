using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>powerbi</c>.</summary>
public sealed class PowerBiSettings : EtlSettings
{
    /// <summary>The .pbids file to write.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Zieldatei (Standard: reports/bielefeld-etl.pbids)")]
    public string Out { get; init; } = Path.Combine("reports", "bielefeld-etl.pbids");
}
