using System.Net;
using System.Net.Mail;
using System.Net.Mime;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>Where the nightly summary is mailed. The password, if the relay needs one, comes from the environment only.</summary>
/// <param name="Host">The SMTP relay.</param>
/// <param name="Port">Its port (25 or 587).</param>
/// <param name="From">The sender address.</param>
/// <param name="To">The recipients.</param>
public sealed record SmtpSettings(string Host, int Port, string From, IReadOnlyList<string> To)
{
    /// <summary>Use STARTTLS.</summary>
    public bool EnableSsl { get; init; }

    /// <summary>The relay's user name, if it needs one.</summary>
    public string? User { get; init; }

    /// <summary>The relay's password (from BIELEFELD_ETL_NACHTBERICHT__SMTP__PASSWORT, never from a file in the repository).</summary>
    public string? Password { get; init; }
}

/// <summary>Mails the nightly summary: plain text first, HTML as the alternative a mail client shows.</summary>
public sealed class SmtpSummarySender(SmtpSettings settings)
{
    /// <summary>Sends <paramref name="summary"/> to every recipient.</summary>
    public async Task SendAsync(NightlySummary summary, CancellationToken cancellationToken)
    {
        // Quoted-printable keeps the ASCII of file names and reason codes readable in mail logs and archives.
        using var message = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = NightlySummaryText.Subject(summary),
            Body = NightlySummaryText.Text(summary),
            BodyEncoding = System.Text.Encoding.UTF8,
            BodyTransferEncoding = TransferEncoding.QuotedPrintable,
            SubjectEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var to in settings.To)
        {
            message.To.Add(to);
        }

        var html = AlternateView.CreateAlternateViewFromString(NightlySummaryText.Html(summary), System.Text.Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        message.AlternateViews.Add(html);
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl, DeliveryMethod = SmtpDeliveryMethod.Network };
        if (settings.User is not null)
        {
            client.Credentials = new NetworkCredential(settings.User, settings.Password);
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
