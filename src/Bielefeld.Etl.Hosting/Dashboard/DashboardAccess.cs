using Hangfire.Dashboard;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Dashboard;

/// <summary>
/// Who may see the dashboard and the steward workspace: requests from the machine itself, and otherwise only
/// authenticated users in the configured role. Without an authentication scheme configured in front of it, remote
/// requests are refused. Caution: a reverse proxy on the same machine makes every request local; put the
/// authentication in the proxy then.
/// </summary>
public sealed class DashboardAccess(string? role) : IDashboardAuthorizationFilter
{
    /// <inheritdoc />
    public bool Authorize(DashboardContext context) => IsAllowed(context.GetHttpContext(), role);

    /// <summary>The one check behind the dashboard's filter and the workspace's endpoints.</summary>
    /// <param name="http">The request.</param>
    /// <param name="role">The role a remote, authenticated user needs; remote access is refused without it.</param>
    public static bool IsAllowed(HttpContext http, string? role)
    {
        var connection = http.Connection;
        var local = connection.RemoteIpAddress is null
            || System.Net.IPAddress.IsLoopback(connection.RemoteIpAddress)
            || connection.RemoteIpAddress.Equals(connection.LocalIpAddress);
        if (local)
        {
            return true;
        }

        var user = http.User;
        return user.Identity?.IsAuthenticated == true && role is { Length: > 0 } && user.IsInRole(role);
    }
}
