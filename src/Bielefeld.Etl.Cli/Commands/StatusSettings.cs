using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>status</c>.</summary>
public sealed class StatusSettings : EtlSettings
{
    /// <summary>How many loads to list.</summary>
    [CommandOption("--count <N>")]
    [Description("Anzahl der angezeigten Ladevorgänge (Standard 20)")]
    public int Count { get; init; } = 20;
}
