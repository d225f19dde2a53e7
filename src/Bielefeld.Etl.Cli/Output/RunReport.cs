using System.Globalization;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Deliveries;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Output;

/// <summary>Renders what a run did and where the indicators stand, as tables a person reads in the terminal.</summary>
public static class RunReport
{
    /// <summary>The most rows of the attainment table a run prints.</summary>
    public const int AttainmentRowsShown = 200;

    /// <summary>One line per file with its row conservation.</summary>
    public static void Write(RunSummary summary)
    {
        var table = new Table().Title("Ladevorgänge dieses Laufs")
            .AddColumns("Datei", "Status", "gelesen", "geladen", "abgewiesen", "übersprungen", "Hinweis");
        foreach (var file in summary.Files)
        {
            table.AddRow(
                Markup.Escape(file.File.Name), StatusMarkup(file.Status.ToStoredName()), GermanText.Digits(file.Counts.Read), GermanText.Digits(file.Counts.Loaded),
                GermanText.Digits(file.Counts.Rejected), GermanText.Digits(file.Counts.Skipped),
                Markup.Escape(file.Message ?? (file.StewardReport is { } report ? "Bericht: " + Path.GetRelativePath(Environment.CurrentDirectory, report) : "")));
        }

        AnsiConsole.Write(WhenEmpty(table, summary.Files.Count, 0, "keine Dateien im Eingang"));
        foreach (var file in summary.Files.Where(f => f.Normalisations.Count > 0))
        {
            AnsiConsole.MarkupLine($"{Markup.Escape(file.File.Name)}: normalisiert gelesen (Ladeprotokoll load_normalisierung)");
            foreach (var note in file.Normalisations)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(GermanValues.Culture, $"  {note.Code}: {note.Message} ({note.Count}×, zuerst {Place(note)})")));
            }
        }

        foreach (var later in summary.Deferred)
        {
            AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(Path.GetFileName(later.Path))}: noch nicht übernommen, {Markup.Escape(later.Reason)}.[/]");
        }
    }

    private static string Place(Loading.NormalisationEntry note) =>
        string.Join(" ", new[] { note.Sheet is null ? null : "Blatt " + note.Sheet, note.Row is { } row ? string.Create(GermanValues.Culture, $"Zeile {row}") : null, note.Column is null ? null : "Spalte " + note.Column }
            .Where(p => p is not null)) is { Length: > 0 } place ? place : "Datei";

    /// <summary>
    /// The latest month with an actual, per indicator and area: all of them up to <see cref="AttainmentRowsShown"/>, beyond
    /// that the figures with a target first and the rest counted. Written to <paramref name="console"/>, by default the terminal.
    /// </summary>
    public static void WriteAttainment(IReadOnlyList<AttainmentRow> rows, IAnsiConsole? console = null)
    {
        var output = console ?? AnsiConsole.Console;
        // A terminal is read by a person: beyond a screenful the figures measured against a target come first, and the
        // rest is counted (a warehouse with thousands of areas would otherwise print every one of them, and hold the
        // whole table in memory to lay it out).
        var shown = rows.Count <= AttainmentRowsShown
            ? rows
            : [.. rows.Where(r => r.Zielwert is not null).Concat(rows.Where(r => r.Zielwert is null)).Take(AttainmentRowsShown)];
        var table = new Table().Title("Zielerreichung (letzter Monat mit Istwert)")
            .AddColumns("Indikator", "Monat", "Bereich", "Istwert", "Zielpfad", "Zielwert", "Grad", "Status");
        foreach (var row in shown)
        {
            table.AddRow(
                Markup.Escape(row.IndikatorCode), row.Monat.ToString("yyyy-MM", CultureInfo.InvariantCulture), Markup.Escape(row.Bereich), GermanText.Number(row.Istwert), GermanText.Number(row.Zielpfad),
                GermanText.Number(row.Zielwert), row.Zielerreichungsgrad is { } g ? g.ToString("P1", GermanValues.Culture) : "n/a", StatusMarkup(row.Status.ToReportName()));
        }

        output.Write(table);
        if (rows.Count > shown.Count)
        {
            output.MarkupLine(Markup.Escape(string.Create(GermanValues.Culture,
                $"… und {rows.Count - shown.Count:N0} weitere Zeilen; alle stehen in rpt.zielerreichung und, je Bereich, im Bericht (bielefeld-etl report --bereich …)")));
        }
    }

    /// <summary>Every pipeline's latest load and its latest error since its latest successful load.</summary>
    public static void WritePipelines(IReadOnlyList<PipelineStatus> pipelines)
    {
        var table = new Table().Title("Letzter Stand je Pipeline")
            .AddColumns("Pipeline", "Zeitplan", "letzte Datei", "Status", "gelesen", "geladen", "abgewiesen", "übersprungen", "Beginn", "letzter Fehler");
        foreach (var p in pipelines)
        {
            var l = p.LastLoad;
            table.AddRow(
                Markup.Escape(p.Pipeline), Markup.Escape(p.Schedule ?? "–"), Markup.Escape(l?.Datei ?? "(noch nichts geladen)"),
                l is null ? "" : StatusMarkup(l.Status), l is null ? "" : GermanText.Digits(l.ZeilenGelesen), l is null ? "" : GermanText.Digits(l.ZeilenGeladen),
                l is null ? "" : GermanText.Digits(l.ZeilenAbgewiesen), l is null ? "" : GermanText.Digits(l.ZeilenUebersprungen), l is null ? "" : Markup.Escape(BerlinTime.Stamp(l.GestartetUm)),
                Markup.Escape(p.LastError is { } e ? $"{e.Datei}: {e.Meldung}" : ""));
        }

        AnsiConsole.Write(table);
    }

    /// <summary>The load protocol.</summary>
    public static void WriteLoads(IReadOnlyList<LoadRecord> loads)
    {
        var table = new Table().Title("Letzte Ladevorgänge")
            .AddColumns("Nr.", "Datei", "Quelle", "Status", "gelesen", "geladen", "abgewiesen", "übersprungen", "Beginn", "Meldung");
        foreach (var load in loads)
        {
            table.AddRow(
                GermanText.Digits(load.DateiId), Markup.Escape(load.Datei), Markup.Escape(load.Quelle), StatusMarkup(load.Status),
                GermanText.Digits(load.ZeilenGelesen), GermanText.Digits(load.ZeilenGeladen), GermanText.Digits(load.ZeilenAbgewiesen), GermanText.Digits(load.ZeilenUebersprungen),
                Markup.Escape(BerlinTime.Stamp(load.GestartetUm)), Markup.Escape(load.Meldung ?? ""));
        }

        AnsiConsole.Write(WhenEmpty(table, loads.Count, 1, "noch nichts geladen"));
    }

    /// <summary>Rejected rows as stewards review them, with their review state and the steward's decision.</summary>
    public static void WriteRejects(IReadOnlyList<RejectedRowRecord> rows, int limit)
    {
        var table = new Table().Title("Abgewiesene Zeilen (neueste Ladung zuerst)")
            .AddColumns("ID", "Datei", "Quelle", "Blatt", "Zeile", "Spalte", "Rohwert", "Grund-Code", "Grund", "Bearbeitung", "Entscheidung");
        foreach (var row in rows)
        {
            var decision = row.Entscheidung is null ? "" : $"{row.EntschiedenVon}, {(row.EntschiedenUm is { } at ? BerlinTime.Stamp(at) : "")}: {row.Kommentar}";
            table.AddRow(
                GermanText.Digits(row.AbweisungId), Markup.Escape(row.Datei), Markup.Escape(row.Quelle), Markup.Escape(row.Blatt ?? ""), GermanText.Digits(row.Zeile),
                Markup.Escape(row.Spalte ?? ""), Markup.Escape(row.Rohwert ?? ""), Markup.Escape(row.GrundCode), Markup.Escape(row.Grund),
                StatusMarkup(row.Bearbeitung), Markup.Escape(decision));
        }

        AnsiConsole.Write(WhenEmpty(table, rows.Count, 1, "keine abgewiesenen Zeilen"));
        if (rows.Count == limit)
        {
            AnsiConsole.MarkupLine(string.Create(GermanValues.Culture, $"[yellow]Die ersten {limit:N0} Zeilen; --count erhöht die Grenze.[/]"));
        }
    }

    /// <summary>The delivery calendar: late deliveries first, then what is due; delivered periods are only counted.</summary>
    public static void WriteDeliveries(IReadOnlyList<DeliveryStatus> statuses)
    {
        var table = new Table().Title("Lieferkalender (überfällig und fällig)")
            .AddColumns("Quelle", "Zeitraum", "Status", "fällig am", "Tage überfällig");
        foreach (var s in statuses.Where(s => s.State is DeliveryState.Late or DeliveryState.Due).OrderBy(s => s.State).ThenBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.PeriodEnd))
        {
            table.AddRow(
                Markup.Escape(s.Source), Period(s), StatusMarkup(s.State.ToStoredName()),
                GermanText.Day(s.DueDate), s.DaysLate == 0 ? "" : GermanText.Digits(s.DaysLate));
        }

        AnsiConsole.Write(WhenEmpty(table, table.Rows.Count, 0, "nichts überfällig oder fällig"));
        var delivered = statuses.Count(s => s.State is DeliveryState.Delivered or DeliveryState.Revised);
        AnsiConsole.MarkupLine(string.Create(GermanValues.Culture, $"{delivered} Zeiträume geliefert (davon {statuses.Count(s => s.State == DeliveryState.Revised)} revidiert), {statuses.Count(s => s.State == DeliveryState.Expected)} erwartet."));
    }

    /// <summary>Late deliveries as warnings after a run; they do not change the exit code.</summary>
    public static void WriteLateWarnings(IReadOnlyList<DeliveryStatus> late)
    {
        foreach (var source in late.GroupBy(s => s.Source))
        {
            var periods = string.Join(", ", source.OrderBy(s => s.PeriodEnd).Select(Period));
            AnsiConsole.MarkupLine($"[yellow]Warnung: Lieferung überfällig – {Markup.Escape(source.Key)}: {periods}[/]");
        }
    }

    // A table without rows says so in grey in one column, the others empty.
    private static Table WhenEmpty(Table table, int rows, int column, string text) => rows > 0
        ? table
        : table.AddRow([.. table.Columns.Select((_, i) => i == column ? $"[grey]({text})[/]" : "")]);

    private static string Period(DeliveryStatus s) => s.PeriodStart == s.PeriodEnd
        ? s.PeriodEnd.ToString("yyyy-MM", GermanValues.Culture)
        : $"{s.PeriodStart.ToString("yyyy-MM", GermanValues.Culture)} bis {s.PeriodEnd.ToString("yyyy-MM", GermanValues.Culture)}";

    private static string StatusMarkup(string status) => status switch
    {
        "gruen" or "geladen" or "akzeptiert" or "korrigiert" or "behoben" => $"[green]{status}[/]",
        "gelb" or "bereits_geladen" or "faellig" or "offen" => $"[yellow]{status}[/]",
        "rot" or "abgewiesen" or "fehlgeschlagen" or "ueberfaellig" => $"[red]{status}[/]",
        _ => Markup.Escape(status),
    };
}
