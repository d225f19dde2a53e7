using System.Text.RegularExpressions;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// What a value must be, checked once at start (<c>ValidateOnStart</c>) for every command alike: a bad value anywhere
/// stops whichever command reads the configuration with the same line and exit code 2, nothing falls back silently.
/// </summary>
internal sealed partial class ConfigurationRules : IValidateOptions<ConfiguredSettings>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ConfiguredSettings options)
    {
        var (smtp, mailed) = (options.Nachtbericht.Smtp, options.Nachtbericht.Smtp.Host is { Length: > 0 });
        // In the order a reader finds the keys; the relay's keys only when the summary is mailed.
        var failures = new (bool Bad, FormattableString Failure)[]
        {
            (options.Warehouse.ConnectionString is not { Length: > 0 },
                $"Keine Verbindungszeichenfolge: Warehouse:ConnectionString in appsettings.json, BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING oder --connection angeben."),
            Positive("Files:QuarantineAfter", options.Files.QuarantineAfter),
            Positive("Retry:MaxAttempts", options.Retry.MaxAttempts),
            Positive("Server:WorkerCount", options.Server.WorkerCount),
            Positive("Arbeitsplatz:UploadMaxMB", options.Arbeitsplatz.UploadMaxMB),
            Duration("Files:StableFor", options.Files.StableFor, TimeSpan.Zero),
            Duration("Retry:BaseDelay", options.Retry.BaseDelay, TimeSpan.Zero),
            Duration("Retry:MaxDelay", options.Retry.MaxDelay, TimeSpan.Zero),
            Duration("Hangfire:DistributedLockTimeout", options.Hangfire.DistributedLockTimeout, TimeSpan.FromTicks(1)),
            (options.Datenpflege.AnteilOffenerAbweisungen is < 0 or > 1 or double.NaN,
                $"Datenpflege:AnteilOffenerAbweisungen: '{options.Datenpflege.AnteilOffenerAbweisungen}' ist kein Anteil zwischen 0 und 1 (z. B. 0.05)."),
            (mailed && smtp.Absender is not { Length: > 0 }, $"Nachtbericht:Smtp:Absender fehlt."),
            (mailed && smtp.Empfaenger is not { Length: > 0 }, $"Nachtbericht:Smtp:Empfaenger fehlt."),
            (mailed && smtp.Port is < 1 or > 65_535, $"Nachtbericht:Smtp:Port: '{smtp.Port}' ist kein Port (1 bis 65535)."),
            (mailed && Tls(smtp.Tls) is null, $"Nachtbericht:Smtp:Tls: '{smtp.Tls}' ist keiner der Werte none, whenavailable, required."),
        }.Where(c => c.Bad).Select(c => FormattableString.Invariant(c.Failure)).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The STARTTLS policy a <c>Tls</c> value names; <c>true</c> and <c>false</c> as the key meant before; null if none.</summary>
    public static SecureSocketOptions? Tls(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        null or "" or "FALSE" or "NONE" => SecureSocketOptions.None,
        "TRUE" or "REQUIRED" => SecureSocketOptions.StartTls,
        "WHENAVAILABLE" => SecureSocketOptions.StartTlsWhenAvailable,
        _ => null,
    };

    /// <summary>
    /// The German line for a value the binder could not convert (<c>Retry:MaxAttempts=vier</c>), naming key and value
    /// as the rules above do; null for any other failure.
    /// </summary>
    public static string? Unreadable(InvalidOperationException exception)
    {
        var failed = FailedBinding().Match(exception.Message);
        return failed.Success
            ? $"{failed.Groups["key"].Value}: '{failed.Groups["value"].Value}' " + failed.Groups["type"].Value switch
            {
                "System.TimeSpan" => "ist keine Dauer (Format hh:mm:ss, z. B. 00:00:30).",
                "System.Int32" or "System.Int64" => "ist keine positive ganze Zahl.",
                "System.Double" => "ist keine Zahl (mit Punkt, z. B. 0.05).",
                "System.Boolean" => "ist weder true noch false.",
                var type => $"passt nicht zum Typ {type}.",
            }
            : null;
    }

    private static (bool, FormattableString) Positive(string key, long? value) => (value is < 1, $"{key}: '{value}' ist keine positive ganze Zahl.");

    private static (bool, FormattableString) Duration(string key, TimeSpan? value, TimeSpan least) =>
        (value < least, $"{key}: '{value}' ist keine Dauer {(least > TimeSpan.Zero ? "über null " : "")}(Format hh:mm:ss, z. B. 00:00:30).");

    // The binder's own message (Microsoft.Extensions.Configuration.Binder, Error_FailedBinding); a spec pins it.
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
