using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Tests.Stewardship;
using MailKit.Security;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Bielefeld.Etl.Tests.Cli;

/// <summary>
/// The configuration is bound once with the options pattern and checked at start: every documented key reaches the
/// setting it names, and a bad value stops every command with the same line and exit code 2.
/// </summary>
public sealed class ConfigurationSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    public static TheoryData<string[], string, string, string> BadValues()
    {
        string[][] commands = [["init"], ["run", "--all"], ["serve", "--urls", "http://127.0.0.1:1"], ["status"], ["report"], ["rejects"], ["powerbi"]];
        (string Variable, string Value, string Line)[] bad =
        [
            ("BIELEFELD_ETL_RETRY__MAXATTEMPTS", "0", "Fehler: Retry:MaxAttempts: '0' ist keine positive ganze Zahl."),
            // serve fell back to two workers on this one, and the other commands never looked at it.
            ("BIELEFELD_ETL_SERVER__WORKERCOUNT", "zwei", "Fehler: Server:WorkerCount: 'zwei' ist keine positive ganze Zahl."),
            ("BIELEFELD_ETL_HANGFIRE__DISTRIBUTEDLOCKTIMEOUT", "10 min", "Fehler: Hangfire:DistributedLockTimeout: '10 min' ist keine Dauer (Format hh:mm:ss, z. B. 00:00:30)."),
            // a failed double.Parse ended run with exit code 70 (a bug) before.
            ("BIELEFELD_ETL_DATENPFLEGE__ANTEILOFFENERABWEISUNGEN", "5%", "Fehler: Datenpflege:AnteilOffenerAbweisungen: '5%' ist keine Zahl (mit Punkt, z. B. 0.05)."),
        ];
        var data = new TheoryData<string[], string, string, string>();
        foreach (var command in commands)
        {
            foreach (var (variable, value, line) in bad)
            {
                data.Add(command, variable, value, line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task A_bad_value_stops_every_command_with_the_same_line_and_exit_code_2(string[] command, string variable, string value, string line)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        var (exit, output) = await CliProcess.RunAsync(environment, [.. command, "--connection", $"Data Source={_dir.File("warehouse.db")}"]);

        Assert.Equal(ExitCodes.ConfigurationError, exit);
        Assert.Equal(line, output.Trim());
        Assert.False(File.Exists(_dir.File("warehouse.db")));
    }

    [Fact]
    public void Every_bad_value_is_named_at_once_not_one_per_start()
    {
        var configuration = Configuration(new()
        {
            ["Warehouse:ConnectionString"] = "Data Source=w.db",
            ["Files:QuarantineAfter"] = "0",
            ["Retry:MaxDelay"] = "-00:00:01",
            ["Hangfire:DistributedLockTimeout"] = "00:00:00",
            ["Nachtbericht:Smtp:Host"] = "mail.example",
            ["Nachtbericht:Smtp:Tls"] = "immer",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => EtlConfiguration.Bind(configuration));

        Assert.Equal(
            "Files:QuarantineAfter: '0' ist keine positive ganze Zahl. Retry:MaxDelay: '-00:00:01' ist keine Dauer (Format hh:mm:ss, z. B. 00:00:30). "
            + "Hangfire:DistributedLockTimeout: '00:00:00' ist keine Dauer über null (Format hh:mm:ss, z. B. 00:00:30). "
            + "Nachtbericht:Smtp:Absender fehlt. Nachtbericht:Smtp:Empfaenger fehlt. Nachtbericht:Smtp:Tls: 'immer' ist keiner der Werte none, whenavailable, required.",
            failure.Message);
    }

    [Fact]
    public void A_missing_connection_string_a_share_above_one_and_a_port_out_of_range_are_named_in_that_order()
    {
        var configuration = Configuration(new()
        {
            ["Warehouse:ConnectionString"] = "",
            ["Datenpflege:AnteilOffenerAbweisungen"] = "1.5",
            ["Nachtbericht:Smtp:Host"] = "mail.example",
            ["Nachtbericht:Smtp:Port"] = "0",
            ["Nachtbericht:Smtp:Absender"] = "etl@bielefeld.example",
            ["Nachtbericht:Smtp:Empfaenger"] = "a@bielefeld.example",
        });

        var failure = Assert.Throws<InvalidOperationException>(() => EtlConfiguration.Bind(configuration));

        Assert.Equal(
            "Keine Verbindungszeichenfolge: Warehouse:ConnectionString in appsettings.json, BIELEFELD_ETL_WAREHOUSE__CONNECTIONSTRING oder --connection angeben. "
            + "Datenpflege:AnteilOffenerAbweisungen: '1.5' ist kein Anteil zwischen 0 und 1 (z. B. 0.05). Nachtbericht:Smtp:Port: '0' ist kein Port (1 bis 65535).",
            failure.Message);
    }

    [Fact]
    public void Relay_keys_are_not_checked_while_no_relay_is_configured()
    {
        var configuration = Configuration(new() { ["Warehouse:ConnectionString"] = "Data Source=w.db", ["Nachtbericht:Smtp:Port"] = "0", ["Nachtbericht:Smtp:Tls"] = "immer" });

        Assert.Null(EtlConfiguration.Bind(configuration).ToEtlOptions(moveFiles: false, defaultStableFor: TimeSpan.Zero).Smtp);
    }

    [Fact]
    public void Every_documented_key_reaches_the_setting_it_names()
    {
        var configuration = Configuration(new()
        {
            ["Inbox"] = "/srv/eingang", ["Pipelines"] = "/etc/etl/pipelines", ["Catalog"] = "/etc/etl/plan", ["Areas"] = "/etc/etl/bereiche.yml",
            ["Reports"] = "/srv/berichte", ["Attainment"] = "/etc/etl/ziele.yml",
            ["Warehouse:Provider"] = "postgresql", ["Warehouse:ConnectionString"] = "Host=db;Database=controlling",
            ["Datenpflege:AnteilOffenerAbweisungen"] = "0.1",
            ["Files:Archive"] = "/srv/archiv", ["Files:Quarantine"] = "/srv/quarantaene", ["Files:StableFor"] = "00:01:00", ["Files:QuarantineAfter"] = "5",
            ["Retry:MaxAttempts"] = "6", ["Retry:BaseDelay"] = "00:00:03", ["Retry:MaxDelay"] = "00:02:00",
            ["Nachtbericht:Smtp:Host"] = "mail.example", ["Nachtbericht:Smtp:Port"] = "587", ["Nachtbericht:Smtp:Absender"] = "etl@bielefeld.example",
            ["Nachtbericht:Smtp:Empfaenger"] = "a@bielefeld.example; b@bielefeld.example", ["Nachtbericht:Smtp:Tls"] = "true",
            ["Nachtbericht:Smtp:Benutzer"] = "etl", ["Nachtbericht:Smtp:Passwort"] = "geheim",
            ["Server:Urls"] = "http://0.0.0.0:8080", ["Server:WorkerCount"] = "4", ["Server:AllowedHosts"] = "etl.intern;etl2.intern",
            ["Dashboard:Writable"] = "true", ["Dashboard:Role"] = "ETL-Betrieb", ["Arbeitsplatz:UploadMaxMB"] = "10",
            ["Hangfire:ConnectionString"] = "Host=jobs", ["Hangfire:DistributedLockTimeout"] = "00:20:00",
        });

        var settings = EtlConfiguration.Bind(configuration);
        var options = settings.ToEtlOptions(moveFiles: true, defaultStableFor: TimeSpan.FromSeconds(30));
        var server = settings.ToServerOptions();

        Assert.Equal(("/srv/eingang", "/etc/etl/pipelines", "/etc/etl/plan", "/etc/etl/bereiche.yml", "/srv/berichte", "/etc/etl/ziele.yml"),
            (options.Inbox, options.Pipelines, options.Catalog, options.Areas, options.Reports, options.AttainmentFile));
        Assert.Equal(new("postgresql", "Host=db;Database=controlling"), options.Warehouse);
        Assert.Equal(0.1, options.OpenRejectShareLimit);
        Assert.Equal(("/srv/archiv", "/srv/quarantaene", TimeSpan.FromMinutes(1), 5),
            (options.Files.Archive, options.Files.Quarantine, options.Files.StableFor, options.Files.QuarantineAfter));
        Assert.Equal((6, TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(2)), (options.Retry.MaxAttempts, options.Retry.BaseDelay, options.Retry.MaxDelay));
        var smtp = Assert.IsType<SmtpSettings>(options.Smtp);
        Assert.Equal(("mail.example", 587, "etl@bielefeld.example", SecureSocketOptions.StartTls, "etl", "geheim"), (smtp.Host, smtp.Port, smtp.From, smtp.Tls, smtp.User, smtp.Password));
        Assert.Equal(["a@bielefeld.example", "b@bielefeld.example"], smtp.To);
        Assert.Equal(("http://0.0.0.0:8080", 4, true, "ETL-Betrieb", 10L << 20, "Host=jobs", TimeSpan.FromMinutes(20)),
            (server.Urls, server.WorkerCount, server.DashboardWritable, server.DashboardRole, server.UploadLimitBytes, server.StorageConnectionString, server.JobStorage.DistributedLockTimeout));
        Assert.Equal(["etl.intern", "etl2.intern"], server.AllowedHosts);
    }

    [Fact]
    public void Left_out_or_empty_values_take_the_defaults_of_the_types_they_end_up_in()
    {
        var settings = EtlConfiguration.Bind(Configuration(new() { ["Warehouse:ConnectionString"] = "Data Source=w.db", ["Files:StableFor"] = "", ["Retry:MaxAttempts"] = "" }));

        var options = settings.ToEtlOptions(moveFiles: false, defaultStableFor: TimeSpan.FromSeconds(10));

        Assert.Equal((TimeSpan.FromSeconds(10), 3, null, null), (options.Files.StableFor, options.Files.QuarantineAfter, options.Files.Archive, options.Files.Quarantine));
        Assert.Equal(new Bielefeld.Etl.Jobs.Resilience.RetrySettings(), options.Retry);
        Assert.Equal(0.05, options.OpenRejectShareLimit);
        Assert.Null(options.Smtp);
        Assert.Equal(new Bielefeld.Etl.Hosting.ServerOptions(), settings.ToServerOptions());
    }

    [Fact]
    public async Task Run_mails_the_summary_to_the_relay_the_environment_names_with_its_login()
    {
        await using var sink = new SmtpSink("etl-relay", "aus-der-umgebung").Start();
        var inbox = _dir.Folder("inbox");
        Directory.CreateDirectory(Path.Combine(inbox, "kaf"));
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), Path.Combine(inbox, "kaf", "KAF_FIM_2017.xlsx"));
        var environment = new Dictionary<string, string>
        {
            ["BIELEFELD_ETL_REPORTS"] = _dir.Folder("reports"),
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__HOST"] = "127.0.0.1",
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__PORT"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__TLS"] = "whenavailable",
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__ABSENDER"] = "etl@bielefeld.example",
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__EMPFAENGER"] = "controlling@bielefeld.example",
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__BENUTZER"] = "etl-relay",
            ["BIELEFELD_ETL_NACHTBERICHT__SMTP__PASSWORT"] = "aus-der-umgebung",
        };
        var connection = $"Data Source={_dir.File("warehouse.db")}";
        Assert.Equal(0, (await CliProcess.RunAsync(environment, "init", "--connection", connection)).ExitCode);

        var (exit, output) = await CliProcess.RunAsync(environment, "run", "--pipeline", "kaf", "--inbox", inbox, "--connection", connection);

        Assert.True(exit == 0, output);
        Assert.Contains("(per E-Mail versandt)", output, StringComparison.Ordinal);
        Assert.Equal([("etl-relay", "aus-der-umgebung")], sink.Logins);
        var (recipients, data) = Assert.Single(sink.Messages);
        Assert.Equal(["controlling@bielefeld.example"], recipients);
        Assert.Contains("KAF_FIM_2017.xlsx (kaf)", data.Replace("=\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
