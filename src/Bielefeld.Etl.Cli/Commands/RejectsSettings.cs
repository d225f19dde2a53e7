using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>rejects</c>.</summary>
public sealed class RejectsSettings : EtlSettings
{
    /// <summary><c>decide</c> records a decision on the row <see cref="Id"/>; without it, rows are listed.</summary>
    [CommandArgument(0, "[AKTION]")]
    [Description("decide: eine Entscheidung zu einer Zeile festhalten (sonst: Zeilen anzeigen)")]
    public string? Action { get; init; }

    /// <summary>The rejected row's id (column ID of the list).</summary>
    [CommandArgument(1, "[ID]")]
    [Description("ID der abgewiesenen Zeile (Spalte ID der Liste)")]
    public long? Id { get; init; }

    /// <summary>akzeptiert, verworfen or korrigiert.</summary>
    [CommandOption("--decision <DECISION>")]
    [Description("akzeptiert (Wert ist so richtig), verworfen (bleibt draußen) oder korrigiert (Lieferant hat korrigiert)")]
    public string? Decision { get; init; }

    /// <summary>Who decides.</summary>
    [CommandOption("--by <NAME>")]
    [Description("Name der entscheidenden Person")]
    public string? By { get; init; }

    /// <summary>Why.</summary>
    [CommandOption("--comment <TEXT>")]
    [Description("Begründung der Entscheidung")]
    public string? Comment { get; init; }

    /// <summary>The decision as the warehouse stores it.</summary>
    public RejectDecision ParsedDecision => Enum.GetValues<RejectDecision>().FirstOrDefault(d => d.ToStoredName() == Decision, RejectDecision.Korrigiert);

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

    /// <summary>Also rows already decided, fixed by re-delivery or repeated in a later delivery.</summary>
    [CommandOption("--alle")]
    [Description("Auch entschiedene und durch Neulieferung behobene Zeilen zeigen (Standard: nur offene)")]
    public bool All { get; init; }

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
    public override ValidationResult Validate() => Action switch
    {
        null => Count is <= 0 ? ValidationResult.Error("--count muss größer als 0 sein.") : ValidationResult.Success(),
        not "decide" => ValidationResult.Error($"Unbekannte Aktion '{Action}' (bekannt: decide)."),
        _ when Id is null => ValidationResult.Error("rejects decide <ID>: die ID der Zeile fehlt."),
        _ when Decision is not ("akzeptiert" or "verworfen" or "korrigiert") => ValidationResult.Error("--decision muss akzeptiert, verworfen oder korrigiert sein."),
        _ when string.IsNullOrWhiteSpace(By) => ValidationResult.Error("--by (Name) fehlt."),
        _ when string.IsNullOrWhiteSpace(Comment) => ValidationResult.Error("--comment (Begründung) fehlt."),
        _ => ValidationResult.Success(),
    };
}
