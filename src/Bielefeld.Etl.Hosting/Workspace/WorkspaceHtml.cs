using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// The frame every workspace page shares: navigation (with the link to the Hangfire dashboard), inline styles, the
/// antiforgery field for forms, and the escaping every value from a file, the warehouse or a request goes through.
/// Nothing is fetched from elsewhere: no scripts, no fonts, no CDN.
/// </summary>
internal static class WorkspaceHtml
{
    public static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly (string Path, string Label)[] Pages =
    [
        (WorkspaceEndpoints.Calendar, "Lieferkalender"),
        (WorkspaceEndpoints.Loads, "Ladeprotokoll"),
        (WorkspaceEndpoints.Rejects, "Abgewiesene Zeilen"),
        (WorkspaceEndpoints.Attainment, "Zielerreichung"),
        (WorkspaceEndpoints.Upload, "Datei hochladen"),
    ];

    /// <summary>HTML-encodes a text (null as empty).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A count in German notation.</summary>
    public static string N(long value) => value.ToString("#,##0", German);

    /// <summary>A stored UTC timestamp as a steward in Bielefeld reads it (<c>06.07.2017 08:00</c>); unparseable text as stored.</summary>
    public static string Stamp(string? stored) => BerlinTime.Stamp(stored);

    /// <summary>An absolute link inside the application (respecting a path base).</summary>
    public static string Url(HttpContext http, string path) => E(http.Request.PathBase.Add(path).Value);

    /// <summary>The hidden field with the request's antiforgery token; every form that posts carries it.</summary>
    public static string Token(HttpContext http)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    /// <summary>The navigation bar, also placed into the attainment overview.</summary>
    public static string Navigation(HttpContext http, string active)
    {
        var nav = new StringBuilder("<nav class=\"ws-nav\"><strong>Arbeitsplatz Datenpflege</strong>");
        foreach (var (path, label) in Pages)
        {
            nav.Append(CultureInfo.InvariantCulture, $"<a href=\"{Url(http, path)}\"{(path == active ? " class=\"aktiv\" aria-current=\"page\"" : "")}>{E(label)}</a>");
        }

        nav.Append(CultureInfo.InvariantCulture, $"<a class=\"betrieb\" href=\"{Url(http, EtlServer.DashboardPath)}\">Betrieb (Hangfire)</a></nav>");
        return nav.ToString();
    }

    /// <summary>The navigation's styles, for pages that bring their own style sheet.</summary>
    public const string NavigationStyles = """
        .ws-nav { display: flex; flex-wrap: wrap; gap: .2rem 1rem; align-items: baseline; background: #005ca9; color: #fff; padding: .5rem 1rem; margin: -2rem -2rem 1rem; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; }
        .ws-nav a { color: #fff; text-decoration: none; padding: .1rem .3rem; border-radius: .2rem; }
        .ws-nav a.aktiv { background: #fff; color: #005ca9; }
        .ws-nav a.betrieb { margin-left: auto; }
        @media print { .ws-nav { display: none; } }
        """;

    /// <summary>A whole page: title, navigation, body.</summary>
    public static IResult Page(HttpContext http, string active, string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{E(title)} – Bielefeld.Etl</title>
            <style>{Styles}{NavigationStyles}</style>
            </head>
            <body>
            {Navigation(http, active)}
            <h1>{E(title)}</h1>
            {body}
            </body>
            </html>
            """;
        return Send(http, html, status);
    }

    /// <summary>Sends a finished HTML document with the workspace's own, stricter policy (no script at all); the other headers come from <see cref="Web.SecurityHeaders"/>.</summary>
    public static IResult Send(HttpContext http, string html, int status = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.CacheControl = "no-store";
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>A short message page (a refusal, a confirmation) with a way back.</summary>
    public static IResult Message(HttpContext http, string active, string title, string text, string backPath, string backLabel, int status, string? extra = null) =>
        Page(http, active, title, $"<p class=\"{(status >= 400 ? "fehler" : "ok")}\">{E(text)}</p>{extra}<p><a href=\"{Url(http, backPath)}\">{E(backLabel)}</a></p>", status);

    private const string Styles = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #1d1d1b; font-size: 14px; }
        h1 { font-size: 1.4rem; margin: .5rem 0 .8rem; }
        h2 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; color: #005ca9; }
        table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
        th, td { border-bottom: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top; }
        th { background: #f2f5f8; font-weight: 600; }
        td.zahl, th.zahl, td.bilanz, td.zeit { text-align: right; white-space: nowrap; }
        .hinweis { color: #555; font-size: .85rem; }
        .ok { background: #d8efd3; color: #1e6b12; padding: .4rem .6rem; }
        .fehler { background: #f8d4d0; color: #8f1d12; padding: .4rem .6rem; }
        .status { display: inline-block; padding: .05rem .45rem; border-radius: .7rem; font-size: .8rem; white-space: nowrap; background: #eee; }
        .geliefert, .geladen, .behoben, .korrigiert, .akzeptiert { background: #d8efd3; color: #1e6b12; }
        .faellig, .revidiert, .wiederholt, .verworfen { background: #fff1c2; color: #7a5a00; }
        .ueberfaellig, .abgewiesen, .fehlgeschlagen, .offen { background: #f8d4d0; color: #8f1d12; }
        form.filter { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: end; background: #f2f5f8; padding: .5rem; margin-bottom: 1rem; }
        form.filter label, form.upload label { display: flex; flex-direction: column; font-size: .85rem; }
        form.entscheidung { display: grid; grid-template-columns: auto auto; gap: .2rem .4rem; font-size: .85rem; }
        form.entscheidung input[type=text], form.entscheidung select { width: 12rem; }
        form.upload { display: grid; gap: .6rem; max-width: 36rem; }
        .entschieden { font-size: .85rem; }
        code { font-family: "DejaVu Sans Mono", monospace; }
        """;
}
