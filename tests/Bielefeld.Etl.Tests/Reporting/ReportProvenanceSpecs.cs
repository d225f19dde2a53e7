using System.Net;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Bielefeld.Etl.Tests.Reporting;

/// <summary>
/// The report's section "Herkunft der Zahlen" (issue 17): for every indicator the target with the plan's sentence,
/// deadline and baseline with their origin, the catalog file and the reviewers' corrections, and the files its latest
/// figure was computed from, today's or, for a day reproduced with <c>--as-of</c>, as known at the end of that day.
/// Rendered from a real warehouse loaded with the BA special evaluation, as <c>report</c> does; written once and run on
/// SQLite and on PostgreSQL (a database of its own).
/// </summary>
public abstract class ReportProvenanceSpecs : IAsyncLifetime
{
    // The night after the BA file arrived: 14.07.2017 05:30 in Bielefeld.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2017, 7, 14, 3, 30, 0, TimeSpan.Zero));
    private readonly TemporaryDirectory _dir = new();
    private WarehouseProvider _warehouse = null!;
    private PipelineRun _run = null!;

    /// <summary>A fresh warehouse of the provider, on <paramref name="clock"/>.</summary>
    protected abstract Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider clock);

    public async ValueTask InitializeAsync() => _warehouse = await CreateWarehouseAsync(_clock);

    public virtual ValueTask DisposeAsync()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static string Set => Area.SetCode(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"]);

    private async Task LoadAsync(string file)
    {
        var ba = _dir.Folder(Path.Combine("inbox", "ba-statistik"));
        File.Copy(Path.Combine(RepositoryPaths.SampleInbox, "ba-statistik", file), Path.Combine(ba, file));
        _run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(_warehouse.Name, "")),
            _warehouse, NullLogger.Instance, _clock);
        await _run.RunAsync([], null, TestContext.Current.CancellationToken);
    }

    // As report renders today's page: the current figures and the files of dwh.herkunft.
    private async Task<string> PageAsync(string area)
    {
        var provenance = new ReportProvenance(area, RepositoryPaths.Catalog2017, CatalogCorrections.Read(RepositoryPaths.Catalog2017), await _warehouse.AreaProvenanceAsync(area, TestContext.Current.CancellationToken));
        var series = await _warehouse.AttainmentSeriesAsync(area, TestContext.Current.CancellationToken);
        return WebUtility.HtmlDecode(PageRenderer.Render<AttainmentOverviewPage>(new { Plan = _run.Catalog, Series = series, AreaName = area, GeneratedAt = _clock.GetUtcNow(), Provenance = provenance }));
    }

    // As report --as-of renders a past day: figures and files as known at its end.
    private async Task<string> PageAsOfAsync(string area, DateOnly day)
    {
        var then = await _warehouse.AttainmentAsOfAsync(_run.Catalog, _run.Areas, _run.Attainment, area, BerlinTime.EndOfDay(day), TestContext.Current.CancellationToken);
        var provenance = new ReportProvenance(area, RepositoryPaths.Catalog2017, CatalogCorrections.Read(RepositoryPaths.Catalog2017), then.Files, day);
        return WebUtility.HtmlDecode(PageRenderer.Render<AttainmentOverviewPage>(new { Plan = _run.Catalog, Series = then.Rows, AreaName = area, GeneratedAt = _clock.GetUtcNow(), Provenance = provenance }));
    }

    private static string Row(string html, string indicator) =>
        Regex.Replace(Regex.Match(html, $"<tr data-herkunft=\"{Regex.Escape(indicator)}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value, @"\s+", " ");

    [Fact]
    public async Task The_report_names_for_each_indicator_the_plan_sentence_of_its_target_and_the_files_of_its_latest_figure()
    {
        await LoadAsync("BA_SA_Alleinerziehende_20170714.csv");
        var (city, set) = (await PageAsync(Area.CityCode), await PageAsync(Set));

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

    [Fact]
    public async Task A_report_as_of_a_day_names_the_files_its_figures_were_computed_from_as_known_that_day()
    {
        await LoadAsync("BA_SA_Alleinerziehende_20170714.csv");
        // The October file arrives on 13.10.2017 05:30 and revises June.
        _clock.Advance(new DateTimeOffset(2017, 10, 13, 3, 30, 0, TimeSpan.Zero) - _clock.GetUtcNow());
        await LoadAsync("BA_SA_Alleinerziehende_20171013.csv");

        var july = await PageAsOfAsync(Set, new DateOnly(2017, 7, 20));
        var today = await PageAsync(Set);

        // As reported on 20.07.2017: June's 248 from the July file; today: September from the October file.
        Assert.Contains("wie sie am 20.07.2017 (Ende des Tages) bekannt waren.", july, StringComparison.Ordinal);
        Assert.EndsWith(
            "<td>Juni 2017:<br>ba-statistik: BA_SA_Alleinerziehende_20170714.csv, Datenstand 13.07.2017, geladen 14.07.2017 05:30, 3 Werte; Entscheidungen: keine</td>",
            Row(july, "Jobcenter-8.1"), StringComparison.Ordinal);
        Assert.EndsWith(
            "<td>September 2017:<br>ba-statistik: BA_SA_Alleinerziehende_20171013.csv, Datenstand 12.10.2017, geladen 13.10.2017 05:30, 3 Werte; Entscheidungen: keine</td>",
            Row(today, "Jobcenter-8.1"), StringComparison.Ordinal);
        Assert.DoesNotContain("bekannt waren", today, StringComparison.Ordinal);

        // A day before the first load: nothing delivered yet, though the target and its sentence are named.
        var before = await PageAsOfAsync(Set, new DateOnly(2017, 7, 13));
        Assert.Contains("<td>nichts geliefert</td>", Row(before, "Jobcenter-8.1"), StringComparison.Ordinal);
        Assert.Contains("Plan: „Bestandsreduzierung um 5%.“", Row(before, "Jobcenter-8.1"), StringComparison.Ordinal);
    }
}

/// <summary>The report's provenance section from a real SQLite warehouse file.</summary>
public sealed class SqliteReportProvenanceSpecs : ReportProvenanceSpecs
{
    private readonly TemporaryDirectory _db = new();

    protected override Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider clock) =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={_db.File("warehouse.db")}", clock));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _db.Dispose();
    }
}

/// <summary>The report's provenance section from a real PostgreSQL database of its own.</summary>
public sealed class PostgresReportProvenanceSpecs(PostgresServer server) : ReportProvenanceSpecs
{
    private string? _database;

    protected override async Task<WarehouseProvider> CreateWarehouseAsync(TimeProvider clock)
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresReportProvenanceSpecs));
        return new PostgresWarehouse(_database, clock);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }
    }
}
