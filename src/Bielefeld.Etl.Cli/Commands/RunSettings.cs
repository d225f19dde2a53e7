using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>run</c>.</summary>
public sealed class RunSettings : EtlSettings
{
    /// <summary>Run every pipeline.</summary>
    [CommandOption("--all")]
    [Description("Alle Pipelines ausführen")]
    public bool All { get; init; }

    /// <summary>Run only these pipelines.</summary>
    [CommandOption("--pipeline <NAME>")]
    [Description("Nur diese Pipeline ausführen (mehrfach möglich)")]
    public string[] Pipelines { get; init; } = [];

    /// <summary>Move loaded files to the archive and refused ones to quarantine.</summary>
    [CommandOption("--archive")]
    [Description("Geladene Dateien ins Archiv, abgewiesene in die Quarantäne verschieben (Standard: Dateien bleiben im Eingang)")]
    public bool Archive { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        All == (Pipelines.Length > 0)
            ? ValidationResult.Error("Entweder --all oder --pipeline <name> angeben.")
            : ValidationResult.Success();
}
