using System.Diagnostics;
using System.Text;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The consistency check reads the current figures of delivered months only: a warehouse whose one delivery is from
/// 2017 is not read for every year up to today. Counted by the statements Npgsql reports (its activity source), not timed.
/// </summary>
public sealed partial class PostgresConsistencyReadFacts(PostgresServer server) : IAsyncLifetime
{
    private const string MonthlyActualsRead = "SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month";

    private readonly TemporaryDirectory _dir = new();
    private string _database = "";

    public async ValueTask InitializeAsync() => _database = await server.CreateDatabaseAsync(nameof(PostgresConsistencyReadFacts));

    public async ValueTask DisposeAsync()
    {
        _dir.Dispose();
        await server.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_2017_delivery_checked_in_2026_is_read_once_for_the_indicators_with_values_and_never_for_the_years_without_data()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateDirectory(Path.Combine(_dir.Folder("inbox"), "meldebogen")).FullName;
        File.WriteAllText(Path.Combine(folder, "Meldebogen_Jobcenter-6_2017.csv"), string.Join("\r\n",
            "Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von",
            "Jobcenter-6.2;;;2017-04;;12;;;;;Jobakademie Ü25;Jobcenter",
            "Jobcenter-6.3;;;2017-04;;15;;;;;darunter zusätzliche;Jobcenter") + "\r\n", new UTF8Encoding(true));
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
        var warehouse = new PostgresWarehouse(_database, clock);
        var run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("postgresql", _database)),
            warehouse, NullLogger.Instance, clock);
        await run.InitialiseAsync(ct);

        var database = new NpgsqlConnectionStringBuilder(_database).Database;
        var reads = new List<string>();
        using (var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                var text = (a.GetTagItem("db.query.text") ?? a.GetTagItem("db.statement"))?.ToString() ?? "";
                var namespaceTag = (a.GetTagItem("db.namespace") ?? a.GetTagItem("db.name"))?.ToString();
                if (namespaceTag == database && text.StartsWith(MonthlyActualsRead, StringComparison.Ordinal) && text.Contains("ANY(@indicators)", StringComparison.Ordinal))
                {
                    lock (reads)
                    {
                        reads.Add(text);
                    }
                }
            },
        })
        {
            ActivitySource.AddActivityListener(listener);
            await run.RunAsync(["meldebogen"], null, ct);
            await run.RefreshStewardshipAsync(ct);
        }

        // Two indicators a rule names have values, in one delivered month: one window, read for both indicators in one
        // statement; not one read per year from 2017 to 2026 for every indicator the rules name. Read by the run's check;
        // the refresh after it finds nothing changed since and reads none (the attainment's reads, one per indicator, are
        // not the check's).
        Assert.Single(reads);
        var violation = Assert.Single(run.ConsistencyViolations);
        Assert.Equal(("Jobcenter-6.3", new DateOnly(2017, 4, 1)), (violation.IndicatorCode, violation.Month));
    }
}
