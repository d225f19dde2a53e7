using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>Where the nightly summary is mailed. The password, if the relay needs one, comes from the environment only.</summary>
/// <param name="Host">The SMTP relay.</param>
/// <param name="Port">Its port (25 or 587).</param>
/// <param name="From">The sender address.</param>
/// <param name="To">The recipients.</param>
public sealed record SmtpSettings(string Host, int Port, string From, IReadOnlyList<string> To)
{
    /// <summary>
    /// Whether the connection is encrypted with STARTTLS before the summary is handed over: never (the default, for a
    /// relay reached over a trusted network only), when the relay offers it, or always (a relay without it gets nothing).
    /// </summary>
    public SecureSocketOptions Tls { get; init; }

    /// <summary>The relay's user name, if it needs a login.</summary>
    public string? User { get; init; }

    /// <summary>The relay's password (from BIELEFELD_ETL_NACHTBERICHT__SMTP__PASSWORT, never from a file in the repository).</summary>
    public string? Password { get; init; }
}

/// <summary>Mails the nightly summary with MailKit: plain text first, HTML as the alternative a mail client shows.</summary>
public sealed class SmtpSummarySender(SmtpSettings settings)
{
    /// <summary>Sends <paramref name="summary"/> to every recipient.</summary>
    public async Task SendAsync(NightlySummary summary, CancellationToken cancellationToken)
    {
        // Quoted-printable keeps the ASCII of file names and reason codes readable in mail logs and archives.
        var text = new TextPart("plain") { Text = NightlySummaryText.Text(summary), ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        var html = new TextPart("html") { Text = NightlySummaryText.Html(summary), ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        using var message = new MimeMessage([MailboxAddress.Parse(settings.From)], settings.To.Select(to => MailboxAddress.Parse(to)), NightlySummaryText.Subject(summary), new MultipartAlternative(text, html));
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host, settings.Port, settings.Tls, cancellationToken);
        if (settings.User is not null)
        {
            await client.AuthenticateAsync(settings.User, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
