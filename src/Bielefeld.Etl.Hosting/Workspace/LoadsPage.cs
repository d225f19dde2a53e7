using System.Globalization;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;
using static Bielefeld.Etl.Hosting.Workspace.WorkspaceHtml;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/ladeprotokoll</c>: the pipelines with a button to run one now, and the load protocol, newest first,
/// with each file's row conservation (read = loaded + rejected + skipped) checked on the page.
/// </summary>
internal static class LoadsPage
{
    private const int Shown = 200;

    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? gestartet = null)
    {
        var loads = await warehouse.RecentLoadsAsync(Shown, http.RequestAborted);
        var token = Token(http);
        var body = new StringBuilder();
        if (gestartet is not null && run.Pipelines.Any(p => p.Name == gestartet))
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<p class=\"ok\" id=\"gestartet\">Pipeline {E(gestartet)} wurde zum Laden eingereiht. Das Ergebnis erscheint unten, sobald der Lauf fertig ist (Seite neu laden).</p>");
        }

        body.Append("<h2>Pipelines</h2><table id=\"pipelines\"><thead><tr><th>Pipeline</th><th>Quelle</th><th>Eingang</th><th>Dateien</th><th>Zeitplan (Europe/Berlin)</th><th></th></tr></thead><tbody>");
        foreach (var p in run.Pipelines)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(p.Name)}</td><td>{E(p.Source)}</td><td><code>{E(p.Inbox)}</code></td><td><code>{E(p.Files)}</code></td><td>{E(p.Schedule ?? "–")}</td>
                <td><form method="post" action="{Url(http, $"{WorkspaceEndpoints.Prefix}/pipelines/{Uri.EscapeDataString(p.Name)}/laden")}">{token}<button type="submit" name="laden" value="{E(p.Name)}">Jetzt laden</button></form></td></tr>
                """);
        }

        body.Append("</tbody></table>")
            .Append(CultureInfo.InvariantCulture, $"<h2>Ladeprotokoll (die letzten {N(Shown)} Dateien)</h2>")
            .Append("<p class=\"hinweis\">Jede gelesene Zeile ist genau eins: geladen, abgewiesen oder übersprungen (leer, Überschrift, Anmerkung).</p>")
            .Append("<table id=\"ladeprotokoll\"><thead><tr><th class=\"zahl\">Datei-ID</th><th>Datei</th><th>Pipeline</th><th>Status</th><th class=\"zahl\">gelesen</th><th class=\"zahl\">geladen</th><th class=\"zahl\">abgewiesen</th><th class=\"zahl\">übersprungen</th><th>Bilanz</th><th>Beginn</th><th>Meldung</th></tr></thead><tbody>");
        foreach (var l in loads)
        {
            var conserved = l.ZeilenGelesen == l.ZeilenGeladen + l.ZeilenAbgewiesen + l.ZeilenUebersprungen;
            var rejected = l.ZeilenAbgewiesen == 0 ? N(0)
                : $"<a href=\"{Url(http, WorkspaceEndpoints.Rejects)}?quelle={E(Uri.EscapeDataString(l.Quelle))}&amp;datei={E(Uri.EscapeDataString(l.Datei))}&amp;alle=1\">{N(l.ZeilenAbgewiesen)}</a>";
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr data-datei-id="{l.DateiId.ToString(CultureInfo.InvariantCulture)}"><td class="zahl">{l.DateiId.ToString(CultureInfo.InvariantCulture)}</td><td>{E(l.Datei)}</td><td>{E(l.Quelle)}</td><td><span class="status {E(l.Status.Replace(' ', '_'))}">{E(l.Status)}</span></td>
                <td class="zahl">{N(l.ZeilenGelesen)}</td><td class="zahl">{N(l.ZeilenGeladen)}</td><td class="zahl">{rejected}</td><td class="zahl">{N(l.ZeilenUebersprungen)}</td>
                <td class="bilanz">{(conserved ? $"{N(l.ZeilenGelesen)} = {N(l.ZeilenGeladen)} + {N(l.ZeilenAbgewiesen)} + {N(l.ZeilenUebersprungen)} ✓" : "<span class=\"status abgewiesen\">stimmt nicht</span>")}</td>
                <td class="zeit">{E(Stamp(l.GestartetUm))}</td><td>{E(l.Meldung)}</td></tr>
                """);
        }

        if (loads.Count == 0)
        {
            body.Append("<tr><td colspan=\"11\">Noch keine Datei geladen.</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(http, WorkspaceEndpoints.Loads, "Ladeprotokoll", body.ToString());
    }
}
