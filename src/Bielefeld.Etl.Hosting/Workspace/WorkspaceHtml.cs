using System.Text;
using Bielefeld.Etl.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// Sends workspace pages: a view (a Razor component with a <see cref="WorkspaceRequest"/> parameter named
/// <c>Request</c>) rendered by <see cref="PageRenderer"/>, under the workspace's own, stricter content policy.
/// </summary>
internal static class WorkspaceHtml
{
    /// <summary>
    /// Renders <typeparamref name="TView"/> with <paramref name="parameters"/> (as <see cref="PageRenderer.Render{TComponent}"/>) and
    /// the request, and sends it with the workspace's own, stricter policy (no script at all); the other headers come from
    /// <see cref="Web.SecurityHeaders"/>.
    /// </summary>
    public static IResult Page<TView>(HttpContext http, object parameters, int status = StatusCodes.Status200OK)
        where TView : IComponent
    {
        var all = PageRenderer.ParametersOf(parameters);
        all[nameof(WorkspacePage.Request)] = new WorkspaceRequest(http);
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(PageRenderer.Render<TView>(all), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A short message page (a refusal, a confirmation) with a way back (<see cref="MessageView"/>).</summary>
    public static IResult Message(HttpContext http, string active, string title, string text, string backPath, string backLabel, int status) =>
        Page<MessageView>(http, new { Active = active, Title = title, Text = text, BackPath = backPath, BackLabel = backLabel, Status = status }, status);
}
