using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>catalog import</c>.</summary>
public sealed class CatalogImportSettings : CommandSettings
{
    /// <summary>The text export of the published plan.</summary>
    [CommandArgument(0, "<PLAN_TEXT>")]
    [Description("Textexport des veröffentlichten Plans, z. B. ziele-und-massnahmen-2017.txt (Aufbau: docs/catalog.md)")]
    public string PlanText { get; init; } = "";

    /// <summary>Where the catalog files are written.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Zielordner des Katalogs (Standard: config/plan/<Jahr>)")]
    public string? Out { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        File.Exists(PlanText) ? ValidationResult.Success() : ValidationResult.Error($"Die Datei '{PlanText}' gibt es nicht.");
}
