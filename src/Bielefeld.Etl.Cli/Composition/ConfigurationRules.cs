using System.Globalization;
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
        var failures = new List<string>();
        if (options.Warehouse.ConnectionString is not { Length: > 0 })
        {
            failures.Add("Keine Verbindungszeichenfolge: Warehouse:ConnectionString in appsettings.json, BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING oder --connection angeben.");
        }

        Positive(failures, "Files:QuarantineAfter", options.Files.QuarantineAfter);
        Positive(failures, "Retry:MaxAttempts", options.Retry.MaxAttempts);
        Positive(failures, "Server:WorkerCount", options.Server.WorkerCount);
        Positive(failures, "Arbeitsplatz:UploadMaxMB", options.Arbeitsplatz.UploadMaxMB);
        Duration(failures, "Files:StableFor", options.Files.StableFor, TimeSpan.Zero);
        Duration(failures, "Retry:BaseDelay", options.Retry.BaseDelay, TimeSpan.Zero);
        Duration(failures, "Retry:MaxDelay", options.Retry.MaxDelay, TimeSpan.Zero);
        Duration(failures, "Hangfire:DistributedLockTimeout", options.Hangfire.DistributedLockTimeout, TimeSpan.FromTicks(1));
        if (options.Datenpflege.AnteilOffenerAbweisungen is { } share and (< 0 or > 1 or double.NaN))
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"Datenpflege:AnteilOffenerAbweisungen: '{share}' ist kein Anteil zwischen 0 und 1 (z. B. 0.05)."));
        }

        var smtp = options.Nachtbericht.Smtp;
        if (smtp.Host is { Length: > 0 })
        {
            failures.AddRange(new[] { (smtp.Absender, "Absender"), (smtp.Empfaenger, "Empfaenger") }
                .Where(s => s.Item1 is not { Length: > 0 }).Select(s => $"Nachtbericht:Smtp:{s.Item2} fehlt."));
            if (smtp.Port is < 1 or > 65_535)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"Nachtbericht:Smtp:Port: '{smtp.Port}' ist kein Port (1 bis 65535)."));
            }

            if (Tls(smtp.Tls) is null)
            {
                failures.Add($"Nachtbericht:Smtp:Tls: '{smtp.Tls}' ist keiner der Werte none, whenavailable, required.");
            }
        }

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

    private static void Positive(List<string> failures, string key, long? value)
    {
        if (value is < 1)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' ist keine positive ganze Zahl."));
        }
    }

    private static void Duration(List<string> failures, string key, TimeSpan? value, TimeSpan least)
    {
        if (value < least)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{key}: '{value}' ist keine Dauer {(least > TimeSpan.Zero ? "über null " : "")}(Format hh:mm:ss, z. B. 00:00:30)."));
        }
    }

    // The binder's own message (Microsoft.Extensions.Configuration.Binder, Error_FailedBinding); a spec pins it.
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex FailedBinding();
}
