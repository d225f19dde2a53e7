using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Warehouse;
using Hangfire.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Dashboard;

/// <summary>
/// <c>/hangfire/pipelines</c>: every pipeline with its schedule, latest load (file, status, row counts) and latest
/// error, from the warehouse's load protocol (<see cref="PipelineStatusView"/>).
/// </summary>
internal sealed class PipelineStatusPage : IDashboardDispatcher
{
    public async Task Dispatch(DashboardContext context)
    {
        var services = context.GetHttpContext().RequestServices;
        var run = services.GetRequiredService<PipelineRun>();
        var warehouse = services.GetRequiredService<WarehouseProvider>();
        var statuses = PipelineStatus.From(run.Pipelines, await warehouse.RecentLoadsAsync(500, context.GetHttpContext().RequestAborted));
        var html = PageRenderer.Render<PipelineStatusView>(new
        {
            AppPath = context.Options.AppPath ?? "",
            WorkspaceUrl = EtlServer.WorkspaceUrl(context.Request.PathBase),
            Statuses = statuses,
        });
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(html);
    }
}
