using Bielefeld.Etl.Jobs;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/lieferkalender</c>: every source's data periods of the plan year with their state as of today
/// (what <c>status</c> shows and <c>rpt.lieferstatus</c> holds), late and due first (<see cref="CalendarView"/>).
/// </summary>
internal static class CalendarPage
{
    public static async Task<IResult> ShowAsync(HttpContext http, PipelineRun run) =>
        WorkspaceHtml.Page<CalendarView>(http, new { Today = run.Today, Statuses = await run.RefreshStewardshipAsync(http.RequestAborted) });
}
