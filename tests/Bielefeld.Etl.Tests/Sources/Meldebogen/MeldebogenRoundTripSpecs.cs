using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources.Meldebogen;

/// <summary>The steward's cycle: generate the template, fill it in Excel, drop it in the inbox, load, correct, load again.</summary>
public sealed class MeldebogenRoundTripSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private string Connection => $"Data Source={_dir.File("warehouse.db")}";

    private string Inbox => _dir.Folder("inbox");

    private async Task<RunSummary> RunAsync()
    {
        var warehouse = new SqliteWarehouse(Connection, TimeProvider.System);
        var options = new EtlOptions(Inbox, RepositoryPaths.Pipelines, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", Connection))
        {
            Reports = _dir.Folder("reports"),
        };
        return await PipelineRun.Prepare(options, warehouse, NullLogger.Instance, TimeProvider.System).RunAsync(["meldebogen"], null, TestContext.Current.CancellationToken);
    }

    /// <summary>Writes the 540-10 template, then types values into the month rows' input cells as a steward would in Excel.</summary>
    private string Fill(string name, params (string Month, double Wert)[] values)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(Inbox, "meldebogen")).FullName, name);
        MeldebogenFileWriter.Write(
            MeldebogenTemplate.ForMeasure(KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping, "540-10", 2017), KafPipeline.Catalog, path);
        using var document = SpreadsheetDocument.Open(path, isEditable: true);
        var rows = MeldebogenTemplateSpecs.Sheet(document, "Meldebogen").Descendants<Row>().ToList();
        foreach (var (month, wert) in values)
        {
            var row = rows.Single(r => MeldebogenTemplateSpecs.Cell(r, "D").InnerText == month);
            var value = MeldebogenTemplateSpecs.Cell(row, "F");
            value.CellValue = new CellValue(wert);
            value.DataType = CellValues.Number;
            var reporter = MeldebogenTemplateSpecs.Cell(row, "L");
            reporter.DataType = CellValues.InlineString;
            reporter.InlineString = new InlineString(new Text("540 Öffentlichkeitsarbeit"));
        }

        return path;
    }

    private List<T> Query<T>(string sql)
    {
        using var connection = new SqliteConnection(Connection);
        return connection.Query<T>(sql).ToList();
    }

    private (double? Ist, double? Pfad, double? Grad, string Status) June() =>
        Query<(double?, double?, double?, string)>(
            "SELECT istwert, zielpfad, zielerreichungsgrad, status FROM rpt_zielerreichung WHERE indikator_code = '540-10.1' AND monat = '2017-06-01' AND bereich = 'Stadt Bielefeld'").Single();

    [Fact]
    public async Task A_filled_template_loads_and_a_later_report_supersedes_the_earlier_month_keeping_both_in_history()
    {
        Fill("Meldebogen_540-10_2017.xlsx", ("2017-01", 1), ("2017-03", 2), ("2017-06", 1));

        var first = Assert.Single((await RunAsync()).Files);

        Assert.Equal((13, 3, 0, 10), (first.Counts.Read, first.Counts.Loaded, first.Counts.Rejected, first.Counts.Skipped));
        Assert.Equal((4d, 2.5d, 0.8d, "gruen"), June());

        Fill("Meldebogen_540-10_2017_Korrektur.xlsx", ("2017-03", 3));
        var second = (await RunAsync()).Files.Single(f => f.Status == FileLoadStatus.Loaded);

        Assert.Equal("Meldebogen_540-10_2017_Korrektur.xlsx", second.File.Name);
        Assert.Equal((5d, 2.5d, 1d, "gruen"), June());
        Assert.Equal(
            [(2d, true), (3d, false)],
            Query<(double, bool)>("SELECT wert, ersetzt_durch_datei_id IS NOT NULL FROM fact_beobachtung WHERE indikator_code = '540-10.1' AND monat = '2017-03-01' ORDER BY beobachtung_id"));
        Assert.Empty(Directory.GetFiles(_dir.Folder("reports")));
    }
}
