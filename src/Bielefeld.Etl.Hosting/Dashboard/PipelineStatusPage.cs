using System.Globalization;
using System.Net;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Dashboard;

/// <summary>
/// <c>/hangfire/pipelines</c>: every pipeline with its schedule, latest load (file, status, row counts) and latest
/// error, from the warehouse's load protocol. Every value is HTML-encoded.
/// </summary>
internal sealed class PipelineStatusPage : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var run = services.GetRequiredService<PipelineRun>();
        var warehouse = services.GetRequiredService<WarehouseProvider>();
        var statuses = PipelineStatus.From(run.Pipelines, await warehouse.RecentLoadsAsync(500, context.GetHttpContext().RequestAborted));
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Pipelines – Bielefeld.Etl</title>")
            .Append("<style>body{font-family:sans-serif}td,th{padding:4px 8px;border-bottom:1px solid #ddd;text-align:left}</style></head><body>")
            .Append("<p><a href=\"").Append(Encode(context.Options.AppPath ?? "")).Append("\">zurück</a> · <a href=\"recurring\">Wiederkehrende Jobs</a> · <a href=\"")
            .Append(Encode(EtlServer.WorkspaceUrl(context.Request.PathBase))).Append("\">Arbeitsplatz Datenpflege</a></p>")
            .Append("<h1>Pipelines: letzter Ladevorgang</h1><table><tr><th>Pipeline</th><th>Zeitplan (Europe/Berlin)</th><th>Datei</th><th>Status</th>")
            .Append("<th>gelesen</th><th>geladen</th><th>abgewiesen</th><th>übersprungen</th><th>Beginn (UTC)</th><th>letzter Fehler</th></tr>");
        foreach (var s in statuses)
        {
            var l = s.LastLoad;
            html.Append("<tr><td>").Append(Encode(s.Pipeline)).Append("</td><td>").Append(Encode(s.Schedule ?? "–")).Append("</td><td>")
                .Append(Encode(l?.Datei ?? "(noch nichts geladen)")).Append("</td><td>").Append(Encode(l?.Status ?? "")).Append("</td><td>")
                .Append(Number(l?.ZeilenGelesen)).Append("</td><td>").Append(Number(l?.ZeilenGeladen)).Append("</td><td>")
                .Append(Number(l?.ZeilenAbgewiesen)).Append("</td><td>").Append(Number(l?.ZeilenUebersprungen)).Append("</td><td>")
                .Append(Encode(l?.GestartetUm ?? "")).Append("</td><td>")
                .Append(Encode(s.LastError is { } e ? $"{e.Datei}: {e.Meldung}" : "")).Append("</td></tr>");
        }

        html.Append("</table></body></html>");
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Number(long? value) => value?.ToString(CultureInfo.GetCultureInfo("de-DE")) ?? "";
}
