using System.Globalization;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;
using static Bielefeld.Etl.Hosting.Workspace.WorkspaceHtml;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/abweisungen</c>: the review queue. Rejected rows (open ones, or all with <c>alle=1</c>), filterable
/// by pipeline, file and rule (reason code), each with its review state, an existing decision beside it, whether a later
/// delivery of the file closed it, and the form to record a decision.
/// </summary>
internal static class RejectsPage
{
    private const int Shown = 500;

    public static async Task<IResult> ShowAsync(
        HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? quelle = null, string? datei = null, string? regel = null, string? alle = null, long? gespeichert = null)
    {
        var ct = http.RequestAborted;
        quelle = Blank(quelle);
        datei = Blank(datei);
        regel = Blank(regel);
        var all = alle == "1";
        var everything = await warehouse.RejectedRowsAsync(new RejectedRowQuery(Limit: 10_000), ct);
        var rows = await warehouse.RejectedRowsAsync(new RejectedRowQuery(File: datei, Source: quelle, Reason: regel, Limit: Shown, OpenOnly: !all), ct);
        var later = await LaterDeliveriesAsync(warehouse, rows, ct);
        var token = Token(http);
        var query = Query(quelle, datei, regel, all);

        var body = new StringBuilder();
        if (gespeichert is { } saved && rows.Concat(everything).FirstOrDefault(r => r.AbweisungId == saved) is { } decided)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<p class=\"ok\" id=\"gespeichert\">Entscheidung gespeichert: Zeile {decided.Zeile.ToString(CultureInfo.InvariantCulture)} in {E(decided.Datei)} – {E(DecisionLabel(decided.Entscheidung))} ({E(decided.EntschiedenVon)}).</p>");
        }

        body.Append(CultureInfo.InvariantCulture, $"<form class=\"filter\" method=\"get\" action=\"{Url(http, WorkspaceEndpoints.Rejects)}\">")
            .Append(Select("quelle", "Pipeline", run.Pipelines.Select(p => p.Name), quelle))
            .Append(Select("datei", "Datei", everything.Select(r => r.Datei).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), datei))
            .Append(Select("regel", "Regel (Grund-Code)", everything.Select(r => r.GrundCode).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), regel))
            .Append(CultureInfo.InvariantCulture, $"<label><span><input type=\"checkbox\" name=\"alle\" value=\"1\"{(all ? " checked" : "")}> auch bearbeitete Zeilen</span></label>")
            .Append("<button type=\"submit\">Filtern</button></form>");

        body.Append(CultureInfo.InvariantCulture, $"<p id=\"anzahl\">{N(rows.Count)} {(all ? "abgewiesene Zeilen" : "offene abgewiesene Zeilen")}{(rows.Count == Shown ? $" (die ersten {N(Shown)})" : "")}.</p>")
            .Append("<table id=\"abweisungen\"><thead><tr><th>Datei</th><th>Blatt · Zeile · Spalte</th><th>Rohwert</th><th>Regel und Meldung</th><th>Bearbeitung</th><th>Entscheidung</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var id = r.AbweisungId.ToString(CultureInfo.InvariantCulture);
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr id="zeile-{id}" data-abweisung-id="{id}">
                <td>{E(r.Datei)}<br><span class="hinweis">{E(r.Quelle)} · Datei-ID {r.DateiId.ToString(CultureInfo.InvariantCulture)} · geladen {E(Stamp(r.GeladenUm))}</span></td>
                <td>{E(r.Blatt ?? "–")} · Zeile {r.Zeile.ToString(CultureInfo.InvariantCulture)} · {E(r.Spalte ?? "–")}</td>
                <td><code>{E(r.Rohwert)}</code></td>
                <td><code class="regel">{E(r.GrundCode)}</code><br>{E(r.Grund)}</td>
                <td><span class="status {E(r.Bearbeitung)} bearbeitung">{E(r.Bearbeitung)}</span>{LaterNote(r, later)}</td>
                <td>{Existing(r)}{Form(http, r, token, query)}</td>
                </tr>
                """);
        }

        if (rows.Count == 0)
        {
            body.Append("<tr><td colspan=\"6\">Keine abgewiesenen Zeilen für diese Auswahl.</td></tr>");
        }

        body.Append("</tbody></table>")
            .Append("<p class=\"hinweis\">Eine Entscheidung gilt für die Zeile (Datei, Blatt, Zeile, Regel), auch in späteren Lieferungen derselben Datei. Akzeptierte und verworfene Zeilen werden nicht mehr gemeldet; eine Neulieferung, die die Zeile nicht mehr abweist, schließt sie (<em>behoben</em>).</p>");
        return Page(http, WorkspaceEndpoints.Rejects, "Abgewiesene Zeilen", body.ToString());
    }

    internal static string DecisionLabel(string? stored) => stored switch
    {
        "korrigiert" => "korrigiert durch Neulieferung",
        null => "",
        _ => stored,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Query(string? quelle, string? datei, string? regel, bool all) =>
        string.Join("&", new[] { ("quelle", quelle), ("datei", datei), ("regel", regel), ("alle", all ? "1" : null) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    private static string Select(string name, string label, IEnumerable<string> values, string? selected)
    {
        var html = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<label>{E(label)}<select name=\"{name}\"><option value=\"\">alle</option>");
        foreach (var v in values)
        {
            html.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>");
        }

        return html.Append("</select></label>").ToString();
    }

    private static string Existing(RejectedRowRecord r) => r.Entscheidung is null ? ""
        : $"<div class=\"entschieden\"><span class=\"status {E(r.Entscheidung)}\">{E(DecisionLabel(r.Entscheidung))}</span> von <strong class=\"von\">{E(r.EntschiedenVon)}</strong> am {E(Stamp(r.EntschiedenUm))}<br>„<span class=\"kommentar\">{E(r.Kommentar)}</span>“</div>";

    private static string Form(HttpContext http, RejectedRowRecord r, string token, string query)
    {
        var id = r.AbweisungId.ToString(CultureInfo.InvariantCulture);
        return $"""
            <form class="entscheidung" method="post" action="{Url(http, $"{WorkspaceEndpoints.Rejects}/{id}/entscheidung")}">{token}
            <input type="hidden" name="zurueck" value="{E(query)}">
            <label for="entscheidung-{id}">Entscheidung</label><select id="entscheidung-{id}" name="entscheidung">
            <option value="korrigiert">korrigiert durch Neulieferung</option><option value="akzeptiert">akzeptiert</option><option value="verworfen">verworfen</option></select>
            <label for="kommentar-{id}">Kommentar</label><input type="text" id="kommentar-{id}" name="kommentar" required maxlength="1000">
            <label for="von-{id}">Name</label><input type="text" id="von-{id}" name="von" required maxlength="200">
            <span></span><button type="submit">{(r.Entscheidung is null ? "Entscheidung speichern" : "Entscheidung ändern")}</button>
            </form>
            """;
    }

    /// <summary>Per rejected row: the first later loaded delivery of the same file name, and whether it rejects the row again.</summary>
    private static async Task<Dictionary<long, (LoadRecord Load, bool Again)>> LaterDeliveriesAsync(
        WarehouseProvider warehouse, IReadOnlyList<RejectedRowRecord> rows, CancellationToken ct)
    {
        var result = new Dictionary<long, (LoadRecord, bool)>();
        if (rows.Count == 0)
        {
            return result;
        }

        var loads = await warehouse.RecentLoadsAsync(1_000, ct);
        var againByFile = new Dictionary<long, IReadOnlyList<RejectedRowRecord>>();
        foreach (var r in rows)
        {
            var next = loads.Where(l => l.Quelle == r.Quelle && l.Datei == r.Datei && l.Status == "geladen" && l.DateiId > r.DateiId).MinBy(l => l.DateiId);
            if (next is null)
            {
                continue;
            }

            if (!againByFile.TryGetValue(next.DateiId, out var rejectedThere))
            {
                rejectedThere = await warehouse.RejectedRowsAsync(new RejectedRowQuery(FileId: next.DateiId), ct);
                againByFile[next.DateiId] = rejectedThere;
            }

            result[r.AbweisungId] = (next, rejectedThere.Any(x => x.Blatt == r.Blatt && x.Zeile == r.Zeile && x.GrundCode == r.GrundCode));
        }

        return result;
    }

    private static string LaterNote(RejectedRowRecord r, Dictionary<long, (LoadRecord Load, bool Again)> later) =>
        later.TryGetValue(r.AbweisungId, out var l)
            ? $"<br><span class=\"hinweis neulieferung\">{(l.Again ? "in der Neulieferung erneut abgewiesen" : "durch Neulieferung geschlossen")} (Datei-ID {l.Load.DateiId.ToString(CultureInfo.InvariantCulture)}, {E(Stamp(l.Load.GestartetUm))})</span>"
            : "";
}
