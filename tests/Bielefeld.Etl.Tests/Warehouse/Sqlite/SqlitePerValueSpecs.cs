using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// Per-value deliveries on SQLite, settled in one pass of lookups: a value is replaced only by another figure of the
/// same key with a Datenstand that is not older; a late, older value is kept in history and superseded at once; an
/// unchanged value keeps the file that first delivered it; another source's current value is left alone.
/// </summary>
public sealed class SqlitePerValueSpecs : IDisposable
{
    private readonly TemporaryDirectory _folder = new();
    private readonly SqliteWarehouse _warehouse;

    public SqlitePerValueSpecs()
    {
        _warehouse = new SqliteWarehouse($"Data Source={_folder.File("warehouse.db")}", TimeProvider.System);
        _warehouse.Migrate();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    [Fact]
    public async Task A_newer_Datenstand_replaces_only_the_values_it_changes_and_a_late_older_one_changes_nothing_current()
    {
        await LoadAsync("ba", "a", new DateOnly(2017, 3, 31), (1, 10m), (2, 20m), (3, 30m));
        await LoadAsync("meldebogen", "m", new DateOnly(2017, 3, 31), (4, 40m));
        await LoadAsync("ba", "b", new DateOnly(2017, 4, 30), (2, 25m), (3, 30m), (4, 44m), (5, 50m));
        await LoadAsync("ba", "c", new DateOnly(2017, 3, 15), (1, 99m), (2, 99m));

        await using var connection = new SqliteConnection($"Data Source={_folder.File("warehouse.db")}");
        var current = (await connection.QueryAsync<(string Monat, double Wert, string Quelle, string Datei)>(
            """
            SELECT o.monat, o.wert, o.quelle, f.datei FROM fact_beobachtung o JOIN load_file f ON f.datei_id = o.datei_id
            WHERE o.ersetzt_durch_datei_id IS NULL ORDER BY o.monat
            """)).ToList();
        Assert.Equal(
            [("2017-01-01", 10d, "ba", "a.csv"), ("2017-02-01", 25d, "ba", "b.csv"), ("2017-03-01", 30d, "ba", "a.csv"),
             ("2017-04-01", 40d, "meldebogen", "m.csv"), ("2017-05-01", 50d, "ba", "b.csv")],
            current);
        var history = (await connection.QueryAsync<(string Monat, double Wert, string Ersetzt)>(
            """
            SELECT o.monat, o.wert, f.datei FROM fact_beobachtung o JOIN load_file f ON f.datei_id = o.ersetzt_durch_datei_id
            ORDER BY o.wert, o.monat
            """)).ToList();
        Assert.Equal([("2017-02-01", 20d, "b.csv"), ("2017-01-01", 99d, "a.csv"), ("2017-02-01", 99d, "b.csv")], history);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stg_observation"));
    }

    private async Task LoadAsync(string source, string name, DateOnly vintage, params (int Month, decimal Value)[] values)
    {
        var scope = new DeliveryScope(source, null, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1)) { Mode = SupersedeMode.PerValue };
        var rows = values.Select((v, i) => (SourceRow)new SourceRow.Accepted(i + 1,
            [new Observation("REGE-9.1", new DateOnly(2017, v.Month, 1), "05711000", "BA:SGB2", v.Value) { Vintage = vintage }])).ToList();
        var file = new ExtractFile(source, $"/inbox/{source}/{name}.csv", new string(name[0], 64), 1);

        var result = await _warehouse.LoadAsync(file, _ => new ExtractReading(scope, rows, null), null, TestContext.Current.CancellationToken);

        Assert.Equal(FileLoadStatus.Loaded, result.Status);
    }
}
