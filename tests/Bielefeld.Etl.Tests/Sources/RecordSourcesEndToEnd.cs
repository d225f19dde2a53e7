using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources;

/// <summary>The REKOM, Prosoz and Einwohnermeldeamt samples through the real run into SQLite: every indicator they feed shows an actual.</summary>
public sealed class RecordSourcesEndToEnd : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    [Fact]
    public async Task Samples_load_and_every_fed_indicator_shows_an_actual_in_rpt_zielerreichung()
    {
        var inbox = _dir.Folder("inbox");
        foreach (var source in new[] { "rekom", "prosoz", "einwohnermeldeamt" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(inbox, source)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.SampleInbox, source)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }
        }

        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", TimeProvider.System);
        var run = PipelineRun.Prepare(
            new EtlOptions(inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(warehouse.Name, "")),
            warehouse, NullLogger.Instance, TimeProvider.System);

        var summary = await run.RunAsync(["rekom", "prosoz", "einwohnermeldeamt"], null, TestContext.Current.CancellationToken);

        Assert.All(summary.Files, f => Assert.Equal(FileLoadStatus.Loaded, f.Status));
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var actuals = (await connection.QueryAsync<(string Code, string Month, double? Ist, string Status)>(
            "SELECT indikator_code, monat, istwert, status FROM rpt_zielerreichung WHERE bereich = 'Stadt Bielefeld' AND istwert IS NOT NULL"))
            .GroupBy(a => a.Code).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Month).Last());

        Assert.Equal(60, actuals["REGE-1.1"].Ist!.Value, 6);
        Assert.Equal(3, actuals["REGE-2.1"].Ist);
        Assert.Equal(3, actuals["REGE-4.1"].Ist);
        Assert.Equal(75, actuals["REGE-5.1"].Ist!.Value, 6);
        Assert.Equal(40, actuals["510-7.2"].Ist!.Value, 6);
        Assert.Equal(100.0 * 5 / 7, actuals["510-8.1"].Ist!.Value, 4);
        Assert.Equal(100.0 * 4 / 6, actuals["510-9.1"].Ist!.Value, 4);
        Assert.Equal(50, actuals["510-9.2"].Ist!.Value, 6);
        Assert.Equal(741, actuals["Kontext.einwohner-60plus"].Ist);
        Assert.Equal("n/a", actuals["Kontext.einwohner-60plus"].Status);
        var kammerich = await connection.QuerySingleAsync<double>(
            "SELECT istwert FROM rpt_zielerreichung WHERE indikator_code = 'Kontext.einwohner-60plus' AND bereich = 'Kammerich' AND monat = '2017-06-01'");
        Assert.Equal(450, kammerich);
        Assert.Equal(0, await connection.QuerySingleAsync<int>("SELECT COUNT(*) FROM fact_beobachtung WHERE serie NOT IN ('REKOM', 'PROSOZ', 'EWO')"));
    }
}
