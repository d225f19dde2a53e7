using System.Text.Json;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// rpt.zielerreichung asks fact_geheimhaltung whether a figure's cell is hidden, not for its verdict row: the hidden
/// cells are few, so one hash of them answers every figure. Its LEFT JOIN probed the table's key once per attainment
/// figure, 2 M index probes and half of the latest-attainment read's 30 s at 10 M observations (docs/performance.md).
/// The plan's shape is asserted, not a time: no scan of fact_geheimhaltung runs once per figure (only a set of areas,
/// which has no verdict row of its own, still looks its members up).
/// </summary>
public sealed class PostgresLatestAttainmentPlanFacts(PostgresServer server) : IAsyncLifetime
{
    private const int ExtraQuarters = 40;
    private string? _database;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_database is not null)
        {
            await server.DropDatabaseAsync(_database);
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_latest_attainment_read_looks_verdicts_up_per_figure_only_for_sets_of_areas()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresLatestAttainmentPlanFacts));
        using var inbox = new OperationsInbox(withSamples: false);
        var warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        var run = PipelineRun.Prepare(inbox.Options(new WarehouseSettings("postgresql", _database), moveFiles: false), warehouse, OperationsInbox.Logger(), TimeProvider.System);
        await run.InitialiseAsync(Token);
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Token);
        // Every indicator in every area, twelve months of 2017, each cell assessed: shown, except March in every tenth area.
        await connection.ExecuteAsync(
            """
            INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
            SELECT 'quartier:test-' || n, 'Testquartier ' || n, 'quartier',
                   (SELECT bereich_code FROM dwh.dim_bereich WHERE ebene = 'stadtbezirk' ORDER BY bereich_code LIMIT 1)
            FROM generate_series(1, @extra) n;
            DELETE FROM dwh.fact_zielerreichung;
            DELETE FROM dwh.fact_geheimhaltung;
            INSERT INTO dwh.fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, berechnet_um)
            SELECT i.indikator_code, make_date(2017, m, 1), b.bereich_code, 10, 120, 10 * m, 1, 'gruen', now()
            FROM dwh.dim_indikator i CROSS JOIN dwh.dim_bereich b CROSS JOIN generate_series(1, 12) m;
            INSERT INTO dwh.fact_geheimhaltung (indikator_code, bereich_code, monat, geheim)
            SELECT z.indikator_code, z.bereich_code, z.monat,
                   CASE WHEN extract(month FROM z.monat) = 3 AND b.nr % 10 = 0 THEN 1 ELSE 0 END
            FROM dwh.fact_zielerreichung z
            JOIN (SELECT bereich_code, ROW_NUMBER() OVER (ORDER BY bereich_code) AS nr FROM dwh.dim_bereich) b ON b.bereich_code = z.bereich_code
            WHERE z.bereich_code NOT IN (SELECT menge_code FROM dwh.dim_bereich_menge);
            ANALYZE dwh.fact_zielerreichung;
            ANALYZE dwh.fact_geheimhaltung;
            """, new { extra = ExtraQuarters });
        var figures = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.fact_zielerreichung");
        var setFigures = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM dwh.fact_zielerreichung WHERE bereich_code IN (SELECT menge_code FROM dwh.dim_bereich_menge)");
        var setMembers = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.dim_bereich_menge");

        await using var transaction = await connection.BeginTransactionAsync(Token);
        await connection.ExecuteAsync(PostgresSql.PrepareAttainmentRead, transaction: transaction);
        var plan = await connection.ExecuteScalarAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + PostgresSql.LatestAttainment, transaction: transaction);
        await transaction.RollbackAsync(Token);

        using var json = JsonDocument.Parse(plan!);
        var scans = Nodes(json.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "fact_geheimhaltung")
            .Select(n => n.GetProperty("Actual Loops").GetInt64())
            .ToList();
        Assert.True(figures > 60_000, $"{figures} Zielerreichungswerte");
        Assert.InRange(setFigures * setMembers, 0, figures / 10);
        Assert.NotEmpty(scans);
        // A set's figure looks up each of its members' cells; every other figure is answered from the hash (one scan).
        Assert.All(scans, loops => Assert.InRange(loops, 0, Math.Max(setFigures * setMembers, 1)));
        Assert.DoesNotContain(Nodes(json.RootElement[0].GetProperty("Plan")), n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "fact_beobachtung");
    }

    private static IEnumerable<JsonElement> Nodes(JsonElement node) =>
        node.TryGetProperty("Plans", out var children)
            ? [node, .. children.EnumerateArray().SelectMany(Nodes)]
            : [node];
}
