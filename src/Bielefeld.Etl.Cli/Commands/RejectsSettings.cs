using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>rejects</c>.</summary>
public sealed class RejectsSettings : EtlSettings
{
    /// <summary>Only rows of files with this name.</summary>
    [CommandOption("--file <NAME>")]
    [Description("Nur Zeilen dieser Datei (Dateiname ohne Ordner)")]
    public string? File { get; init; }

    /// <summary>Only rows of this source (pipeline).</summary>
    [CommandOption("--source <PIPELINE>")]
    [Description("Nur Zeilen dieser Quelle (Pipeline-Name, z. B. kaf)")]
    public string? Source { get; init; }

    /// <summary>Only rows with this reason code.</summary>
    [CommandOption("--reason <CODE>")]
    [Description("Nur Zeilen mit diesem Grund-Code (z. B. SUMME_ABWEICHEND)")]
    public string? Reason { get; init; }

    /// <summary>At most this many rows.</summary>
    [CommandOption("--count <N>")]
    [Description("Höchstens so viele Zeilen (Standard 200; Exporte ohne Grenze, wenn nicht angegeben)")]
    public int? Count { get; init; }

    /// <summary>Also write the rows as CSV for German Excel.</summary>
    [CommandOption("--csv <PATH>")]
    [Description("Zusätzlich als CSV für Excel speichern (UTF-8 mit BOM, Semikolon)")]
    public string? Csv { get; init; }

    /// <summary>Also write the rows as an HTML page.</summary>
    [CommandOption("--html <PATH>")]
    [Description("Zusätzlich als HTML-Seite speichern (druckbar)")]
    public string? Html { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Count is <= 0 ? ValidationResult.Error("--count muss größer als 0 sein.") : ValidationResult.Success();
}
