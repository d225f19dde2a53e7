using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/ladeprotokoll</c>: the pipelines with a button to run one now, and the load protocol, newest first,
/// with each file's row conservation (read = loaded + rejected + skipped) checked on the page (<see cref="LoadsView"/>).
/// </summary>
internal static class LoadsPage
{
    private const int Shown = 200;

    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? gestartet = null) =>
        WorkspaceHtml.Page<LoadsView>(http, new { Pipelines = run.Pipelines.ToList(), Loads = await warehouse.RecentLoadsAsync(Shown, http.RequestAborted), Shown,
            Started = run.Pipelines.Any(p => p.Name == gestartet) ? gestartet : null });
}
