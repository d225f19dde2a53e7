using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// Per-value deliveries (BA special evaluations, Meldebogen) on PostgreSQL: a value is replaced only by a value of the
/// same key with a Datenstand that is not older; a late, older value is kept in history and superseded at once.
/// </summary>
public sealed class PostgresPerValueFacts(PostgresServer server) : IAsyncLifetime
{
    private string _database = "";
    private PostgresWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresPerValueFacts));
        _warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        _warehouse.Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task A_newer_Datenstand_replaces_only_the_values_it_contains_and_a_late_older_one_changes_nothing_current()
    {
        await LoadAsync("a", new DateOnly(2017, 3, 31), (1, 10m), (2, 20m));
        await LoadAsync("b", new DateOnly(2017, 4, 30), (2, 25m));
        await LoadAsync("c", new DateOnly(2017, 3, 15), (1, 99m), (2, 99m));

        await using var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var current = (await connection.QueryAsync<(int Monat, decimal Wert)>(
            "SELECT extract(month FROM monat)::int, wert FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL ORDER BY monat")).ToList();
        Assert.Equal([(1, 10m), (2, 25m)], current);
        var history = (await connection.QueryAsync<(int Monat, decimal Wert)>(
            "SELECT extract(month FROM monat)::int, wert FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NOT NULL ORDER BY wert")).ToList();
        Assert.Equal([(2, 20m), (1, 99m), (2, 99m)], history);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stg.observation"));
    }

    private async Task LoadAsync(string name, DateOnly vintage, params (int Month, decimal Value)[] values)
    {
        var scope = new DeliveryScope("ba", null, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1)) { Mode = SupersedeMode.PerValue };
        var rows = values.Select((v, i) => (SourceRow)new SourceRow.Accepted(i + 1,
            [new Observation("REGE-9.1", new DateOnly(2017, v.Month, 1), "05711000", "BA:SGB2", v.Value) { Vintage = vintage }])).ToList();
        var file = new ExtractFile("ba", $"/inbox/ba/{name}.csv", new string(name[0], 64), 1);

        var result = await _warehouse.LoadAsync(file, _ => new ExtractReading(scope, rows, null), null, TestContext.Current.CancellationToken);

        Assert.Equal(FileLoadStatus.Loaded, result.Status);
    }
}
