using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>POST /arbeitsplatz/pipelines/{name}/laden</c>: enqueues the pipeline's job now, the same job its schedule runs
/// (load, then attainment and stewardship as its continuation), so a steward sees an upload loaded without waiting for
/// the night. A repeated click is harmless: files are claimed by their fingerprint.
/// </summary>
internal static class RunNowForm
{
    public static async Task<IResult> PostAsync(HttpContext http, string name, PipelineRun run, IBackgroundJobClient jobs)
    {
        if (await WorkspaceEndpoints.RefuseForgedAsync(http) is { } refused)
        {
            return refused;
        }

        if (!run.Pipelines.Any(p => p.Name == name))
        {
            return WorkspaceHtml.Message(http, WorkspaceEndpoints.Loads, "Unbekannte Pipeline", $"Eine Pipeline '{name}' gibt es nicht.",
                WorkspaceEndpoints.Loads, "zum Ladeprotokoll", StatusCodes.Status404NotFound);
        }

        jobs.Enqueue<PipelineJob>(job => job.RunAsync(name, null, CancellationToken.None));
        return Results.Redirect(http.Request.PathBase.Add(WorkspaceEndpoints.Loads).Value + "?gestartet=" + Uri.EscapeDataString(name), permanent: false, preserveMethod: false);
    }
}
