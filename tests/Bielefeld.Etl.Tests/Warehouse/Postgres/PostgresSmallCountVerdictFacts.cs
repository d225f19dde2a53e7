using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Warehouse.Postgres;
using Dapper;

namespace Bielefeld.Etl.Tests.Warehouse.Postgres;

/// <summary>
/// The small-count rule on PostgreSQL windows only the groups holding a primary cell (docs/performance.md, "Attainment
/// on PostgreSQL"). Its verdicts stay those of the rule that windowed every cell: on a generated warehouse with small
/// counts in every step of the rule (primary cells, candidates, unprotected Stadtbezirke and their city, a Quartier
/// without a Stadtbezirk, values suppressed by the source, cells of two series, an indicator counting no persons) the
/// figures below are the earlier statement's, measured before the change.
/// </summary>
public sealed class PostgresSmallCountVerdictFacts(PostgresServer server) : IAsyncLifetime
{
    private const string Warehouse =
        """
        INSERT INTO dwh.dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit) VALUES ('KZ', 2017, 'Kleine Zahlen', 'Sozialplanung');
        INSERT INTO dwh.dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art)
        VALUES ('KZ-ANZAHL', 'KZ', 'Anzahl', 'Personen', 'anzahl'), ('KZ-QUOTE', 'KZ', 'Quote', '%', 'quote'), ('KZ-BETRAG', 'KZ', 'Betrag', 'EUR', 'betrag');
        INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES ('KZ-S', 'Stadt', 'stadt', NULL);
        INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
        SELECT 'KZ-B' || b, 'Bezirk ' || b, 'stadtbezirk', 'KZ-S' FROM generate_series(1, 6) b;
        INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
        SELECT 'KZ-B' || b || '-Q' || q, 'Quartier ' || b || '.' || q, 'quartier', 'KZ-B' || b FROM generate_series(1, 6) b, generate_series(1, 5) q
        UNION ALL SELECT 'KZ-QX', 'Quartier ohne Bezirk', 'quartier', NULL;
        -- 24 months of every area and indicator; Quartiere mostly 0 to 9 persons (every third a small count), the districts and
        -- the city larger; the Quartiere of one district (of another every third month) hold a single small count, some values suppressed by the source, some cells delivered as two series.
        INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datei_id)
        SELECT i.indikator_code, make_date(2017, 1, 1) + make_interval(months => m), a.bereich_code, 'kz', s.serie,
               CASE WHEN u THEN NULL ELSE v END,
               CASE WHEN i.art = 'quote' AND NOT u THEN v END,
               CASE WHEN i.art = 'quote' AND NOT u THEN v + (m + n) % 4 END,
               u, @fileId
        FROM dwh.dim_indikator i
        CROSS JOIN (SELECT bereich_code, ebene, eltern_bereich_code, row_number() OVER (ORDER BY bereich_code) AS n FROM dwh.dim_bereich WHERE bereich_code LIKE 'KZ-%') a
        CROSS JOIN generate_series(0, 23) m
        CROSS JOIN LATERAL (SELECT (m * 7 + a.n * 11 + length(i.indikator_code) * 3) % 31 = 0 AS u,
                                   CASE WHEN a.ebene = 'quartier' AND (a.eltern_bereich_code = 'KZ-B6' OR (a.eltern_bereich_code = 'KZ-B5' AND m % 3 = 0))
                                                THEN CASE WHEN a.bereich_code LIKE '%-Q1' THEN 1 + m % 2 ELSE 0 END
                                                ELSE CASE a.ebene WHEN 'quartier' THEN (m * 5 + a.n * 3 + length(i.indikator_code)) % 10
                                                WHEN 'stadtbezirk' THEN 3 + (m + a.n) % 9 ELSE 40 + m END END AS v) x
        CROSS JOIN LATERAL (SELECT 'KZ:1' AS serie UNION ALL SELECT 'KZ:2' WHERE (m + a.n) % 5 = 0) s
        WHERE i.indikator_code LIKE 'KZ-%';
        INSERT INTO dwh.geheimhaltung_auftrag (indikator_code) VALUES ('KZ-ANZAHL'), ('KZ-QUOTE'), ('KZ-BETRAG');
        """;

    private const string Verdicts =
        """
        SELECT COUNT(*) AS zellen,
               COUNT(*) FILTER (WHERE r.geheim = 1) AS geheim,
               COUNT(*) FILTER (WHERE r.geheim = 1 AND b.ebene = 'quartier') AS quartiere,
               COUNT(*) FILTER (WHERE r.geheim = 1 AND b.ebene = 'stadtbezirk') AS bezirke,
               COUNT(*) FILTER (WHERE r.geheim = 1 AND b.ebene = 'stadt') AS stadt,
               md5(string_agg(r.indikator_code || ' ' || r.bereich_code || ' ' || r.monat, ',' ORDER BY r.indikator_code, r.bereich_code, r.monat) FILTER (WHERE r.geheim = 1)) AS verdikte
        FROM dwh.geheimhaltung_regel r JOIN dwh.dim_bereich b ON b.bereich_code = r.bereich_code
        """;

    private string _database = "";
    private PostgresWarehouse _warehouse = null!;

    public async ValueTask InitializeAsync()
    {
        _database = await server.CreateDatabaseAsync(nameof(PostgresSmallCountVerdictFacts));
        _warehouse = new PostgresWarehouse(_database, TimeProvider.System);
        _warehouse.Migrate();
    }

    public async ValueTask DisposeAsync() => await server.DropDatabaseAsync(_database);

    [Fact]
    public async Task Windowing_only_the_groups_with_a_primary_cell_gives_the_verdicts_of_the_rule_that_windowed_every_cell()
    {
        var fileId = await SmallCountFile.LoadAsync(_warehouse);
        await using var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken);
        await connection.ExecuteAsync(Warehouse, new { fileId });

        var (cells, hidden, quarters, districts, city, keys) =
            await connection.QuerySingleAsync<(long, long, long, long, long, string)>(Verdicts);

        Assert.Equal(2736, cells);
        Assert.Equal(602, hidden);
        Assert.Equal(503, quarters);
        Assert.Equal(55, districts);
        Assert.Equal(44, city);
        // The hidden cells' keys, in key order, as the earlier statement gave them.
        Assert.Equal("73a9f753025b3ae3a64177d151b3e5d0", keys);
    }

    [Fact]
    public async Task The_monthly_actuals_of_several_indicators_read_in_one_statement_are_those_read_indicator_by_indicator()
    {
        var fileId = await SmallCountFile.LoadAsync(_warehouse);
        await using (var connection = await _warehouse.OpenAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync(Warehouse, new { fileId });
        }

        var (from, to) = (new DateOnly(2017, 1, 1), new DateOnly(2017, 12, 1));
        var together = await _warehouse.CurrentMonthlyActualsAsync(["KZ-QUOTE", "KZ-ANZAHL", "KZ-BETRAG"], from, to, TestContext.Current.CancellationToken);
        var oneByOne = new List<(string, string, MonthlyActual)>();
        foreach (var indicator in new[] { "KZ-ANZAHL", "KZ-BETRAG", "KZ-QUOTE" })
        {
            oneByOne.AddRange(await _warehouse.CurrentMonthlyActualsAsync([indicator], from, to, TestContext.Current.CancellationToken));
        }

        Assert.Equal(oneByOne, together);
        Assert.Equal(1368, together.Count);
        Assert.Equal(["KZ-ANZAHL", "KZ-BETRAG", "KZ-QUOTE"], together.Select(f => f.IndicatorCode).Distinct());
        Assert.Equal(42, together.Count(f => f.Actual.Suppressed));
        Assert.Equal(8308m, together.Sum(f => f.Actual.Value ?? 0));
        Assert.Equal(2830m, together.Sum(f => f.Actual.Numerator ?? 0));
        Assert.Equal(3626m, together.Sum(f => f.Actual.Denominator ?? 0));
        // Two series of one cell are summed.
        var may = Assert.Single(together, f => f is { IndicatorCode: "KZ-QUOTE", AreaCode: "KZ-B1" } && f.Actual.Month == new DateOnly(2017, 5, 1));
        Assert.Equal(((decimal?)16m, (decimal?)16m, (decimal?)18m), (may.Actual.Value, may.Actual.Numerator, may.Actual.Denominator));
    }
}
