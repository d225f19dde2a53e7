using System.Net;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reporting;

/// <summary>
/// The report's section "Herkunft der Zahlen" (issue 17): for every indicator the target with the plan's sentence,
/// deadline and baseline with their origin, the catalog file and the reviewers' corrections, and the files its latest
/// figure was computed from. Rendered from a real SQLite warehouse loaded with the BA special evaluation, as <c>report</c> does.
/// </summary>
public sealed class ReportProvenanceSpecs : IDisposable
{
    // The night after the BA file arrived: 14.07.2017 05:30 in Bielefeld.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2017, 7, 14, 3, 30, 0, TimeSpan.Zero));
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private static string Set => Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);

    private async Task<(string City, string Set)> RenderAsync()
    {
        var ba = _dir.Folder(Path.Combine("inbox", "ba-statistik"));
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", "BA_SA_Alleinerziehende_20170714.csv"), Path.Combine(ba, "BA_SA_Alleinerziehende_20170714.csv"));
        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", _clock);
        var run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", "")),
            warehouse, NullLogger.Instance, _clock);
        await run.RunAsync([], null, TestContext.Current.CancellationToken);
        var corrections = CatalogCorrections.Read(RepositoryPaths.Catalog2017);

        async Task<string> PageAsync(string area)
        {
            var provenance = new ReportProvenance(area, RepositoryPaths.Catalog2017, corrections, await warehouse.AreaProvenanceAsync(area, TestContext.Current.CancellationToken));
            var series = await warehouse.AttainmentSeriesAsync(area, TestContext.Current.CancellationToken);
            return WebUtility.HtmlDecode(AttainmentOverview.Render(run.Catalog, series, area, _clock.GetUtcNow(), null, provenance));
        }

        return (await PageAsync(Area.CityCode), await PageAsync(Set));
    }

    private static string Row(string html, string indicator) =>
        Regex.Replace(Regex.Match(html, $"<tr data-herkunft=\"{Regex.Escape(indicator)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value, @"\s+", " ");

    [Fact]
    public async Task The_report_names_for_each_indicator_the_plan_sentence_of_its_target_and_the_files_of_its_latest_figure()
    {
        var (city, set) = await RenderAsync();

        Assert.Equal(88, Regex.Count(city, "<tr data-herkunft="));
        var catalog = RepositoryPaths.Catalog2017.Replace('\\', '/');

        // The set's report: target, assumed baseline, catalog file, and the one file with its Datenstand behind June's 248.
        Assert.Equal(
            "<td><span class=\"code\">Jobcenter-8.1</span></td> <td><p>reduktion 5 %; kalenderjahr; Bereiche quartier:sennestadt + quartier:baumheide + quartier:sieker zusammen; "
            + "Basis angenommen: Wert des Monats vor dem Zeitraum<br>Plan: „Bestandsreduzierung um 5%.“</p></td> "
            + $"<td>{catalog}/massnahmen/Jobcenter-8.yml</td> "
            + "<td>Juni 2017:<br>ba-statistik: BA_SA_Alleinerziehende_20170714.csv, Datenstand 13.07.2017, geladen 14.07.2017 05:30, 3 Werte; Entscheidungen: keine</td>",
            Row(set, "Jobcenter-8.1"));

        // The city has no figure of its own for it: the quarters' target is named, nothing delivered for the city.
        Assert.Contains("<td>nichts geliefert</td>", Row(city, "Jobcenter-8.1"), StringComparison.Ordinal);

        // A deadline the plan states, a stated baseline with its sentence, a reviewer's correction with its reason.
        Assert.Contains("Stichtag 2018-12-31 (laut Plan)", Row(city, "510-4.1"), StringComparison.Ordinal);
        Assert.Contains("Stichtag 2017-12-31 (angenommen)", Row(city, "510-7.3"), StringComparison.Ordinal);
        Assert.Contains("Basis 23,8 % (laut Plan)", Row(city, "Jobcenter-3.1"), StringComparison.Ordinal);
        Assert.Contains("<br>Basis: „Das Jobcenter Bielefeld setzt sich das Ziel, die in 2016 erreichte Integrationsquote (23,8%)", Row(city, "Jobcenter-3.1"), StringComparison.Ordinal);
        Assert.Contains("Korrektur ziel.basis_herkunft: „“ → „plan“ (Die Ausgangslage des Plans nennt die Basis)", Row(city, "Jobcenter-3.1"), StringComparison.Ordinal);
        Assert.Contains(
            "Korrektur ziel.wert: „“ → „45“ (30 + 15 Maßnahmeeintritte pro Jahr (Zielwert 500-1, beide Teilprogramme zusammen))",
            Row(city, "500-1.1"), StringComparison.Ordinal);
    }
}
