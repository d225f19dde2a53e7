using System.Net;
using System.Net.Sockets;
using Bielefeld.Etl.Tests.Cli;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Operations;

/// <summary><c>serve</c> as an operator starts it: a real process, the dashboard on a loopback port.</summary>
public sealed class ServeSpecs : IDisposable
{
    private readonly OperationsInbox _inbox = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _inbox.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Serve_shows_the_dashboard_to_local_requests_with_the_pipeline_scheduled_and_without_the_connection_string()
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var connection = $"Data Source={_inbox.File("geheim-warehouse.db")}";
        Assert.Equal(0, (await CliProcess.RunAsync(null, "init", "--connection", connection)).ExitCode);
        using var serve = CliProcess.Start(null, "serve", "--urls", url, "--inbox", _inbox.Root, "--connection", connection);
        Assert.True(await serve.WaitForLineAsync(l => l.StartsWith("Dashboard: ", StringComparison.Ordinal), TimeSpan.FromMinutes(1)), string.Join('\n', serve.Output));
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        var dashboard = await GetAsync(http, "/hangfire");
        var recurring = await GetAsync(http, "/hangfire/recurring");
        var pipelines = await GetAsync(http, "/hangfire/pipelines");

        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        Assert.Contains("pipeline:kaf", recurring.Body, StringComparison.Ordinal);
        Assert.Contains("30 5 * * *", recurring.Body, StringComparison.Ordinal);
        Assert.Contains("<td>kaf</td><td>30 5 * * *</td>", pipelines.Body, StringComparison.Ordinal);
        foreach (var page in new[] { dashboard.Body, recurring.Body, pipelines.Body })
        {
            Assert.DoesNotContain("geheim-warehouse", page, StringComparison.Ordinal);
        }

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(url) };
        using var root = await noRedirects.GetAsync("/", TestContext.Current.CancellationToken);
        Assert.Equal((HttpStatusCode.Redirect, "/arbeitsplatz"), (root.StatusCode, root.Headers.Location?.OriginalString));
        Assert.Equal(["KAF_COACH_2017.xlsx", "KAF_ERNAEHR_2017.xlsx", "KAF_FIM_2017.xlsx", "KAF_SPRACH_2017.xlsx", "KAF_THEO_2017.xls"],
            Directory.GetFiles(_inbox.Kaf).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Serve_refuses_to_start_when_a_pipeline_is_scheduled_in_the_changeover_hour()
    {
        var pipelines = Directory.CreateDirectory(_inbox.File("pipelines")).FullName;
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Pipelines, "kaf.yml"), TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(pipelines, "kaf.yml"), text.Replace("\"30 5 * * *\"", "\"30 2 * * *\"", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var environment = new Dictionary<string, string> { ["BIELEFELD_ETL_PIPELINES"] = pipelines };
        var connection = $"Data Source={_inbox.File("w.db")}";
        Assert.Equal(0, (await CliProcess.RunAsync(environment, "init", "--connection", connection)).ExitCode);

        var (exit, output) = await CliProcess.RunAsync(environment, "serve", "--urls", $"http://127.0.0.1:{FreePort()}", "--inbox", _inbox.Root, "--connection", connection);

        Assert.Equal(2, exit);
        Assert.Contains("der Zeitplan '30 2 * * *' läuft um 02:30 Uhr", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_on_a_port_already_taken_says_so_in_one_line_and_exits_with_2()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var (initExit, initOutput) = await CliProcess.RunAsync(null, "init", "--connection", $"Data Source={_inbox.File("w.db")}");
        Assert.True(initExit == 0, initOutput);
        var (exit, output) = await CliProcess.RunAsync(null, "serve", "--urls", url, "--inbox", _inbox.Root, "--connection", $"Data Source={_inbox.File("w.db")}");

        Assert.Equal(2, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([$"Fehler: Die Adresse {url} ist schon belegt (läuft bereits ein serve?); eine freie mit --urls oder Server:Urls angeben."],
            lines.Where(l => l.Contains(url, StringComparison.Ordinal) || l.Contains("Fehler", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.Contains("Exception", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static async Task<(HttpStatusCode Status, string Body)> GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
