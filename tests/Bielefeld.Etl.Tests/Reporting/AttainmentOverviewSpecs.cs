using System.Diagnostics;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Tests.Sources;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reporting;

/// <summary>The HTML attainment overview, rendered from a real sample run, and checked in a real browser.</summary>
public sealed partial class AttainmentOverviewSpecs : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private async Task<string> RenderSampleRunAsync()
    {
        var kaf = _dir.Folder(Path.Combine("inbox", "kaf"));
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, "kaf")))
        {
            File.Copy(file, Path.Combine(kaf, Path.GetFileName(file)));
        }

        // The night the KAF workbooks of June were loaded; the page is written on the run's clock.
        var clock = new FakeTimeProvider(new DateTimeOffset(2017, 7, 10, 8, 0, 0, TimeSpan.Zero));
        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", clock);
        var run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", "")),
            warehouse, NullLogger.Instance, clock);
        await run.RunAsync([], null, TestContext.Current.CancellationToken);
        var series = await warehouse.AttainmentSeriesAsync(Area.CityCode, TestContext.Current.CancellationToken);
        return PageRenderer.Render<AttainmentOverviewPage>(new { Plan = run.Catalog, Series = series, AreaName = "Stadt Bielefeld", GeneratedAt = run.Time.GetUtcNow() });
    }

    private static string Row(string html, string indicator) =>
        Regex.Match(html, $"<tr data-indikator=\"{Regex.Escape(indicator)}\">.*?</tr>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task The_overview_lists_every_measure_in_plan_order_with_status_figures_and_a_chart_per_indicator()
    {
        var html = await RenderSampleRunAsync();

        Assert.Equal(48, ArticleCount().Count(html));
        Assert.Contains("Datenstand: letzter Monat mit Istwert Juni 2017 · erstellt am 10.07.2017 10:00", html, StringComparison.Ordinal);
        Assert.Equal(88, Regex.Count(html, "<tr data-indikator="));
        Assert.Equal(88, Regex.Count(html, "<svg class=\"verlauf\""));
        Assert.True(html.IndexOf("id=\"REGE-3\"", StringComparison.Ordinal) < html.IndexOf("id=\"Jobcenter-1\"", StringComparison.Ordinal));
        var placements = Row(html, "REGE-9.1");
        Assert.Contains("<span class=\"status rot\">rot</span>", placements, StringComparison.Ordinal);
        Assert.Contains("<td class=\"zahl istwert\">37</td>", placements, StringComparison.Ordinal);
        Assert.Contains("<td class=\"zahl\">48,5</td>", placements, StringComparison.Ordinal);
        Assert.Contains("Juni 2017", placements, StringComparison.Ordinal);
        Assert.Contains("<polyline class=\"istwert\"", placements, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status keine_daten\">keine Daten</span>", Row(html, "Jobcenter-1.1"), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_plan_is_escaped()
    {
        var indicator = new Indicator("X-1.1", "X-1", "<img src=x onerror=alert(1)>", IndicatorKind.Count, "\"Fälle\"");
        var plan = new PlanCatalog(2017, [new Measure("X-1", "<script>alert('x')</script>", "REGE") { PolicyArea = "A & B", Indicators = [indicator] }]);

        var html = PageRenderer.Render<AttainmentOverviewPage>(new { Plan = plan, Series = Array.Empty<AttainmentRow>(), AreaName = "Stadt <Bielefeld>", GeneratedAt = DateTimeOffset.UnixEpoch });

        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<h2>A &amp; B</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Stadt &lt;Bielefeld&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_real_browser_the_figures_are_rendered_and_the_charts_drawn()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"Chromium fehlt ({Chromium}); `apt-get install chromium` (macht .ci/run) aktiviert diesen Test.");
        var page = _dir.File("zielerreichung.html");
        await File.WriteAllTextAsync(page, await RenderSampleRunAsync(), TestContext.Current.CancellationToken);
        var screenshot = _dir.File("zielerreichung.png");

        var dom = await RunChromiumAsync("--dump-dom", new Uri(page).AbsoluteUri);
        await RunChromiumAsync($"--screenshot={screenshot}", "--window-size=1200,1600", new Uri(page).AbsoluteUri);

        Assert.Contains("Ziele und Maßnahmen 2017: Zielerreichung", dom, StringComparison.Ordinal);
        Assert.Contains("<td class=\"zahl istwert\">1.270</td>", Row(dom, "REGE-13.1"), StringComparison.Ordinal);
        Assert.Equal(7, Regex.Count(dom, "<polyline class=\"istwert\""));
        Assert.Equal(7 * 6, Regex.Count(dom, "<circle class=\"monat\""));
        Assert.True(new FileInfo(screenshot).Length > 20_000, "the screenshot is (nearly) empty");
    }

    private async Task<string> RunChromiumAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", $"--user-data-dir={_dir.Folder("chromium-profile")}",
                 }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return await output;
    }

    [GeneratedRegex("<article class=\"massnahme\"")]
    private static partial Regex ArticleCount();
}
