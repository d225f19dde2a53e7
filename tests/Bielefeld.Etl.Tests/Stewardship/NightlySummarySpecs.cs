using System.Text.RegularExpressions;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Synthetic.Kaf;
using MailKit.Security;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Stewardship;

/// <summary>The nightly summary in plain German: written beside the reports and mailed through a real SMTP conversation.</summary>
public sealed partial class NightlySummarySpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    // After the plan year (every 2017 delivery is due), advancing a millisecond per reading so loads never share a moment.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2018, 3, 1, 2, 0, 0, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) };
    private readonly SqliteWarehouse _warehouse;

    public NightlySummarySpecs() => _warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", _clock);

    private string Inbox => _dir.Folder("inbox");

    private string Reports => _dir.Folder("reports");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private async Task<NightlySummary> RunAndSummariseAsync()
    {
        var run = PipelineRun.Prepare(
            new EtlOptions(Inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", "")),
            _warehouse, NullLogger.Instance, _clock);
        var result = await run.RunAsync(["kaf"], null, TestContext.Current.CancellationToken);
        return await NightlySummaryPublisher.BuildAsync(result, _warehouse, await _warehouse.LatestAttainmentAsync(TestContext.Current.CancellationToken), Reports, new DateOnly(2017, 7, 6), TestContext.Current.CancellationToken);
    }

    private void CopyKafSamples()
    {
        var kaf = _dir.Folder(Path.Combine("inbox", "kaf"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            File.Copy(file, Path.Combine(kaf, Path.GetFileName(file)), overwrite: true);
        }
    }

    [Fact]
    public async Task The_summary_says_in_plain_German_what_loaded_and_what_was_rejected_and_why()
    {
        CopyKafSamples();

        var summary = await RunAndSummariseAsync();
        var text = NightlySummaryText.Text(summary);

        Assert.Contains("Nachtlauf vom 06.07.2017", text, StringComparison.Ordinal);
        Assert.Contains("- KAF_FIM_2017.xlsx (kaf): geladen – 12 Zeilen gelesen, 2 übernommen, 1 abgewiesen, 9 ohne Daten", text, StringComparison.Ordinal);
        Assert.Contains("- 1 × SUMME_ABWEICHEND: z. B. KAF_FIM_2017.xlsx, Zeile 9: Summe 11 weicht von der Summe der Monate 9 ab.", text, StringComparison.Ordinal);
        Assert.Contains("- Keine Ampel hat sich geändert.", text, StringComparison.Ordinal); // the first summary has nothing to compare with
        Assert.Equal(5, summary.Files.Count);
    }

    [Fact]
    public async Task The_next_summary_names_the_indicators_whose_status_changed()
    {
        CopyKafSamples();
        await NightlySummaryPublisher.PublishAsync(await RunAndSummariseAsync(), Reports, null, TestContext.Current.CancellationToken);
        var fim = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook;
        KafWorkbookWriter.Write(fim with { Rows = [.. fim.Rows.Select(r => r with { SumOverride = null })] }, Path.Combine(Inbox, "kaf", "KAF_FIM_2017.xlsx"));

        var next = await RunAndSummariseAsync();

        // The corrected placements (46 against a path of 48,5: 94,8 %) lift REGE-9.1 from red to amber.
        Assert.Equal([new StatusChange("REGE-9.1", "Stadt Bielefeld", "rot", "gelb")], next.StatusChanges);
        Assert.Contains("- REGE-9.1 (Stadt Bielefeld): rot → gelb", NightlySummaryText.Text(next), StringComparison.Ordinal);
        Assert.Contains("- Keine Zeile wurde abgewiesen.", NightlySummaryText.Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_is_mailed_as_text_and_HTML_through_the_configured_relay()
    {
        CopyKafSamples();
        await using var sink = new SmtpSink().Start();
        var smtp = new SmtpSettings("127.0.0.1", sink.Port, "etl@bielefeld.example", ["controlling@bielefeld.example", "datenpflege@bielefeld.example"]);

        var page = await NightlySummaryPublisher.PublishAsync(await RunAndSummariseAsync(), Reports, smtp, TestContext.Current.CancellationToken);

        var (recipients, data) = Assert.Single(sink.Messages);
        Assert.Equal(["controlling@bielefeld.example", "datenpflege@bielefeld.example"], recipients);
        var decoded = SoftLineBreak().Replace(data, "");
        Assert.Contains("multipart/alternative", decoded, StringComparison.Ordinal);
        Assert.Contains("text/html", decoded, StringComparison.Ordinal);
        Assert.Contains("SUMME_ABWEICHEND", decoded, StringComparison.Ordinal);
        Assert.Contains("KAF_FIM_2017.xlsx (kaf)", decoded, StringComparison.Ordinal);
        Assert.True(File.Exists(page));
        Assert.True(File.Exists(Path.ChangeExtension(page, ".txt")));
        Assert.True(File.Exists(Path.Combine(Reports, "nachtbericht-ampeln.json")));
        Assert.Empty(sink.Logins); // no user configured: no login attempted
    }

    [Fact]
    public async Task A_relay_that_needs_a_login_gets_the_configured_user_and_password_before_the_summary()
    {
        CopyKafSamples();
        await using var sink = new SmtpSink("etl-relay", "nur-in-der-umgebung").Start();
        var smtp = new SmtpSettings("127.0.0.1", sink.Port, "etl@bielefeld.example", ["controlling@bielefeld.example"])
        {
            Tls = SecureSocketOptions.StartTlsWhenAvailable, User = "etl-relay", Password = "nur-in-der-umgebung",
        };

        await NightlySummaryPublisher.PublishAsync(await RunAndSummariseAsync(), Reports, smtp, TestContext.Current.CancellationToken);

        Assert.Equal([("etl-relay", "nur-in-der-umgebung")], sink.Logins);
        Assert.Equal(["controlling@bielefeld.example"], Assert.Single(sink.Messages).Recipients);
    }

    [Fact]
    public async Task A_refused_login_sends_nothing_and_says_so()
    {
        await using var sink = new SmtpSink("etl-relay", "richtig").Start();
        var smtp = new SmtpSettings("127.0.0.1", sink.Port, "etl@bielefeld.example", ["controlling@bielefeld.example"]) { User = "etl-relay", Password = "falsch" };
        var summary = new NightlySummary(new DateOnly(2017, 7, 6), [], [], [], []);

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => new SmtpSummarySender(smtp).SendAsync(summary, TestContext.Current.CancellationToken));

        Assert.Equal([("etl-relay", "falsch")], sink.Logins);
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Required_STARTTLS_hands_nothing_to_a_relay_that_does_not_offer_it()
    {
        await using var sink = new SmtpSink("etl-relay", "geheim").Start();
        var smtp = new SmtpSettings("127.0.0.1", sink.Port, "etl@bielefeld.example", ["controlling@bielefeld.example"])
        {
            Tls = SecureSocketOptions.StartTls, User = "etl-relay", Password = "geheim",
        };
        var summary = new NightlySummary(new DateOnly(2017, 7, 6), [], [], [], []);

        await Assert.ThrowsAsync<NotSupportedException>(() => new SmtpSummarySender(smtp).SendAsync(summary, TestContext.Current.CancellationToken));

        Assert.Empty(sink.Logins); // the password never crossed the wire in clear
        Assert.Empty(sink.Messages);
    }

    [Fact]
    public async Task Two_summaries_on_one_day_leave_both_pages_the_later_one_beside_the_first()
    {
        CopyKafSamples();
        var night = await NightlySummaryPublisher.PublishAsync(await RunAndSummariseAsync(), Reports, null, TestContext.Current.CancellationToken);

        var manual = await NightlySummaryPublisher.PublishAsync(await RunAndSummariseAsync(), Reports, null, TestContext.Current.CancellationToken);

        Assert.Equal(Path.Combine(Reports, "nachtbericht_2017-07-06.html"), night);
        Assert.Equal(Path.Combine(Reports, "nachtbericht_2017-07-06_2.html"), manual);
        var nightText = await File.ReadAllTextAsync(Path.ChangeExtension(night, ".txt"), TestContext.Current.CancellationToken);
        var manualText = await File.ReadAllTextAsync(Path.ChangeExtension(manual, ".txt"), TestContext.Current.CancellationToken);
        Assert.Contains("- KAF_FIM_2017.xlsx (kaf): geladen – 12 Zeilen gelesen, 2 übernommen, 1 abgewiesen, 9 ohne Daten", nightText, StringComparison.Ordinal);
        Assert.Contains("- 1 × SUMME_ABWEICHEND", nightText, StringComparison.Ordinal);
        Assert.Contains("- KAF_FIM_2017.xlsx (kaf): war bereits geladen, nichts zu tun", manualText, StringComparison.Ordinal);
        Assert.Contains("- Keine Zeile wurde abgewiesen.", manualText, StringComparison.Ordinal);
        Assert.Contains("SUMME_ABWEICHEND", await File.ReadAllTextAsync(night, TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public void The_HTML_summary_escapes_file_names_and_messages()
    {
        var file = new FileLoadResult(new ExtractFile("kaf", "/inbox/<img src=x>.xlsx", "00", 1), FileLoadStatus.Refused, default, "<script>alert(1)</script>");
        var summary = new NightlySummary(new DateOnly(2017, 7, 6), [file], [], [], []);

        var html = NightlySummaryText.Html(summary);

        Assert.Contains("&lt;img src=x&gt;.xlsx", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduled_summary_covers_every_load_since_the_previous_one()
    {
        CopyKafSamples();
        var run = PipelineRun.Prepare(
            new EtlOptions(Inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", "")) { Reports = Reports },
            _warehouse, NullLogger.Instance, _clock);
        await run.RunAsync(["kaf"], null, TestContext.Current.CancellationToken);
        _clock.SetUtcNow(new DateTimeOffset(2018, 3, 1, 6, 30, 0, TimeSpan.Zero)); // 07:30 in Bielefeld

        var first = await NightlySummaryPublisher.PublishSinceLastAsync(run, _warehouse, TestContext.Current.CancellationToken);
        var firstText = await File.ReadAllTextAsync(Path.ChangeExtension(first, ".txt"), TestContext.Current.CancellationToken);
        _clock.Advance(TimeSpan.FromDays(1));
        var second = await NightlySummaryPublisher.PublishSinceLastAsync(run, _warehouse, TestContext.Current.CancellationToken);
        var secondText = await File.ReadAllTextAsync(Path.ChangeExtension(second, ".txt"), TestContext.Current.CancellationToken);

        Assert.Contains("- KAF_FIM_2017.xlsx (kaf): geladen – 12 Zeilen gelesen, 2 übernommen, 1 abgewiesen, 9 ohne Daten", firstText, StringComparison.Ordinal);
        Assert.Contains("- 1 × SUMME_ABWEICHEND", firstText, StringComparison.Ordinal);
        Assert.Contains("- Heute lagen keine neuen Dateien im Eingang.", secondText, StringComparison.Ordinal);
        Assert.Equal([Path.Combine(Reports, "nachtbericht_2018-03-01.html"), Path.Combine(Reports, "nachtbericht_2018-03-02.html")], [first, second]);
    }

    [GeneratedRegex("=\r\n")]
    private static partial Regex SoftLineBreak();
}
