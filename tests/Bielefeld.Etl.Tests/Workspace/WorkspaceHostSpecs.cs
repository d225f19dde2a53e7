using System.Net;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Tests.Workspace;

/// <summary>
/// What the server answers whatever the page: only to its own host names (a page elsewhere whose name was pointed
/// at this machine, DNS rebinding, gets 400 before any handler), always with the security headers, and a request it
/// cannot serve as asked gets a 4xx with its reason, never a 500.
/// </summary>
[Collection(WorkspaceTests.Name)]
public sealed class WorkspaceHostSpecs
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_decision_posted_with_a_foreign_Host_and_Origin_is_refused_with_400_and_nothing_is_recorded()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var row = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(OpenOnly: true), Ct));
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/abweisungen");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/arbeitsplatz/abweisungen/{row.AbweisungId}/entscheidung")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__csrf"] = token, ["entscheidung"] = "akzeptiert", ["kommentar"] = "von woanders", ["von"] = "Mallory",
            }),
        };
        request.Headers.Host = "evil.example";
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await http.SendAsync(request, Ct);
        using var page = await Get(http, "/arbeitsplatz/abweisungen", "evil.example");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.DoesNotContain("abweisungen", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var after = Assert.Single(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(), Ct));
        Assert.Equal(("offen", null), (after.Bearbeitung, after.Entscheidung));
    }

    [Fact]
    public async Task The_loopback_names_and_the_configured_names_are_answered_any_other_is_not()
    {
        await using var server = await WorkspaceServer.StartAsync(allowedHosts: ["etl.intern.example"]);
        using var http = server.Client();
        var port = new Uri(server.Url).Port;

        foreach (var host in new[] { "localhost", "127.0.0.1", "[::1]", "etl.intern.example", "ETL.INTERN.EXAMPLE" })
        {
            using var answered = await Get(http, "/arbeitsplatz/lieferkalender", $"{host}:{port}");
            Assert.True(HttpStatusCode.OK == answered.StatusCode, $"{host}: {answered.StatusCode}");
        }

        foreach (var host in new[] { "evil.example", "etl.intern.example.evil.example", "127.0.0.2", "0.0.0.0" })
        {
            using var refused = await Get(http, "/hangfire", $"{host}:{port}");
            Assert.True(HttpStatusCode.BadRequest == refused.StatusCode, $"{host}: {refused.StatusCode}");
        }
    }

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/pipelines")]
    [InlineData("/hangfire/stats")]
    [InlineData("/arbeitsplatz/lieferkalender")]
    [InlineData("/gibt-es-nicht")]
    public async Task Every_answer_carries_the_security_headers_the_dashboard_too(string path)
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();

        using var answer = path == "/hangfire/stats"
            ? await http.PostAsync(path, new FormUrlEncodedContent([]), Ct)
            : await http.GetAsync(path, Ct);
        using var refused = await Get(http, path, "evil.example");

        foreach (var response in new[] { answer, refused })
        {
            var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Contains(csp.StartsWith("default-src 'none'", StringComparison.Ordinal) ? "style-src" : "script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        }
    }

    [Fact]
    public async Task An_upload_with_a_254_character_name_is_refused_with_400_and_its_reason()
    {
        await using var server = await WorkspaceServer.StartAsync();
        using var http = server.Client();
        var token = await WorkspaceServer.TokenAsync(http, "/arbeitsplatz/hochladen");
        var name = "KAF_" + new string('A', 122) + "_" + new string('B', 122) + ".xlsx";
        var corrected = await File.ReadAllBytesAsync(WorkspaceServer.WriteCorrectedFim(server.File("")), Ct);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__csrf" },
            { new StringContent("kaf"), "pipeline" },
            { new ByteArrayContent(corrected), "datei", name },
        };
        using var response = await http.PostAsync("/arbeitsplatz/hochladen", form, Ct);

        Assert.Equal(254, name.Length);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nicht angenommen (EINGANG_NAME_ZU_LANG): Der Dateiname ist 254 Byte lang; erlaubt sind höchstens 200 Byte",
            WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(server.KafInbox));
    }

    private static async Task<HttpResponseMessage> Get(HttpClient http, string path, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await http.SendAsync(request, Ct);
    }
}
