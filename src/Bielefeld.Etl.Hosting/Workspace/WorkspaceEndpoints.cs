using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Hosting.Dashboard;
using Bielefeld.Etl.Hosting.Jobs;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Hangfire;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// The steward workspace at <c>/arbeitsplatz</c>, beside the Hangfire dashboard on the same server and behind the same
/// check (<see cref="DashboardAccess.IsAllowed"/>): delivery calendar, load protocol, rejected rows with decisions,
/// attainment overview, upload into an inbox, and a pipeline run on demand. Every form that posts carries an antiforgery
/// token, checked before anything is read or written.
/// </summary>
public static class WorkspaceEndpoints
{
    /// <summary>The workspace's path.</summary>
    public const string Prefix = "/arbeitsplatz";

    internal const string Calendar = Prefix + "/lieferkalender";
    internal const string Loads = Prefix + "/ladeprotokoll";
    internal const string Rejects = Prefix + "/abweisungen";
    internal const string Attainment = Prefix + "/zielerreichung";
    internal const string Upload = Prefix + "/hochladen";
    internal const string Provenance = Prefix + "/herkunft";

    private const int LoadsShown = 200;

    /// <summary>The form target that runs <paramref name="pipeline"/> now.</summary>
    internal static string RunNow(string pipeline) => $"{Prefix}/pipelines/{Uri.EscapeDataString(pipeline)}/laden";

    /// <summary>Maps every page and form of the workspace onto <paramref name="app"/>.</summary>
    public static void MapWorkspace(this WebApplication app, ServerOptions server)
    {
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            DashboardAccess.IsAllowed(context.HttpContext, server.DashboardRole)
                ? await next(context)
                : WorkspaceHtml.Message(context.HttpContext, "", "Kein Zugriff",
                    "Der Arbeitsplatz ist nur auf dem Server selbst oder für angemeldete Benutzer mit der konfigurierten Rolle erreichbar.",
                    "/", "Startseite", StatusCodes.Status403Forbidden));

        group.MapGet("", (HttpContext http) => Results.Redirect(http.Request.PathBase.Add(Calendar).Value!));
        // Every source's data periods of the plan year with their state as of today, late and due first.
        group.MapGet("/lieferkalender", async (HttpContext http, PipelineRun run) =>
            WorkspaceHtml.Page<CalendarView>(http, new { run.Today, Statuses = await run.RefreshStewardshipAsync(http.RequestAborted) }));
        // The pipelines with a button to run one now, and the latest loads with each file's row conservation checked.
        group.MapGet("/ladeprotokoll", async (HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? gestartet) =>
            WorkspaceHtml.Page<LoadsView>(http, new { Pipelines = run.Pipelines.ToList(), Loads = await warehouse.RecentLoadsAsync(LoadsShown, http.RequestAborted),
                Shown = LoadsShown, Started = run.Pipelines.Any(p => p.Name == gestartet) ? gestartet : null }));
        group.MapGet("/abweisungen", RejectsPage.ShowAsync);
        // The forms that post (but the upload, which limits its request's size before its form is read) are checked here.
        var forms = group.MapGroup("").AddEndpointFilter(async (context, next) => await RefuseForgedAsync(context.HttpContext) ?? await next(context));
        forms.MapPost("/abweisungen/{id:long}/entscheidung", DecisionForm.PostAsync);
        // One area's attainment overview (the city's unless bereich names another) exactly as report writes it.
        group.MapGet("/zielerreichung", async (HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? bereich) =>
        {
            var area = run.Areas.Find(bereich ?? Area.CityCode) ?? run.Areas.Find(Area.CityCode) ?? Area.City;
            return WorkspaceHtml.Page<AttainmentView>(http, new { Plan = run.Catalog, Series = await warehouse.AttainmentSeriesAsync(area.Code, http.RequestAborted),
                Area = area, Areas = run.Areas.Areas.ToList(), GeneratedAt = run.Time.GetUtcNow() });
        });
        // Where every figure of one indicator comes from (dwh.herkunft); without an indicator, the list to choose from.
        group.MapGet("/herkunft", async (HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? indikator) =>
        {
            var indicator = indikator is null ? null : run.Catalog.FindIndicator(indikator);
            return WorkspaceHtml.Page<ProvenanceView>(http, new { Indicators = run.Catalog.Indicators.ToList(), Indicator = indicator,
                Rows = indicator is null ? [] : await warehouse.ProvenanceAsync(indicator.Code, http.RequestAborted) });
        });
        group.MapGet("/hochladen", (HttpContext http, PipelineRun run) =>
            WorkspaceHtml.Page<UploadView>(http, new { Pipelines = run.Pipelines.ToList(), LimitBytes = server.UploadLimitBytes, run.Options.Files.StableFor }));
        group.MapPost("/hochladen", (HttpContext http, PipelineRun run) => UploadForm.PostAsync(http, run, server.UploadLimitBytes));
        // Enqueues the pipeline's job now, the same job its schedule runs (load, then attainment and stewardship as its
        // continuation), so a steward sees an upload loaded without waiting for the night. A repeated click is harmless:
        // files are claimed by their fingerprint.
        forms.MapPost("/pipelines/{name}/laden", (HttpContext http, string name, PipelineRun run, IBackgroundJobClient jobs) =>
        {
            if (!run.Pipelines.Any(p => p.Name == name))
            {
                return WorkspaceHtml.Message(http, Loads, "Unbekannte Pipeline", $"Eine Pipeline '{name}' gibt es nicht.", Loads, "zum Ladeprotokoll", StatusCodes.Status404NotFound);
            }

            jobs.Enqueue<PipelineJob>(job => job.RunAsync(name, null, CancellationToken.None));
            return Results.Redirect(http.Request.PathBase.Add(Loads).Value + "?gestartet=" + Uri.EscapeDataString(name));
        });
    }

    /// <summary>
    /// Checks the request's antiforgery token (form field and cookie); null when valid, otherwise the 400 page. The
    /// endpoints read their forms themselves, so the check is explicit here rather than left to form binding (whose 400
    /// would come before this German page).
    /// </summary>
    internal static async Task<IResult?> RefuseForgedAsync(HttpContext http)
    {
        var antiforgery = http.RequestServices.GetRequiredService<IAntiforgery>();
        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return null;
        }
        catch (AntiforgeryValidationException)
        {
            return WorkspaceHtml.Message(http, "", "Formular ungültig",
                "Das Formular ist abgelaufen oder stammt nicht von diesem Arbeitsplatz (Schutz vor gefälschten Anfragen). Bitte die Seite neu laden und noch einmal absenden.",
                Calendar, "zum Arbeitsplatz", StatusCodes.Status400BadRequest);
        }
    }
}
