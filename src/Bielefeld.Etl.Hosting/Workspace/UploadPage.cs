using Bielefeld.Etl.Jobs;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary><c>/arbeitsplatz/hochladen</c>: the form to put a corrected file or a filled-in Meldebogen into a pipeline's inbox (<see cref="UploadView"/>).</summary>
internal static class UploadPage
{
    public static IResult Show(HttpContext http, PipelineRun run, ServerOptions server) =>
        WorkspaceHtml.Page<UploadView>(http, new { Pipelines = run.Pipelines.ToList(), LimitBytes = server.UploadLimitBytes,
            StableFor = run.Options.Files.StableFor });
}
