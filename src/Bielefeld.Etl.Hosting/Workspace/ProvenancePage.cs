using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/herkunft?indikator=CODE</c>: where every figure of one indicator comes from (<c>dwh.herkunft</c>): the
/// plan sentence of its target, and per area, month and file the Datenstand, load time and the stewards' decisions
/// (<see cref="ProvenanceView"/>). Without an indicator, the list to choose from.
/// </summary>
internal static class ProvenancePage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? indikator = null)
    {
        var indicator = indikator is null ? null : run.Catalog.FindIndicator(indikator);
        var rows = indicator is null ? [] : await warehouse.ProvenanceAsync(indicator.Code, http.RequestAborted);
        return WorkspaceHtml.Page<ProvenanceView>(http, new { Indicators = run.Catalog.Indicators.ToList(), Indicator = indicator, Rows = rows });
    }
}
