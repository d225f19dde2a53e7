using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// What the fact's foreign keys to the load protocol guaranteed, now checked once per statement instead of once per row
/// (migration 0017, docs/performance.md "Physical design of the fact"): every observation names a file the protocol
/// knows, as delivering and as superseding file, and a file that observations name stays in the protocol.
/// </summary>
public sealed class PostgresFactIntegrityFacts(PostgresServer server) : IAsyncLifetime
{
    private const string ForeignKeyViolation = "23503";
    private string _database = "";
    private PostgresWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresFactIntegrityFacts));
        _warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        _warehouse.Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task An_observation_naming_a_file_the_protocol_does_not_know_is_refused_and_nothing_of_its_statement_stays()
    {
        var fileId = await LoadAsync("a", 10m);
        await using var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken);

        var insert = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            """
            INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, datei_id)
            VALUES ('REGE-9.1', DATE '2017-02-01', '05711000', 'ba', 'BA:SGB2', 1, @fileId), ('REGE-9.1', DATE '2017-03-01', '05711000', 'ba', 'BA:SGB2', 2, @unknown)
            """,
            new { fileId, unknown = fileId + 1000 }));
        var supersede = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "UPDATE dwh.fact_beobachtung SET ersetzt_durch_datei_id = @unknown WHERE datei_id = @fileId", new { fileId, unknown = fileId + 1000 }));

        Assert.Equal(ForeignKeyViolation, insert.SqlState);
        Assert.Equal(ForeignKeyViolation, supersede.SqlState);
        var rows = (await connection.QueryAsync<(decimal Wert, long? Ersetzt)>("SELECT wert, ersetzt_durch_datei_id FROM dwh.fact_beobachtung")).ToList();
        Assert.Equal([(10m, (long?)null)], rows);
    }

    [Fact]
    public async Task A_file_whose_observations_are_in_the_fact_cannot_be_deleted_from_the_protocol_as_delivering_or_superseding_file()
    {
        var first = await LoadAsync("a", 10m);
        var second = await LoadAsync("b", 11m);
        await using var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken);

        var delivering = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "DELETE FROM dwh.load_file WHERE datei_id = @first", new { first }));
        // Only the fact may still name the second file: its other protocol rows (whose foreign keys would refuse too) go.
        await connection.ExecuteAsync(
            """
            DELETE FROM dwh.load_file_monat WHERE datei_id = @second;
            DELETE FROM dwh.zielerreichung_ausstehend WHERE datei_id = @second;
            DELETE FROM dwh.bericht_ausstehend WHERE datei_id = @second;
            """,
            new { second });
        await connection.ExecuteAsync("UPDATE dwh.fact_beobachtung SET datei_id = @first WHERE datei_id = @second", new { first, second });
        var superseding = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            "DELETE FROM dwh.load_file WHERE datei_id = @second", new { second }));

        Assert.Equal(ForeignKeyViolation, delivering.SqlState);
        Assert.Equal(ForeignKeyViolation, superseding.SqlState);
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.load_file WHERE status = 'geladen'"));
    }

    private async Task<long> LoadAsync(string name, decimal value)
    {
        var scope = new DeliveryScope("ba", null, new DateOnly(2017, 1, 1), new DateOnly(2017, 1, 1)) { Mode = SupersedeMode.PerValue };
        SourceRow[] rows = [new SourceRow.Accepted(1, [new Observation("REGE-9.1", new DateOnly(2017, 1, 1), "05711000", "BA:SGB2", value) { Vintage = new DateOnly(2017, 2, 15) }])];
        var file = new ExtractFile("ba", $"/inbox/ba/{name}.csv", new string(name[0], 64), 1);

        var result = await _warehouse.LoadAsync(file, _ => new ExtractReading(scope, rows, null), null, TestContext.Current.CancellationToken);

        Assert.Equal(FileLoadStatus.Loaded, result.Status);
        return result.FileId!.Value;
    }
}
