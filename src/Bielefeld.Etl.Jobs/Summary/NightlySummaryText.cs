using System.Globalization;
using System.Net;
using System.Text;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>Renders the nightly summary in plain German, as text for e-mail and as a self-contained HTML page.</summary>
public static class NightlySummaryText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The subject line of the e-mail.</summary>
    public static string Subject(NightlySummary summary)
    {
        var problems = summary.LateDeliveries.Count + summary.ConsistencyViolations.Count
            + summary.Files.Count(f => f.Status is FileLoadStatus.Failed or FileLoadStatus.Refused);
        return string.Create(German, $"Sozialplanung: Nachtlauf vom {summary.Day:dd.MM.yyyy} – {Loaded(summary)} Dateien geladen{(problems > 0 ? $", {problems} Hinweise" : "")}");
    }

    /// <summary>The plain-text version.</summary>
    public static string Text(NightlySummary summary)
    {
        var text = new StringBuilder();
        text.AppendLine(string.Create(German, $"Nachtlauf vom {summary.Day:dd.MM.yyyy}"));
        text.AppendLine();
        foreach (var (heading, lines) in Sections(summary))
        {
            text.AppendLine(heading);
            foreach (var line in lines)
            {
                text.AppendLine("- " + line);
            }

            text.AppendLine();
        }

        text.AppendLine("Die abgewiesenen Zeilen stehen mit Datei, Zeile, Spalte und Grund in den Berichten im Ordner reports/ und über \"bielefeld-etl rejects\".");
        return text.ToString();
    }

    /// <summary>The HTML version; every text is escaped.</summary>
    public static string Html(NightlySummary summary)
    {
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>{{E(Subject(summary))}}</title>
            <style>body{font-family:"DejaVu Sans",Arial,sans-serif;margin:2rem;color:#1d1d1b}h1{font-size:1.4rem}h2{font-size:1.1rem;color:#005ca9;margin-top:1.5rem}li{margin:.2rem 0}</style>
            </head><body>
            <h1>{{E(string.Create(German, $"Nachtlauf vom {summary.Day:dd.MM.yyyy}"))}}</h1>

            """);
        foreach (var (heading, lines) in Sections(summary))
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(heading)}</h2>\n<ul>\n");
            foreach (var line in lines)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{E(line)}</li>\n");
            }

            html.Append("</ul>\n");
        }

        return html.Append("</body></html>\n").ToString();
    }

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
        if (summary.ConsistencyViolations.Count > 0)
        {
            // Only when there is something: a figure that breaks a rule across indicators must not pass silently.
            yield return ("Widersprüche zwischen Indikatoren (konsistenz.yml)",
                [.. summary.ConsistencyViolations.Select(v => $"{v.IndicatorCode} ({v.AreaCode}): {v.Text}")]);
        }

        yield return ("Geänderte Ampeln seit dem letzten Bericht", summary.StatusChanges.Count == 0
            ? ["Keine Ampel hat sich geändert."]
            : [.. summary.StatusChanges.Select(c => $"{c.Indicator} ({c.Area}): {StatusWord(c.Before)} → {StatusWord(c.After)}")]);
    }

    private static string FileLine(FileLoadResult file) => file.Status switch
    {
        FileLoadStatus.Loaded => string.Create(German,
            $"{file.File.Name} ({file.File.Pipeline}): geladen – {file.Counts.Read} Zeilen gelesen, {file.Counts.Loaded} übernommen, {file.Counts.Rejected} abgewiesen, {file.Counts.Skipped} ohne Daten"),
        FileLoadStatus.AlreadyLoaded => $"{file.File.Name} ({file.File.Pipeline}): war bereits geladen, nichts zu tun",
        FileLoadStatus.Refused => $"{file.File.Name} ({file.File.Pipeline}): als Ganzes abgewiesen – {file.Message}",
        _ => $"{file.File.Name} ({file.File.Pipeline}): technischer Fehler, nichts übernommen; der nächste Lauf versucht es erneut ({file.Message})",
    };

    private static string StatusWord(string status) => status switch
    {
        "gruen" => "grün",
        "keine_daten" => "keine Daten",
        "ueberfaellig" => "überfällig",
        _ => status,
    };

    private static int Loaded(NightlySummary summary) => summary.Files.Count(f => f.Status == FileLoadStatus.Loaded);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
