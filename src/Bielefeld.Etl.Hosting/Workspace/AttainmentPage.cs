using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/zielerreichung</c>: the attainment overview of one area (the city unless <c>bereich</c> names
/// another), exactly as <c>report</c> writes it (<see cref="AttainmentOverviewPage"/>), with the workspace's navigation
/// and an area chooser placed at the top of its body (<see cref="AttainmentView"/>).
/// </summary>
internal static class AttainmentPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? bereich = null)
    {
        var area = run.Areas.Find(bereich ?? Area.CityCode) ?? run.Areas.Find(Area.CityCode) ?? Area.City;
        var series = await warehouse.AttainmentSeriesAsync(area.Code, http.RequestAborted);
        return WorkspaceHtml.Page<AttainmentView>(http, new { Plan = run.Catalog, Series = series, Area = area,
            Areas = run.Areas.Areas.ToList(), GeneratedAt = TimeProvider.System.GetUtcNow() });
    }
}
