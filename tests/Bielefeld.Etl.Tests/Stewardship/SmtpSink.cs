using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bielefeld.Etl.Tests.Stewardship;

/// <summary>
/// A local SMTP server on 127.0.0.1 that accepts messages and keeps them: just enough of RFC 5321 for a real client
/// (MailKit) to deliver a message, so the mailing is tested over a real socket. Given a login, it offers AUTH PLAIN
/// (RFC 4616), keeps what the client sent and refuses any other login; it never offers STARTTLS.
/// </summary>
public sealed class SmtpSink(string? user = null, string? password = null) : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task? _serving;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(IReadOnlyList<string> Recipients, string Data)> Messages { get; } = [];

    /// <summary>Every login the client sent, user and password decoded.</summary>
    public List<(string User, string Password)> Logins { get; } = [];

    public SmtpSink Start()
    {
        _listener.Start();
        _serving = ServeAsync();
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await (_serving ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 sink ESMTP");
            var recipients = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var command = line.Split(' ', 2)[0].ToUpperInvariant();
                if (command is "EHLO" or "HELO")
                {
                    await writer.WriteLineAsync("250-sink");
                    await writer.WriteLineAsync(user is null ? "250 8BITMIME" : "250-8BITMIME\r\n250 AUTH PLAIN");
                }
                else if (command == "AUTH" && user is not null)
                {
                    var initial = line.Split(' ', 3) is [_, _, var response] ? response : null;
                    if (initial is null)
                    {
                        await writer.WriteLineAsync("334 ");
                        initial = await reader.ReadLineAsync(_stop.Token) ?? "";
                    }

                    var parts = Encoding.UTF8.GetString(Convert.FromBase64String(initial)).Split('\0');
                    Logins.Add((parts[1], parts[2]));
                    await writer.WriteLineAsync(parts[1] == user && parts[2] == password ? "235 2.7.0 accepted" : "535 5.7.8 credentials invalid");
                }
                else if (command == "RCPT")
                {
                    recipients.Add(line[(line.IndexOf('<', StringComparison.Ordinal) + 1)..line.IndexOf('>', StringComparison.Ordinal)]);
                    await writer.WriteLineAsync("250 OK");
                }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(_stop.Token) is { } body && body != ".")
                    {
                        data.Append(body).Append("\r\n");
                    }

                    Messages.Add(([.. recipients], data.ToString()));
                    await writer.WriteLineAsync("250 OK queued");
                }
                else if (command == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    break;
                }
                else
                {
                    await writer.WriteLineAsync("250 OK");
                }
            }
        }
    }
}
