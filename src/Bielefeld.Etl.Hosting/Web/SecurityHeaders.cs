using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Hosting.Web;

/// <summary>
/// The headers every answer of the server carries, the Hangfire dashboard's, the workspace's, refusals and errors
/// alike: no framing by other sites (clickjacking), no content sniffing, no referrer leaving the server, and a
/// Content-Security-Policy that allows scripts, style sheets, images and form targets only from this server. Inline
/// style stays allowed (Hangfire's pages style elements inline); the workspace's pages, which run no script at all,
/// set a stricter policy of their own, which is kept.
/// </summary>
public sealed class SecurityHeaders : IStartupFilter
{
    /// <summary>The Content-Security-Policy of an answer that does not set its own.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Registers the headers as the outermost step of the pipeline, ahead of what the web host puts first itself
    /// (host filtering, whose 400 must carry them too).
    /// </summary>
    public static void AddTo(IServiceCollection services) => services.Insert(0, ServiceDescriptor.Singleton<IStartupFilter, SecurityHeaders>());

    /// <inheritdoc />
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, following) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await following(context);
        });
        next(app);
    };
}
