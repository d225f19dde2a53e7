using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;
using static Bielefeld.Etl.Hosting.Workspace.WorkspaceHtml;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/zielerreichung</c>: the attainment overview of one area (the city unless <c>bereich</c> names
/// another), exactly as <c>report</c> writes it (<see cref="AttainmentOverview"/>), with the workspace's navigation and
/// an area chooser placed at the top of its body.
/// </summary>
internal static class AttainmentPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? bereich = null)
    {
        var area = run.Areas.Find(bereich ?? Area.CityCode) ?? run.Areas.Find(Area.CityCode) ?? Area.City;
        var series = await warehouse.AttainmentSeriesAsync(area.Code, http.RequestAborted);
        var overview = AttainmentOverview.Render(run.Catalog, series, area.Name, TimeProvider.System.GetUtcNow());

        var chooser = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<form class=\"ws-bereich\" method=\"get\" action=\"{Url(http, WorkspaceEndpoints.Attainment)}\"><label>Bereich <select name=\"bereich\">");
        foreach (var a in run.Areas.Areas)
        {
            chooser.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(a.Code)}\"{(a.Code == area.Code ? " selected" : "")}>{E(a.Name)}</option>");
        }

        chooser.Append("</select></label> <button type=\"submit\">Anzeigen</button></form>");
        var top = Navigation(http, WorkspaceEndpoints.Attainment) + chooser;
        var html = InsertAfter(InsertAfter(overview, "<style>", NavigationStyles + ".ws-bereich { margin-bottom: 1rem; }\n"), "<body>", top);
        return Send(http, html);
    }

    private static string InsertAfter(string html, string marker, string insert)
    {
        var at = html.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? html : html.Insert(at + marker.Length, insert);
    }
}
