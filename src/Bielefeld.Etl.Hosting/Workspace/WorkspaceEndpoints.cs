using Bielefeld.Etl.Hosting.Dashboard;
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

    /// <summary>The form target that runs <paramref name="pipeline"/> now.</summary>
    internal static string RunNow(string pipeline) => $"{Prefix}/pipelines/{Uri.EscapeDataString(pipeline)}/laden";

    /// <summary>Maps every page and form of the workspace onto <paramref name="app"/>.</summary>
    public static void MapWorkspace(this WebApplication app, ServerOptions server)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(server);
        var group = app.MapGroup(Prefix).AddEndpointFilter(async (context, next) =>
            DashboardAccess.IsAllowed(context.HttpContext, server.DashboardRole)
                ? await next(context)
                : WorkspaceHtml.Message(context.HttpContext, "", "Kein Zugriff",
                    "Der Arbeitsplatz ist nur auf dem Server selbst oder für angemeldete Benutzer mit der konfigurierten Rolle erreichbar.",
                    "/", "Startseite", StatusCodes.Status403Forbidden));

        group.MapGet("", (HttpContext http) => Results.Redirect(http.Request.PathBase.Add(Calendar).Value!));
        group.MapGet("/lieferkalender", CalendarPage.ShowAsync);
        group.MapGet("/ladeprotokoll", LoadsPage.ShowAsync);
        group.MapGet("/abweisungen", RejectsPage.ShowAsync);
        group.MapPost("/abweisungen/{id:long}/entscheidung", DecisionForm.PostAsync);
        group.MapGet("/zielerreichung", AttainmentPage.ShowAsync);
        group.MapGet("/herkunft", ProvenancePage.ShowAsync);
        group.MapGet("/hochladen", UploadPage.Show);
        group.MapPost("/hochladen", (Delegate)((HttpContext http) => UploadForm.PostAsync(http, server.UploadLimitBytes)));
        group.MapPost("/pipelines/{name}/laden", RunNowForm.PostAsync);
    }

    /// <summary>
    /// Checks the request's antiforgery token (form field and cookie); null when valid, otherwise the 400 page. The
    /// endpoints read their forms themselves, so the check is explicit here rather than left to form binding.
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
