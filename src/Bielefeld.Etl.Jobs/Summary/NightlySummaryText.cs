using System.Globalization;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>Renders the nightly summary in plain German, as text for e-mail and as a self-contained HTML page.</summary>
public static class NightlySummaryText
{
    /// <summary>
    /// The most lines a list section shows. A wave of changes (a new plan year, a source re-delivering every month)
    /// can turn hundreds of thousands of figures at once; the summary names the first and counts the rest, which are
    /// all in the warehouse.
    /// </summary>
    public const int LinesPerList = 50;

    private static readonly CultureInfo German = GermanValues.Culture;

    /// <summary>The subject line of the e-mail.</summary>
    public static string Subject(NightlySummary summary)
    {
        var problems = summary.LateDeliveries.Count + summary.ConsistencyViolationCount
            + summary.Files.Count(f => f.Status is FileLoadStatus.Failed or FileLoadStatus.Refused);
        return string.Create(German, $"Sozialplanung: Nachtlauf vom {summary.Day:dd.MM.yyyy} – {Loaded(summary)} Dateien geladen{(problems > 0 ? $", {problems} Hinweise" : "")}");
    }

    /// <summary>The plain-text version: the heading, each section as a list, and where the rejected rows are.</summary>
    public static string Text(NightlySummary summary) => string.Join(Environment.NewLine,
    [
        Heading(summary), "",
        .. Sections(summary).SelectMany(s => (IEnumerable<string>)[s.Heading, .. s.Lines.Select(line => "- " + line), ""]),
        "Die abgewiesenen Zeilen stehen mit Datei, Zeile, Spalte und Grund in den Berichten im Ordner reports/ und über \"bielefeld-etl rejects\".", "",
    ]);

    /// <summary>The HTML version (<see cref="NightlySummaryPage"/>).</summary>
    public static string Html(NightlySummary summary) =>
        PageRenderer.Render<NightlySummaryPage>(new { Title = Subject(summary), Heading = Heading(summary), Sections = Sections(summary).ToList() });

    private static string Heading(NightlySummary summary) => string.Create(German, $"Nachtlauf vom {summary.Day:dd.MM.yyyy}");

    private static IEnumerable<(string Heading, IReadOnlyList<string> Lines)> Sections(NightlySummary summary)
    {
        yield return ("Geladene Dateien", summary.Files.Count == 0
            ? ["Heute lagen keine neuen Dateien im Eingang."]
            : [.. summary.Files.Select(FileLine)]);
        yield return ("Abgewiesene Zeilen nach Grund", summary.RejectedByReason.Count == 0
            ? ["Keine Zeile wurde abgewiesen."]
            : [.. summary.RejectedByReason.Select(r => string.Create(German, $"{r.Rows} × {r.Code}: {r.Description}"))]);
        yield return ("Überfällige Lieferungen", summary.LateDeliveries.Count == 0
            ? ["Keine Lieferung ist überfällig."]
            : [.. summary.LateDeliveries.Select(d => string.Create(German,
                $"{d.Source}: Daten für {d.PeriodStart:MMMM yyyy} waren am {d.DueDate:dd.MM.yyyy} fällig ({d.DaysLate} Tage überfällig)"))]);
        if (summary.ConsistencyViolationCount > 0)
        {
            // Only when there is something: a figure that breaks a rule across indicators must not pass silently.
            yield return ("Widersprüche zwischen Indikatoren (konsistenz.yml)",
                AtMost(summary.ConsistencyViolations.Select(v => $"{v.IndicatorCode} ({v.AreaCode}): {v.Text}"), summary.ConsistencyViolationCount,
                    ("weiterer Widerspruch", "weitere Widersprüche"), "jeder steht als Statushinweis bei seiner Zielerreichung (rpt.zielerreichung, Spalte status_hinweis)"));
        }

        yield return ("Geänderte Ampeln seit dem letzten Bericht", summary.StatusChanges.Count == 0
            ? ["Keine Ampel hat sich geändert."]
            : AtMost(summary.StatusChanges.Select(c => $"{c.Indicator} ({c.Area}): {GermanText.Status(c.Before)} → {GermanText.Status(c.After)}"), summary.StatusChanges.Count,
                ("weitere geänderte Ampel", "weitere geänderte Ampeln"), "alle Ampeln stehen in der Zielerreichung (rpt.zielerreichung)"));
    }

    private static IReadOnlyList<string> AtMost(IEnumerable<string> lines, int count, (string One, string Many) rest, string whereAllAre) =>
        count <= LinesPerList
            ? [.. lines]
            : [.. lines.Take(LinesPerList), string.Create(German, $"… und {count - LinesPerList:N0} {(count - LinesPerList == 1 ? rest.One : rest.Many)}; {whereAllAre}")];

    private static string FileLine(FileLoadResult file) => file.Status switch
    {
        FileLoadStatus.Loaded => string.Create(German,
            $"{file.File.Name} ({file.File.Pipeline}): geladen – {file.Counts.Read} Zeilen gelesen, {file.Counts.Loaded} übernommen, {file.Counts.Rejected} abgewiesen, {file.Counts.Skipped} ohne Daten") + Normalised(file),
        FileLoadStatus.AlreadyLoaded => $"{file.File.Name} ({file.File.Pipeline}): war bereits geladen, nichts zu tun",
        FileLoadStatus.Refused => $"{file.File.Name} ({file.File.Pipeline}): als Ganzes abgewiesen – {file.Message}",
        _ => $"{file.File.Name} ({file.File.Pipeline}): technischer Fehler, nichts übernommen; der nächste Lauf versucht es erneut ({file.Message})",
    };

    /// <summary>What the reader read in another form than the contract's, so a steward can have the template restored.</summary>
    private static string Normalised(FileLoadResult file) => file.Normalisations.Count == 0
        ? ""
        : "; normalisiert: " + string.Join("; ", file.Normalisations.Select(n => string.Create(German, $"{n.Message} ({n.Count}×)")));

    private static int Loaded(NightlySummary summary) => summary.Files.Count(f => f.Status == FileLoadStatus.Loaded);
}
