using System.Globalization;
using System.Text;
using Bielefeld.Etl.Deliveries;
using Bielefeld.Etl.Jobs;
using Microsoft.AspNetCore.Http;
using static Bielefeld.Etl.Hosting.Workspace.WorkspaceHtml;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/lieferkalender</c>: every source's data periods of the plan year with their state as of today
/// (what <c>status</c> shows and <c>rpt.lieferstatus</c> holds), late and due first.
/// </summary>
internal static class CalendarPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run)
    {
        var statuses = await run.RefreshStewardshipAsync(http.RequestAborted);
        var late = statuses.Count(s => s.State == DeliveryState.Late);
        var due = statuses.Count(s => s.State == DeliveryState.Due);
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<p class=\"{(late > 0 ? "fehler" : "ok")}\" id=\"zusammenfassung\">Stand {E(run.Today.ToString("dd.MM.yyyy", German))}: {N(late)} überfällig, {N(due)} fällig, ")
            .Append(CultureInfo.InvariantCulture, $"{N(statuses.Count(s => s.State is DeliveryState.Delivered or DeliveryState.Revised))} geliefert (davon {N(statuses.Count(s => s.State == DeliveryState.Revised))} revidiert), {N(statuses.Count(s => s.State == DeliveryState.Expected))} erwartet.</p>")
            .Append("<p class=\"hinweis\">Eine überfällige Lieferung ist eine Warnung, kein Fehler; die betroffenen Indikatoren gelten als vorläufig (<code>status_hinweis</code>).</p>")
            .Append("<table id=\"lieferkalender\"><thead><tr><th>Quelle</th><th>Zeitraum</th><th>Status</th><th>fällig am</th><th class=\"zahl\">Tage überfällig</th><th>zuerst geliefert</th><th>zuletzt geliefert</th><th class=\"zahl\">Lieferungen</th></tr></thead><tbody>");
        foreach (var s in statuses.OrderBy(s => Rank(s.State)).ThenBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.PeriodStart))
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                <tr><td>{E(s.Source)}</td><td>{E(Period(s))}</td><td><span class="status {s.State.ToStoredName()}">{E(Label(s.State))}</span></td><td>{E(s.DueDate.ToString("dd.MM.yyyy", German))}</td><td class="zahl">{(s.DaysLate == 0 ? "" : N(s.DaysLate))}</td><td>{E(Day(s.FirstDelivered))}</td><td>{E(Day(s.LastDelivered))}</td><td class="zahl">{N(s.Deliveries)}</td></tr>
                """);
        }

        if (statuses.Count == 0)
        {
            body.Append("<tr><td colspan=\"8\">Keine Pipeline hat einen Lieferkalender (<code>lieferkalender:</code> in pipelines/*.yml).</td></tr>");
        }

        body.Append("</tbody></table>");
        return Page(http, WorkspaceEndpoints.Calendar, "Lieferkalender", body.ToString());
    }

    private static int Rank(DeliveryState state) => state switch
    {
        DeliveryState.Late => 0,
        DeliveryState.Due => 1,
        DeliveryState.Expected => 3,
        _ => 2,
    };

    internal static string Label(DeliveryState state) => state switch
    {
        DeliveryState.Expected => "erwartet",
        DeliveryState.Due => "fällig",
        DeliveryState.Late => "überfällig",
        DeliveryState.Delivered => "geliefert",
        _ => "revidiert",
    };

    private static string Period(DeliveryStatus s) => s.PeriodStart == s.PeriodEnd
        ? s.PeriodEnd.ToString("MM/yyyy", German)
        : $"{s.PeriodStart.ToString("MM/yyyy", German)} bis {s.PeriodEnd.ToString("MM/yyyy", German)}";

    private static string Day(DateTimeOffset? at) => at is { } t ? t.ToString("dd.MM.yyyy", German) : "";
}
