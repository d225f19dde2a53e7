using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>meldebogen</c>.</summary>
public sealed class MeldebogenSettings : EtlSettings
{
    /// <summary>The measure whose indicators the template lists.</summary>
    [CommandOption("--measure <CODE>")]
    [Description("Meldebogen für diese Maßnahme (z. B. 540-10)")]
    public string? Measure { get; init; }

    /// <summary>The org unit whose measures the template lists.</summary>
    [CommandOption("--org-unit <UNIT>")]
    [Description("Meldebogen für alle Maßnahmen dieser Organisationseinheit (REGE, Jobcenter, 500, 510, 540)")]
    public string? OrgUnit { get; init; }

    /// <summary>The reporting year.</summary>
    [CommandOption("--year <YYYY>")]
    [Description("Berichtsjahr (z. B. 2017)")]
    public int? Year { get; init; }

    /// <summary>Where the file goes.</summary>
    [CommandOption("--out <DIR>")]
    [Description("Zielordner (Standard: aktueller Ordner)")]
    public string Out { get; init; } = ".";

    /// <summary>xlsx (default) or csv.</summary>
    [CommandOption("--format <FORMAT>")]
    [Description("xlsx (Standard, mit Blatt Hinweise) oder csv (Semikolon, UTF-8 mit BOM)")]
    public string Format { get; init; } = "xlsx";

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if ((Measure is null) == (OrgUnit is null))
        {
            return ValidationResult.Error("Entweder --measure <code> oder --org-unit <einheit> angeben.");
        }

        if (Year is null)
        {
            return ValidationResult.Error("--year <jjjj> angeben.");
        }

        return Format.ToUpperInvariant() is "XLSX" or "CSV"
            ? ValidationResult.Success()
            : ValidationResult.Error("--format ist xlsx oder csv.");
    }
}
