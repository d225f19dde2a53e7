using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// A per-value re-delivery on PostgreSQL is merged by one statement in one pass over the staged file: each staged value
/// is looked up once among the current values, what that settles (unchanged, current from another source) is passed by,
/// late values are kept in history, changed values supersede the current ones and are inserted, new ones are inserted.
/// Deleting the settled values from staging first, as before, cost more than the lookups (docs/performance.md, "The
/// per-value merge in one statement").
/// </summary>
public sealed class PostgresMergeStagingFacts(PostgresServer server) : IAsyncLifetime
{
    private static readonly DateOnly Vintage = new(2017, 3, 31);

    /// <summary>
    /// What the fact holds after b.csv: month 1 unchanged (a.csv's), 2 changed (superseded by b.csv), 3 late (b.csv's
    /// value in history, superseded by a.csv's current one), 4 not delivered again, 5 new, 6 another source's.
    /// </summary>
    private static readonly (int Monat, decimal Wert, string Datei, string? ErsetztDurch)[] AfterTheSecondFile =
    [
        (1, 10m, "a.csv", null), (2, 20m, "a.csv", "b.csv"), (2, 21m, "b.csv", null), (3, 30m, "a.csv", null), (3, 33m, "b.csv", "a.csv"),
        (4, 40m, "a.csv", null), (5, 50m, "b.csv", null), (6, 60m, "x.csv", null),
    ];

    private string _database = "";
    private PostgresWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresMergeStagingFacts));
        _warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        _warehouse.Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task One_statement_keeps_late_values_supersedes_changed_ones_and_inserts_changed_and_new_ones()
    {
        // Months 1 to 4 from the BA file, month 6 current from another source under the same key.
        await LoadAsync("ba", "a", (1, 10m), (2, 20m), (3, 30m), (4, 40m));
        await LoadAsync("andere", "x", (6, 60m));

        await using var connection = await _warehouse.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        var fileId = await ClaimSecondFileAsync(connection, transaction);
        // Month 1 unchanged, 2 changed, 3 late (an older Datenstand), 4 not delivered again, 5 new, 6 another source's.
        await connection.ExecuteAsync(
            """
            INSERT INTO stg.observation (datei_id, indikator_code, monat, bereich_code, serie, wert, unterdrueckt, datenstand)
            SELECT @fileId, 'REGE-9.1', make_date(2017, m, 1), '05711000', 'BA:SGB2', w, false, d
            FROM (VALUES (1, 10, DATE '2017-04-30'), (2, 21, DATE '2017-04-30'), (3, 33, DATE '2017-02-28'),
                         (5, 50, DATE '2017-04-30'), (6, 61, DATE '2017-04-30')) v (m, w, d)
            """, new { fileId }, transaction);

        var written = await connection.ExecuteAsync(PostgresSql.MergePerValue, new { fileId, Source = "ba" }, transaction);

        // Inserted: 2 (changed), 3 (late, in history), 5 (new); nothing for 1, 4 and 6.
        Assert.Equal(3, written);
        Assert.Equal(AfterTheSecondFile, await FactRowsAsync(connection, transaction));
        await transaction.RollbackAsync(Token);
    }

    [Fact]
    public async Task A_value_delivered_twice_in_one_file_fails_the_merge_on_the_current_value_key()
    {
        await LoadAsync("ba", "a", (1, 10m));

        await using var connection = await _warehouse.OpenAsync(Token);
        await using var transaction = await connection.BeginTransactionAsync(Token);
        var fileId = await ClaimSecondFileAsync(connection, transaction);
        await connection.ExecuteAsync(
            """
            INSERT INTO stg.observation (datei_id, indikator_code, monat, bereich_code, serie, wert, unterdrueckt, datenstand)
            SELECT @fileId, 'REGE-9.1', DATE '2017-01-01', '05711000', 'BA:SGB2', w, false, DATE '2017-04-30' FROM (VALUES (11), (12)) v (w)
            """, new { fileId }, transaction);

        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() =>
            connection.ExecuteAsync(PostgresSql.MergePerValue, new { fileId, Source = "ba" }, transaction));

        Assert.Equal("23505", error.SqlState);
        Assert.Equal("ux_beobachtung_aktuell", error.ConstraintName);
    }

    [Fact]
    public async Task A_re_delivery_supersedes_what_changed_adds_what_is_new_and_keeps_late_values_in_history()
    {
        await LoadAsync("ba", "a", (1, 10m), (2, 20m), (3, 30m), (4, 40m));
        await LoadAsync("andere", "x", (6, 60m));
        var lateVintage = new DateOnly(2017, 2, 28);
        var newer = new DateOnly(2017, 4, 30);

        await LoadAsync("ba", "b", [(1, 10m, newer), (2, 21m, newer), (3, 33m, lateVintage), (5, 50m, newer), (6, 61m, newer)]);

        await using var connection = await _warehouse.OpenAsync(Token);
        Assert.Equal(AfterTheSecondFile, await FactRowsAsync(connection, null));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM stg.observation"));
    }

    private static async Task<(int Monat, decimal Wert, string Datei, string? ErsetztDurch)[]> FactRowsAsync(
        DbConnection connection, DbTransaction? transaction) =>
        [.. await connection.QueryAsync<(int Monat, decimal Wert, string Datei, string? ErsetztDurch)>(
            """
            SELECT extract(month FROM o.monat)::int, o.wert, f.datei, e.datei FROM dwh.fact_beobachtung o
            JOIN dwh.load_file f ON f.datei_id = o.datei_id
            LEFT JOIN dwh.load_file e ON e.datei_id = o.ersetzt_durch_datei_id
            ORDER BY o.monat, o.wert
            """, transaction: transaction)];

    /// <summary>The protocol row of a second BA file, b.csv, in the transaction; returns its id.</summary>
    private static Task<long> ClaimSecondFileAsync(DbConnection connection, DbTransaction transaction) =>
        connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um)
            VALUES ('ba', 'b.csv', '/inbox/ba/b.csv', 'bbbb', 1, 'geladen', now()) RETURNING datei_id
            """, transaction: transaction);

    private Task LoadAsync(string source, string file, params (int Month, decimal Value)[] values) =>
        LoadAsync(source, file, [.. values.Select(v => (v.Month, v.Value, Vintage))]);

    private async Task LoadAsync(string source, string file, (int Month, decimal Value, DateOnly Vintage)[] values)
    {
        var scope = new DeliveryScope(source, null, new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1)) { Mode = SupersedeMode.PerValue };
        var rows = values.Select((v, i) => (SourceRow)new SourceRow.Accepted(i + 1,
            [new Observation("REGE-9.1", new DateOnly(2017, v.Month, 1), "05711000", "BA:SGB2", v.Value) { Vintage = v.Vintage }])).ToList();
        var extract = new ExtractFile(source, $"/inbox/{source}/{file}.csv", new string(file[0], 64), 1);

        var result = await _warehouse.LoadAsync(extract, _ => new ExtractReading(scope, rows, null), null, Token);

        Assert.Equal(FileLoadStatus.Loaded, result.Status);
    }
}
