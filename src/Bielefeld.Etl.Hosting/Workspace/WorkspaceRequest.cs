using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>What a workspace page needs from its request: links inside the application (respecting a path base) and the antiforgery tokens for its forms.</summary>
public sealed class WorkspaceRequest
{
    private readonly HttpContext _http;
    private AntiforgeryTokenSet? _tokens;

    internal WorkspaceRequest(HttpContext http) => _http = http;

    /// <summary>An absolute link to <paramref name="path"/> inside the application.</summary>
    public string Url(string path) => _http.Request.PathBase.Add(path).Value ?? path;

    /// <summary>The request's antiforgery tokens, made (and the cookie set) only for a page that has a form.</summary>
    public AntiforgeryTokenSet Tokens => _tokens ??= _http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(_http);
}
