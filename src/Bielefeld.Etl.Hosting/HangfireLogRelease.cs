using Hangfire.Logging;

namespace Bielefeld.Etl.Hosting;

/// <summary>
/// Hands Hangfire's process-wide log provider back when the server's services are disposed. Hangfire keeps the provider
/// that <c>AddHangfire</c> built around this host's logger factory in a static; without the release, every Hangfire
/// object built later in the same process (a second server, a recurring-job manager) logs into a disposed factory.
/// </summary>
internal sealed class HangfireLogRelease : IDisposable
{
    public void Dispose() => LogProvider.SetCurrentLogProvider(null);
}
