using Bielefeld.Etl.Warehouse;
using Microsoft.Playwright;

namespace Bielefeld.Etl.Tests.Workspace;

/// <summary>
/// A steward's morning in a real browser: headless Chromium (Debian's, launched by Playwright; nothing is downloaded)
/// drives the workspace of a real <c>serve</c> on loopback. Screenshots of every step go to the test's output folder, or
/// to <c>BIELEFELD_ETL_SCREENSHOTS</c> when set (docs/images/stewards is written that way).
/// </summary>
[Collection(WorkspaceTests.Name)]
public sealed class WorkspaceBrowserSpecs
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_steward_decides_on_the_rejected_row_uploads_the_corrected_workbook_and_sees_the_row_closed_and_REGE_9_1_rise_from_37_to_46()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Skip($"{Chromium} fehlt: der Browsertest braucht Debians Chromium (apt-get install chromium; .ci/run installiert es).");
        }

        await using var server = await WorkspaceServer.StartAsync();
        using var uploads = new TemporaryDirectory();
        var corrected = WorkspaceServer.WriteCorrectedFim(uploads.Path);
        var shots = Screenshots();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = Chromium, Headless = true, Args = ["--no-sandbox"] });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1200, Height = 800 }, Locale = "de-DE", BaseURL = server.Url });
        var rege91 = page.Locator("tr[data-indikator='REGE-9.1']");

        // 1. The attainment overview as loaded from the samples: FIM's June placements are in the rejected row.
        await page.GotoAsync("/arbeitsplatz/zielerreichung");
        await rege91.ScrollIntoViewIfNeededAsync();
        Assert.Equal("37", await rege91.Locator("td.istwert").InnerTextAsync());
        Assert.Equal("rot", await rege91.Locator(".status").InnerTextAsync());
        await ShotAsync(page, shots, "01-zielerreichung-vorher.png");

        // 2. The delivery calendar and the load protocol with row conservation per file.
        await page.ClickAsync("nav >> text=Lieferkalender");
        Assert.Contains("überfällig", await page.Locator("#zusammenfassung").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, shots, "02-lieferkalender.png");
        await page.ClickAsync("nav >> text=Ladeprotokoll");
        var fimLoad = page.Locator("#ladeprotokoll tr", new PageLocatorOptions { HasText = "KAF_FIM_2017.xlsx" });
        Assert.Equal("12 = 2 + 1 + 9 ✓", await fimLoad.Locator("td.bilanz").InnerTextAsync());
        await ShotAsync(page, shots, "03-ladeprotokoll.png");

        // 3. The rejected rows, filtered by rule.
        await page.ClickAsync("nav >> text=Abgewiesene Zeilen");
        await page.SelectOptionAsync("select[name=regel]", "SUMME_ABWEICHEND");
        await page.ClickAsync("form.filter button");
        var rows = page.Locator("#abweisungen tbody tr[data-abweisung-id]");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Equal("1 offene abgewiesene Zeilen.", await page.Locator("#anzahl").InnerTextAsync());
        var row = rows.First;
        Assert.Contains("KAF_FIM_2017.xlsx", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Controlling · Zeile 9 · N", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Summe 11 weicht von der Summe der Monate 9 ab.", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("offen", await row.Locator(".bearbeitung").InnerTextAsync());
        await ShotAsync(page, shots, "04-abweisungen-gefiltert.png");

        // 4. The decision, recorded beside the row.
        await row.Locator("select[name=entscheidung]").SelectOptionAsync("korrigiert");
        await row.Locator("input[name=kommentar]").FillAsync("Summe in N9 falsch; FIM liefert eine korrigierte Mappe.");
        await row.Locator("input[name=von]").FillAsync("A. Steward");
        await row.Locator("button[type=submit]").ClickAsync();
        Assert.Contains("Entscheidung gespeichert: Zeile 9 in KAF_FIM_2017.xlsx – korrigiert durch Neulieferung (A. Steward).", await page.Locator("#gespeichert").InnerTextAsync(), StringComparison.Ordinal);
        var decided = page.Locator("#abweisungen tbody tr[data-abweisung-id]").First;
        Assert.Equal("korrigiert", await decided.Locator(".bearbeitung").InnerTextAsync());
        Assert.Equal("Summe in N9 falsch; FIM liefert eine korrigierte Mappe.", await decided.Locator(".kommentar").InnerTextAsync());
        Assert.Equal("A. Steward", await decided.Locator(".von").InnerTextAsync());
        await ShotAsync(page, shots, "05-entscheidung-gespeichert.png");

        // 5. The corrected workbook, checked by the reader before it enters the inbox.
        await page.ClickAsync("nav >> text=Datei hochladen");
        await page.SelectOptionAsync("select[name=pipeline]", "kaf");
        await page.SetInputFilesAsync("input[name=datei]", corrected);
        await ShotAsync(page, shots, "06-hochladen.png");
        await page.ClickAsync("form.upload button");
        Assert.Equal("'KAF_FIM_2017.xlsx' geprüft und in den Eingang kaf gelegt.", await page.Locator("p.ok").InnerTextAsync());
        Assert.Equal("Beim Prüfen gelesen: 12 Zeilen – 3 mit Daten, 0 würden abgewiesen, 9 ohne Daten.", await page.Locator("#pruefung").InnerTextAsync());
        Assert.True(File.Exists(Path.Combine(server.KafInbox, "KAF_FIM_2017.xlsx")));
        await ShotAsync(page, shots, "07-hochgeladen.png");

        // 6. Run the pipeline now and wait for the load.
        var loaded = server.SucceededAsync("PipelineJob.RunAsync(kaf)");
        var recomputed = server.SucceededAsync("AttainmentJob.RecomputeAsync(kaf)");
        await page.ClickAsync("#jetzt-laden");
        Assert.Contains("Pipeline kaf wurde zum Laden eingereiht.", await page.Locator("#gestartet").InnerTextAsync(), StringComparison.Ordinal);
        var redelivery = page.Locator("#ladeprotokoll tr", new PageLocatorOptions { HasText = "KAF_FIM_2017.xlsx" }).First;
        await AfterAsync(page, loaded, async () => await redelivery.Locator("td.bilanz").InnerTextAsync() == "12 = 3 + 0 + 9 ✓");
        Assert.Equal("geladen", await redelivery.Locator(".status").InnerTextAsync());
        await ShotAsync(page, shots, "08-ladeprotokoll-neulieferung.png");

        // 7. The rejected row is closed: nothing open, and the row itself says the re-delivery closed it.
        await page.GotoAsync("/arbeitsplatz/abweisungen?regel=SUMME_ABWEICHEND");
        Assert.Equal("0 offene abgewiesene Zeilen.", await page.Locator("#anzahl").InnerTextAsync());
        await page.CheckAsync("input[name=alle]");
        await page.ClickAsync("form.filter button");
        var closed = page.Locator("#abweisungen tbody tr[data-abweisung-id]");
        Assert.Equal(1, await closed.CountAsync());
        Assert.StartsWith("durch Neulieferung geschlossen", await closed.First.Locator(".neulieferung").InnerTextAsync(), StringComparison.Ordinal);
        await ShotAsync(page, shots, "09-abweisung-geschlossen.png");
        Assert.Empty(await server.Warehouse.RejectedRowsAsync(new RejectedRowQuery(OpenOnly: true), Ct));

        // 8. The figure changes once attainment is recomputed (the job's continuation): 46 against a path of 48,5.
        await page.ClickAsync("nav >> text=Zielerreichung");
        await AfterAsync(page, recomputed, async () => await rege91.Locator("td.istwert").InnerTextAsync() == "46");
        Assert.Equal("gelb", await rege91.Locator(".status").InnerTextAsync());
        Assert.Equal("48,5", await rege91.Locator("td.zahl").Nth(1).InnerTextAsync());
        await rege91.ScrollIntoViewIfNeededAsync();
        await ShotAsync(page, shots, "10-zielerreichung-nachher.png");
    }

    private static string Screenshots()
    {
        var folder = Environment.GetEnvironmentVariable("BIELEFELD_ETL_SCREENSHOTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        return Directory.CreateDirectory(Path.GetFullPath(folder)).FullName;
    }

    private static async Task ShotAsync(IPage page, string folder, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), Type = ScreenshotType.Png });

    /// <summary>Awaits the server's background <paramref name="job"/>, then reloads the page, which shows its result: <paramref name="done"/> holds.</summary>
    private static async Task AfterAsync(IPage page, Task job, Func<Task<bool>> done)
    {
        await job.WaitAsync(Patience, Ct);
        await page.ReloadAsync();
        Assert.True(await done(), $"nach dem Job nicht erreicht: {page.Url}");
    }
}
