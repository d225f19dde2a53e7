using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Tests.Operations;
using Bielefeld.Etl.Tests.Warehouse.Postgres;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;
using Npgsql;

namespace Bielefeld.Etl.Tests.Reliability;

/// <summary>
/// The latest attainment (what <c>run</c> prints and the nightly summary compares) is kept per indicator and area when
/// attainment is recomputed and read as a lookup: at 66 k attainment figures a correlated subquery over rpt.zielerreichung
/// ran into the 30 s command timeout and ended <c>run</c> with exit code 255 after its loads had committed, and at 2 M
/// figures (10 M observations) one pass over the view with two windows still took 20 s (docs/performance.md).
/// </summary>
public sealed class LatestAttainmentScaleSpecs(PostgresServer server) : IAsyncLifetime
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
    public async Task The_latest_attainment_of_every_indicator_and_area_is_read_as_kept_at_66_thousand_figures()
    {
        var warehouse = await PrepareAsync();
        int indicators, areas;
        await using (var connection = new NpgsqlConnection(_database))
        {
            // Every indicator in every area (the catalog's 25 and 40 more Quartiere), twelve months of 2017; an actual of
            // 10 (no small count to hide) in every month, except December in every other area.
            await connection.ExecuteAsync(
                """
                DELETE FROM dwh.fact_zielerreichung;
                INSERT INTO dwh.fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, berechnet_um)
                SELECT i.indikator_code, make_date(2017, m, 1), b.bereich_code,
                       CASE WHEN m = 12 AND b.nr % 2 = 0 THEN NULL ELSE 10 END, 120, 10 * m, 1, 'gruen', now()
                FROM dwh.dim_indikator i
                CROSS JOIN (SELECT bereich_code, ROW_NUMBER() OVER (ORDER BY bereich_code) AS nr FROM dwh.dim_bereich) b
                CROSS JOIN generate_series(1, 12) m;
                ANALYZE dwh.fact_zielerreichung;
                """);
            await KeepLatestAsync(connection);
            indicators = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM dwh.dim_indikator");
            areas = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM dwh.dim_bereich");
            Assert.Equal(indicators * areas * 12L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.fact_zielerreichung"));
        }

        List<(string, string, string)> expected;
        await using (var connection = new NpgsqlConnection(_database))
        {
            // The plain definition, for comparison: per indicator and area the latest month whose actual the view shows.
            expected = [.. await connection.QueryAsync<(string, string, string)>(
                """
                SELECT z.indikator_code, z.bereich, to_char(z.monat, 'YYYY-MM-DD') FROM rpt.zielerreichung z
                JOIN (SELECT indikator_code, bereich_code, MAX(monat) AS monat FROM rpt.zielerreichung WHERE istwert IS NOT NULL
                      GROUP BY indikator_code, bereich_code) l ON l.indikator_code = z.indikator_code AND l.bereich_code = z.bereich_code AND l.monat = z.monat
                ORDER BY 1, 2, 3
                """)];
        }

        var clock = Stopwatch.StartNew();
        var latest = await warehouse.LatestAttainmentAsync(Token);
        clock.Stop();

        Assert.True(indicators * areas * 12 > 60_000, $"{indicators * areas * 12} Zielerreichungswerte");
        Assert.True(expected.Count > 5_000, $"{expected.Count} Indikatoren × Bereiche");
        Assert.Equal(expected.Order().ToList(), latest.Select(r => (r.IndikatorCode, r.Bereich, r.Monat.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))).Order().ToList());
        Assert.Contains(latest, r => r.Monat == new DateOnly(2017, 11, 1));
        Assert.Contains(latest, r => r.Monat == new DateOnly(2017, 12, 1));
        // Far below the command timeout (30 s) even on a shared machine; the correlated subquery took longer than that.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// Keeping an indicator's latest attainment reads rpt.zielerreichung, which looks a figure's cell up among the hidden
    /// cells, which are few, so one hash of them answers every figure. When the table held a verdict row per cell, the view probed its key once per attainment figure, 2 M
    /// index probes and half of the read's 30 s at 10 M observations (docs/performance.md). The plan's shape
    /// is asserted, not a time: no scan of fact_geheimhaltung runs once per figure (only a set of areas, which has no
    /// verdict row of its own, still looks its members up).
    /// </summary>
    [Fact]
    public async Task Keeping_the_latest_attainment_looks_verdicts_up_per_figure_only_for_sets_of_areas()
    {
        _ = await PrepareAsync();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Token);
        // Every indicator in every area, twelve months of 2017, each cell assessed and shown, except March in every tenth
        // area: the verdict table holds the hidden cells only.
        await FillFiguresAsync(connection);
        await connection.ExecuteAsync(
            """
            DELETE FROM dwh.fact_geheimhaltung;
            INSERT INTO dwh.fact_geheimhaltung (indikator_code, bereich_code, monat)
            SELECT z.indikator_code, z.bereich_code, z.monat
            FROM dwh.fact_zielerreichung z
            JOIN (SELECT bereich_code, ROW_NUMBER() OVER (ORDER BY bereich_code) AS nr FROM dwh.dim_bereich) b ON b.bereich_code = z.bereich_code
            WHERE z.bereich_code NOT IN (SELECT menge_code FROM dwh.dim_bereich_menge)
              AND extract(month FROM z.monat) = 3 AND b.nr % 10 = 0;
            ANALYZE dwh.fact_geheimhaltung;
            """);
        var figures = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.fact_zielerreichung");
        var indicator = await connection.ExecuteScalarAsync<string>("SELECT MIN(indikator_code) FROM dwh.fact_zielerreichung");
        // Two indicators, as a recomputation lists them (StoreLatestAttainmentOfIndicators): the list reaches the figures' key.
        string[] indicators = [indicator!, (await connection.ExecuteScalarAsync<string>("SELECT MAX(indikator_code) FROM dwh.fact_zielerreichung"))!];
        var indicatorFigures = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.fact_zielerreichung WHERE indikator_code = ANY(@indicators)", new { indicators });
        var setFigures = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM dwh.fact_zielerreichung WHERE indikator_code = ANY(@indicators) AND bereich_code IN (SELECT menge_code FROM dwh.dim_bereich_menge)", new { indicators });
        var setMembers = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.dim_bereich_menge");

        await using var transaction = await connection.BeginTransactionAsync(Token);
        await connection.ExecuteAsync(PostgresSql.PrepareRecomputation, transaction: transaction);
        // The statement after the DELETE: the INSERT that reads the view, for two indicators with figures in every area.
        var store = PostgresSql.StoreLatestAttainmentOfIndicators[(PostgresSql.StoreLatestAttainmentOfIndicators.IndexOf(';', StringComparison.Ordinal) + 1)..];
        var plan = await connection.ExecuteScalarAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + store, new { indicators }, transaction);
        await transaction.RollbackAsync(Token);

        using var json = JsonDocument.Parse(plan!);
        var scans = Nodes(json.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "fact_geheimhaltung")
            .Select(n => n.GetProperty("Actual Loops").GetInt64())
            .ToList();
        Assert.True(figures > 60_000, $"{figures} Zielerreichungswerte");
        Assert.InRange(setFigures * setMembers, 0, indicatorFigures / 2);
        Assert.NotEmpty(scans);
        // A set's figure looks up each of its members' cells; every other figure is answered from the hash (one scan).
        Assert.All(scans, loops => Assert.InRange(loops, 0, Math.Max(setFigures * setMembers, 1)));
        Assert.DoesNotContain(Nodes(json.RootElement[0].GetProperty("Plan")), n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "fact_beobachtung");
        // The view's windows partition by indicator, so only these indicators' figures are read, not all of them.
        Assert.All(
            Nodes(json.RootElement[0].GetProperty("Plan")).Where(n => n.TryGetProperty("Relation Name", out var r) && r.GetString() == "fact_zielerreichung"),
            n => Assert.Equal(indicatorFigures, n.GetProperty("Actual Rows").GetInt64() * n.GetProperty("Actual Loops").GetInt64()));
    }

    /// <summary>
    /// The latest attainment is a lookup of the rows kept per indicator and area: its plan reads neither the attainment
    /// figures nor the verdicts (two windows over every figure took 20 s at 10 M observations), whatever their number.
    /// </summary>
    [Fact]
    public async Task The_latest_attainment_read_scans_neither_the_attainment_figures_nor_the_verdicts()
    {
        _ = await PrepareAsync();
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync(Token);
        await FillFiguresAsync(connection);
        await KeepLatestAsync(connection);
        var kept = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM dwh.zielerreichung_letzte");

        var plan = await connection.ExecuteScalarAsync<string>("EXPLAIN (ANALYZE, FORMAT JSON) " + PostgresSql.LatestAttainment);

        using var json = JsonDocument.Parse(plan!);
        var relations = Nodes(json.RootElement[0].GetProperty("Plan"))
            .Where(n => n.TryGetProperty("Relation Name", out _)).Select(n => n.GetProperty("Relation Name").GetString()).ToHashSet();
        Assert.True(kept > 5_000, $"{kept} Indikatoren × Bereiche");
        Assert.Contains("zielerreichung_letzte", relations);
        Assert.DoesNotContain("fact_zielerreichung", relations);
        Assert.DoesNotContain("fact_geheimhaltung", relations);
        Assert.DoesNotContain("fact_beobachtung", relations);
        // One row per indicator and area comes out of the plan's top: nothing is read per figure.
        Assert.Equal(kept, json.RootElement[0].GetProperty("Plan").GetProperty("Actual Rows").GetInt64());
    }

    /// <summary>Every indicator in every area, twelve months of 2017, an actual of 10 in each (no small count).</summary>
    private static Task<int> FillFiguresAsync(NpgsqlConnection connection) => connection.ExecuteAsync(
        """
        DELETE FROM dwh.fact_zielerreichung;
        INSERT INTO dwh.fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, berechnet_um)
        SELECT i.indikator_code, make_date(2017, m, 1), b.bereich_code, 10, 120, 10 * m, 1, 'gruen', now()
        FROM dwh.dim_indikator i CROSS JOIN dwh.dim_bereich b CROSS JOIN generate_series(1, 12) m;
        ANALYZE dwh.fact_zielerreichung;
        """);

    /// <summary>Keeps the latest attainment of every indicator as a recomputation of all of them keeps it, in one statement.</summary>
    private static async Task<int> KeepLatestAsync(NpgsqlConnection connection) =>
        await connection.ExecuteAsync(
            PostgresSql.StoreLatestAttainmentOfIndicators,
            new { indicators = (await connection.QueryAsync<string>(PostgresSql.LatestAttainmentIndicators)).ToArray() });

    private static IEnumerable<JsonElement> Nodes(JsonElement node) =>
        node.TryGetProperty("Plans", out var children)
            ? [node, .. children.EnumerateArray().SelectMany(Nodes)]
            : [node];

    /// <summary>
    /// A PostgreSQL warehouse with the catalog's indicators and areas and <see cref="ExtraQuarters"/> more Quartiere,
    /// so that indicators × areas × twelve months make more than 60 k attainment figures.
    /// </summary>
    private async Task<PostgresWarehouse> PrepareAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(LatestAttainmentScaleSpecs));
        using var inbox = new OperationsInbox(withSamples: false);
        var warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        var run = PipelineRun.Prepare(inbox.Options(new WarehouseSettings("postgresql", _database), moveFiles: false), warehouse, OperationsInbox.Logger(), TimeProvider.System);
        await run.InitialiseAsync(Token);
        await using var connection = new NpgsqlConnection(_database);
        await connection.ExecuteAsync(
            """
            INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
            SELECT 'quartier:test-' || n, 'Testquartier ' || n, 'quartier',
                   (SELECT bereich_code FROM dwh.dim_bereich WHERE ebene = 'stadtbezirk' ORDER BY bereich_code LIMIT 1)
            FROM generate_series(1, @extra) n
            """, new { extra = ExtraQuarters });
        return warehouse;
    }
}
