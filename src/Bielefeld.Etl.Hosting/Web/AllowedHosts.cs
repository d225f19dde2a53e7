namespace Bielefeld.Etl.Hosting.Web;

/// <summary>
/// The host names the server answers to (ASP.NET Core host filtering): the loopback names, the host names of its own
/// listening addresses and those configured (<c>Server:AllowedHosts</c>). Any other <c>Host</c> header is answered with
/// 400 before a page or form sees the request, so a page on another site whose name was re-pointed at this machine
/// (DNS rebinding) cannot read the workspace or post to it.
/// </summary>
public static class AllowedHosts
{
    private static readonly string[] Loopback = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The allowed host names for <paramref name="server"/>.</summary>
    public static IReadOnlyList<string> For(ServerOptions server)
    {
        var listening = server.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(url => Uri.TryCreate(url.Replace("://+", "://wildcard", StringComparison.Ordinal).Replace("://*", "://wildcard", StringComparison.Ordinal), UriKind.Absolute, out var uri) ? uri.Host : "")
            // A wildcard or any-address binding names no host: the configured names must say which ones are meant.
            .Where(host => host is { Length: > 0 } and not "wildcard" and not "0.0.0.0" and not "[::]");
        return Loopback.Concat(listening).Concat(server.AllowedHosts).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
