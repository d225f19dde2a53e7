using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Hosting.Dashboard;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Bielefeld.Etl.Tests.Workspace;

/// <summary>
/// The steward workspace over HTTP against a real <c>serve</c> on loopback: who may use it, forged forms, and uploads
/// that must never land outside the inbox or unchecked in it.
/// </summary>
[Collection(WorkspaceTests.Name)]
public sealed class WorkspaceSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_page_answers_local_requests_and_links_to_the_dashboard_and_back()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();

        foreach (var page in new[] { "/arbeitsplatz/lieferkalender", "/arbeitsplatz/ladeprotokoll", "/arbeitsplatz/abweisungen", "/arbeitsplatz/zielerreichung", "/arbeitsplatz/hochladen" })
        {
            using var response = await http.GetAsync(page, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("<a class=\"betrieb\" href=\"/hangfire\">Betrieb (Hangfire)</a>", body, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", body.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        var dashboard = await http.GetStringAsync("/hangfire", Ct);
        Assert.Contains("href=\"/arbeitsplatz\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("href=\"/arbeitsplatz\">Arbeitsplatz Datenpflege</a>", await http.GetStringAsync("/hangfire/pipelines", Ct), StringComparison.Ordinal);
        var loads = await http.GetStringAsync("/arbeitsplatz/ladeprotokoll", Ct);
        Assert.Contains("12 = 2 + 1 + 9 ✓", loads, StringComparison.Ordinal); // KAF_FIM_2017.xlsx: read = loaded + rejected + skipped
    }

    [Fact]
    public async Task The_provenance_page_shows_each_figure_with_its_plan_sentence_and_the_files_it_was_computed_from()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();

        var page = await http.GetStringAsync("/arbeitsplatz/herkunft?indikator=REGE-9.2", Ct);

        Assert.Contains("<h2>REGE-9.2: Teilnehmende in Coachingprozessen</h2>", page, StringComparison.Ordinal);
        Assert.Contains("<tr data-bereich=\"05711000\" data-monat=\"2017-01-01\">", page, StringComparison.Ordinal);
        Assert.Contains("mindestens: „530 Teilnehmende im Coaching“", page, StringComparison.Ordinal);
        Assert.Contains("kaf: KAF_COACH_2017.xlsx", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/arbeitsplatz/herkunft\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_judged_remote_is_refused_by_the_same_check_as_the_dashboard()
    {
        await using var server = await WorkspaceServer.StartAsync();
        var endpoint = server.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/arbeitsplatz/abweisungen");

        var remote = Context(server, IPAddress.Parse("203.0.113.7"), new ClaimsPrincipal());
        await endpoint.RequestDelegate!(remote);
        var local = Context(server, IPAddress.Loopback, new ClaimsPrincipal());
        await endpoint.RequestDelegate!(local);

        Assert.Equal(StatusCodes.Status403Forbidden, remote.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, local.Response.StatusCode);
        var steward = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "datenpflege")], "Negotiate"));
        Assert.False(DashboardAccess.IsAllowed(Context(server, IPAddress.Parse("203.0.113.7"), steward), null));
        Assert.True(DashboardAccess.IsAllowed(Context(server, IPAddress.Parse("203.0.113.7"), steward), "datenpflege"));
        Assert.False(DashboardAccess.IsAllowed(Context(server, IPAddress.Parse("203.0.113.7"), steward), "betrieb"));
    }

    [Fact]
    public async Task A_decision_posted_without_a_valid_token_is_refused_and_nothing_is_recorded()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var row = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(OpenOnly: true), Ct));
        var fields = new Dictionary<string, string> { ["entscheidung"] = "akzeptiert", ["kommentar"] = "passt", ["von"] = "Mallory" };

        using var without = await http.PostAsync($"/arbeitsplatz/abweisungen/{row.AbweisungId}/entscheidung", new FormUrlEncodedContent(fields), Ct);
        using var forged = await http.PostAsync($"/arbeitsplatz/abweisungen/{row.AbweisungId}/entscheidung",
            new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__csrf"] = "CfDJ8-gefaelscht" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Schutz vor gefälschten Anfragen", WebUtility.HtmlDecode(await without.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        var after = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(), Ct));
        Assert.Equal(("offen", null), (after.Bearbeitung, after.Entscheidung));
    }

    [Fact]
    public async Task A_run_now_posted_without_a_valid_token_is_refused_before_the_pipeline_is_looked_up()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();

        using var known = await http.PostAsync("/arbeitsplatz/pipelines/kaf/laden", new FormUrlEncodedContent(new Dictionary<string, string>()), Ct);
        using var unknown = await http.PostAsync("/arbeitsplatz/pipelines/gibtsnicht/laden",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = "CfDJ8-gefaelscht" }), Ct);

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (known.StatusCode, unknown.StatusCode));
        Assert.Contains("Schutz vor gefälschten Anfragen", WebUtility.HtmlDecode(await known.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Contains("Schutz vor gefälschten Anfragen", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_with_the_page_token_is_recorded_and_shown_beside_the_row()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var row = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(OpenOnly: true), Ct));
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/abweisungen?regel=SUMME_ABWEICHEND");

        using var posted = await http.PostAsync($"/arbeitsplatz/abweisungen/{row.AbweisungId}/entscheidung", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__csrf"] = token, ["entscheidung"] = "akzeptiert", ["kommentar"] = "Summe <b>bewusst</b> so gemeldet", ["von"] = "A. Steward", ["zurueck"] = "regel=SUMME_ABWEICHEND&x=<script>",
        }), Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/arbeitsplatz/abweisungen?regel=SUMME_ABWEICHEND&alle=1&gespeichert={row.AbweisungId}#zeile-{row.AbweisungId}", posted.Headers.Location!.OriginalString);
        var after = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(), Ct));
        Assert.Equal(("akzeptiert", "akzeptiert", "A. Steward", "Summe <b>bewusst</b> so gemeldet"), (after.Bearbeitung, after.Entscheidung, after.EntschiedenVon, after.Kommentar));
        var page = await http.GetStringAsync(posted.Headers.Location.OriginalString, Ct);
        Assert.Contains("„<span class=\"kommentar\">Summe &lt;b&gt;bewusst&lt;/b&gt; so gemeldet</span>“", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>bewusst", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_row_that_the_next_delivery_rejects_again_says_so_beside_the_row()
    {
        await using var server = await WorkspaceServer.StartAsync();
        var fim = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "FIM").Workbook;
        KafWorkbookWriter.Write(fim with { Remarks = [.. fim.Remarks, "Zweite Lieferung, Summe unverändert."] }, Path.Combine(server.KafInbox, "KAF_FIM_2017.xlsx"));
        await server.Run.RunAsync(["kaf"], null, Ct);
        using var http = server.Client();

        var page = WebUtility.HtmlDecode(await http.GetStringAsync("/arbeitsplatz/abweisungen?regel=SUMME_ABWEICHEND&alle=1", Ct));

        var rows = await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(Reason: "SUMME_ABWEICHEND"), Ct);
        Assert.Equal(2, rows.Count);
        var again = rows.MaxBy(r => r.DateiId)!;
        Assert.Single(Regex.Matches(page, "in der Neulieferung erneut abgewiesen"));
        Assert.Contains($"in der Neulieferung erneut abgewiesen (Datei-ID {again.DateiId}, ", page, StringComparison.Ordinal);
        Assert.DoesNotContain("durch Neulieferung geschlossen", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../x.csv")]
    [InlineData("/tmp/x.csv")]
    [InlineData("..")]
    public async Task An_upload_whose_name_would_leave_the_inbox_is_refused_and_nothing_is_written(string name)
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");

        using var response = await UploadAsync(http, token, "kaf", name, [1, 2, 3]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("erlaubt ist nur ein Dateiname", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.GetFullPath(Path.Combine(server.KafInbox, "../../x.csv"))));
        Assert.Empty(Directory.GetFileSystemEntries(server.KafInbox));
    }

    [Fact]
    public async Task An_upload_whose_name_does_not_match_the_pipeline_files_is_refused()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");

        using var response = await UploadAsync(http, token, "kaf", "FIM_korrigiert.xlsx", await File.ReadAllBytesAsync(WorkspaceServer.WriteCorrectedFim(server.File("")), Ct));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("'FIM_korrigiert.xlsx' passt nicht zu den Dateien der Pipeline kaf (KAF_*_*.xls*)", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(server.KafInbox));
    }

    [Fact]
    public async Task An_unreadable_file_is_refused_with_the_reader_reason_and_its_temporary_copy_is_gone()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");

        using var response = await UploadAsync(http, token, "kaf", "KAF_FIM_2017.xlsx", "das ist keine Arbeitsmappe"u8.ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Nicht angenommen (", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(server.KafInbox)); // neither the file nor the hidden staging folder
    }

    [Fact]
    public async Task A_readable_file_is_checked_then_placed_and_a_different_file_of_the_same_name_is_not_overwritten()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");
        var corrected = await File.ReadAllBytesAsync(WorkspaceServer.WriteCorrectedFim(server.File("")), Ct);

        using var first = await UploadAsync(http, token, "kaf", "KAF_FIM_2017.xlsx", corrected);
        using var again = await UploadAsync(http, token, "kaf", "KAF_FIM_2017.xlsx", corrected);
        var sample = await File.ReadAllBytesAsync(Path.Combine(RepositoryPaths.SampleInbox, "kaf", "KAF_FIM_2017.xlsx"), Ct);
        using var other = await UploadAsync(http, token, "kaf", "KAF_FIM_2017.xlsx", sample);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Contains("Beim Prüfen gelesen: 12 Zeilen – 3 mit Daten, 0 würden abgewiesen, 9 ohne Daten.", WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("sie wird nicht überschrieben", WebUtility.HtmlDecode(await other.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Equal(["KAF_FIM_2017.xlsx"], Directory.GetFileSystemEntries(server.KafInbox).Select(Path.GetFileName));
        Assert.Equal(corrected, await File.ReadAllBytesAsync(Path.Combine(server.KafInbox, "KAF_FIM_2017.xlsx"), Ct));
        Assert.Equal(["KAF_FIM_2017.xlsx"], InboxFile.Find(server.KafInbox, "KAF_*_*.xls*").Select(Path.GetFileName));
    }

    [Fact]
    public async Task An_upload_without_a_token_or_above_the_limit_is_refused_and_nothing_is_written()
    {
        await using var server = await WorkspaceServer.StartAsync(uploadLimit: 100 * 1024);
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");
        var corrected = await File.ReadAllBytesAsync(WorkspaceServer.WriteCorrectedFim(server.File("")), Ct);

        using var without = await UploadAsync(http, null, "kaf", "KAF_FIM_2017.xlsx", corrected);
        using var large = await UploadAsync(http, token, "kaf", "KAF_FIM_2017.xlsx", new byte[400 * 1024]);

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        Assert.Empty(Directory.GetFileSystemEntries(server.KafInbox));
    }

    [Fact]
    public async Task A_staging_folder_inside_the_inbox_is_passed_over_by_the_scan()
    {
        using var dir = new TemporaryDirectory();
        var staging = dir.Folder(".hochladen-0123");
        await File.WriteAllBytesAsync(Path.Combine(staging, "KAF_FIM_2017.xlsx"), [1], Ct);
        await File.WriteAllBytesAsync(dir.File(".hochladen-x.KAF_A_2017.xlsx"), [1], Ct);

        var listing = InboxFile.Scan(dir.Path, "*");

        Assert.Empty(listing.Files);
        Assert.Empty(listing.Refused);
    }

    [Fact]
    public async Task Values_from_requests_are_escaped_on_every_page()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/ladeprotokoll");

        using var response = await http.PostAsync("/arbeitsplatz/pipelines/%3Cimg%20src%3Dx%3E/laden", new FormUrlEncodedContent(new Dictionary<string, string> { ["__csrf"] = token }), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Eine Pipeline &#39;&lt;img src=x&gt;&#39; gibt es nicht.", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x>", body, StringComparison.Ordinal);
    }

    private static DefaultHttpContext Context(WorkspaceServer server, IPAddress remote, ClaimsPrincipal user)
    {
        var context = new DefaultHttpContext { RequestServices = server.App.Services, User = user };
        context.Connection.RemoteIpAddress = remote;
        context.Connection.LocalIpAddress = IPAddress.Parse("192.0.2.1");
        context.Request.Method = "GET";
        context.Request.Path = "/arbeitsplatz/abweisungen";
        context.Response.Body = new MemoryStream();
        return context;
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient http, string? token, string pipeline, string fileName, byte[] bytes)
    {
        using var form = new MultipartFormDataContent();
        if (token is not null)
        {
            form.Add(new StringContent(token), "__csrf");
        }

        form.Add(new StringContent(pipeline), "pipeline");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "datei", fileName);
        return await http.PostAsync("/arbeitsplatz/hochladen", form, Ct);
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkspaceTests
{
    public const string Name = "Arbeitsplatz";
}
