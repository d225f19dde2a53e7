using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse.Sqlite;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources.Statistiktabelle;

/// <summary>
/// Both real IT.NRW vintages of table 13211-03ir (Köln) through samples/pipelines/itnrw-arbeitslose.yml into a real
/// warehouse: the later Stand fills the months the earlier one had not reported and keeps unchanged figures once, an
/// earlier Stand delivered late goes into history, months not yet reported stay missing, and row conservation is
/// recorded per file. Written once, run per provider. (The real 2014 vintage revises no figure of 2013's; a revised
/// figure superseding with history is shown on generated vintages in <see cref="StatistiktabelleEngineSpecs"/>.)
/// </summary>
public abstract class ItNrwWarehouseBehaviour : IAsyncLifetime
{
    private const string Total = "Kontext.itnrw-arbeitslose-koeln";
    private readonly TemporaryDirectory _dir = new();

    protected WarehouseProvider Warehouse { get; private set; } = null!;

    private string Inbox => _dir.Folder(Path.Combine("inbox", "itnrw-arbeitslose"));

    protected abstract Task<WarehouseProvider> CreateWarehouseAsync();

    /// <summary>The provider's name of a warehouse table.</summary>
    protected abstract string Table(string name);

    /// <summary>A date column as ISO text.</summary>
    protected virtual string DateText(string column) => column;

    public async ValueTask InitializeAsync() => Warehouse = await CreateWarehouseAsync();

    public virtual ValueTask DisposeAsync()
    {
        _dir.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task The_later_Stand_adds_the_months_the_earlier_had_not_reported_and_keeps_unchanged_figures_once()
    {
        var first = await DeliverAsync(StatistiktabellePipelines.ItNrw2013);
        var second = await DeliverAsync(StatistiktabellePipelines.ItNrw2014);

        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(83, 14, 0, 69)), (first.Status, first.Counts));
        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(84, 15, 0, 69)), (second.Status, second.Counts));
        // The 2014 vintage repeats every figure of the 2013 vintage unchanged (compared cell by cell): a figure is
        // superseded only where a later Stand changes it, so the first delivery stays current and no copy lands in history.
        Assert.Equal([("2013-01-01", 51362d, "2013-10-07")], await ValuesAsync(Total, "2013-01-01", current: true));
        Assert.Equal([("2013-09-01", 52652d, "2013-10-07")], await ValuesAsync(Total, "2013-09-01", current: true));
        Assert.Empty(await ValuesAsync(Total, "2013-01-01", current: false));
        // October 2013 was „...“ in the 2013 vintage: missing then, the 2014 vintage's figure now.
        Assert.Equal([("2013-10-01", 51970d, "2014-07-21")], await ValuesAsync(Total, "2013-10-01", current: true));
        Assert.Equal([("2014-06-01", 52998d, "2014-07-21")], await ValuesAsync(Total, "2014-06-01", current: true));
        Assert.Equal([("2014-06-01", 24267d, "2014-07-21")], await ValuesAsync("Kontext.itnrw-arbeitslose-koeln-w", "2014-06-01", current: true));
        Assert.Empty(await ValuesAsync(Total, "2014-07-01", current: true));
        Assert.Equal((522L, 0L, 0L), await CountsAsync());
    }

    [Fact]
    public async Task Months_not_yet_reported_stay_missing_until_a_later_Stand_reports_them()
    {
        await DeliverAsync(StatistiktabellePipelines.ItNrw2013);

        Assert.Empty(await ValuesAsync(Total, "2013-10-01", current: true));
        Assert.Empty(await ValuesAsync(Total, "2013-12-01", current: true));
        Assert.Equal((495L, 0L, 0L), await CountsAsync());
    }

    [Fact]
    public async Task The_earlier_vintage_delivered_late_changes_nothing_current()
    {
        await DeliverAsync(StatistiktabellePipelines.ItNrw2014);
        var late = await DeliverAsync(StatistiktabellePipelines.ItNrw2013);

        Assert.Equal((FileLoadStatus.Loaded, new RowCounts(83, 14, 0, 69)), (late.Status, late.Counts));
        // Older than what is current: every value of the late file goes straight into history.
        Assert.Equal([("2013-01-01", 51362d, "2014-07-21")], await ValuesAsync(Total, "2013-01-01", current: true));
        Assert.Equal([("2013-01-01", 51362d, "2013-10-07")], await ValuesAsync(Total, "2013-01-01", current: false));
        Assert.Equal([("2013-10-01", 51970d, "2014-07-21")], await ValuesAsync(Total, "2013-10-01", current: true));
        Assert.Equal((522L, 495L, 0L), await CountsAsync());
    }

    [Fact]
    public async Task The_Gemeinde_and_the_series_per_Geschlecht_join_the_warehouse_dimensions()
    {
        await DeliverAsync(StatistiktabellePipelines.ItNrw2013);

        await using var connection = await Warehouse.OpenAsync(TestContext.Current.CancellationToken);
        Assert.Equal("Köln", await connection.ExecuteScalarAsync<string>($"SELECT name FROM {Table("dim_bereich")} WHERE bereich_code = '05315000'"));
        var series = (await connection.QueryAsync<string>(
            $"SELECT indikator_code FROM {Table("dim_indikator")} WHERE indikator_code LIKE 'Kontext.itnrw-%' ORDER BY indikator_code")).ToList();
        Assert.Equal(["Kontext.itnrw-arbeitslose-koeln", "Kontext.itnrw-arbeitslose-koeln-m", "Kontext.itnrw-arbeitslose-koeln-w"], series);
        var recorded = await connection.QuerySingleAsync<(long Gelesen, long Geladen, long Abgewiesen, long Uebersprungen)>(
            $"SELECT zeilen_gelesen, zeilen_geladen, zeilen_abgewiesen, zeilen_uebersprungen FROM {Table("load_file")} WHERE quelle = 'itnrw-arbeitslose'");
        Assert.Equal((83L, 14L, 0L, 69L), recorded);
    }

    private async Task<FileLoadResult> DeliverAsync(string file)
    {
        File.Copy(file, Path.Combine(Inbox, Path.GetFileName(file)), overwrite: true);
        var run = PipelineRun.Prepare(
            new EtlOptions(_dir.Folder("inbox"), StatistiktabellePipelines.SampleFolder, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings(Warehouse.Name, "")),
            Warehouse, NullLogger.Instance, TimeProvider.System);
        var summary = await run.RunAsync(["itnrw-arbeitslose"], null, TestContext.Current.CancellationToken);
        return Assert.Single(summary.Files, f => f.File.Name == Path.GetFileName(file));
    }

    private async Task<List<(string Monat, double Wert, string Datenstand)>> ValuesAsync(string indicator, string month, bool current)
    {
        await using var connection = await Warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var rows = await connection.QueryAsync<(string, double, string)>(
            $"""
            SELECT {DateText("monat")}, wert, {DateText("datenstand")} FROM {Table("fact_beobachtung")}
            WHERE indikator_code = @indicator AND {DateText("monat")} = @month AND bereich_code = '05315000'
              AND (ersetzt_durch_datei_id IS NULL) = @current
            """,
            new { indicator, month, current });
        return rows.ToList();
    }

    /// <summary>Current values, superseded values, and values that are 0.</summary>
    private async Task<(long Current, long History, long Zero)> CountsAsync()
    {
        await using var connection = await Warehouse.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.QuerySingleAsync<(long, long, long)>(
            $"""
            SELECT SUM(CASE WHEN ersetzt_durch_datei_id IS NULL THEN 1 ELSE 0 END), SUM(CASE WHEN ersetzt_durch_datei_id IS NULL THEN 0 ELSE 1 END),
                   SUM(CASE WHEN wert = 0 THEN 1 ELSE 0 END)
            FROM {Table("fact_beobachtung")} WHERE quelle = 'itnrw-arbeitslose'
            """);
    }
}

/// <summary>The IT.NRW vintages into a real SQLite warehouse file.</summary>
public sealed class SqliteItNrwWarehouseSpecs : ItNrwWarehouseBehaviour
{
    private readonly TemporaryDirectory _db = new();

    protected override Task<WarehouseProvider> CreateWarehouseAsync() =>
        Task.FromResult<WarehouseProvider>(new SqliteWarehouse($"Data Source={_db.File("warehouse.db")}", TimeProvider.System));

    protected override string Table(string name) => name;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _db.Dispose();
    }
}

/// <summary>The IT.NRW vintages into a real PostgreSQL database.</summary>
public sealed class PostgresItNrwWarehouseSpecs(PostgresServer server) : ItNrwWarehouseBehaviour
{
    private string? _database;

    protected override async Task<WarehouseProvider> CreateWarehouseAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresItNrwWarehouseSpecs));
        return new PostgresWarehouse(_database, TimeProvider.System);
    }

    protected override string Table(string name) => "dwh." + name;

    protected override string DateText(string column) => $"to_char({column}, 'YYYY-MM-DD')";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }
    }
}
