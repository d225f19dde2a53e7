using System.Security.Cryptography;
using System.Text;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Tests.Warehouse.Sqlite;

/// <summary>
/// The small-count rule on SQLite runs only through the months holding a value that could make a small count, as
/// PostgreSQL's does (docs/performance.md, "The small-count rule on SQLite through the suspicious months only (issue
/// 19)"). Its verdicts stay those of the rule that grouped every cell: on the warehouse
/// <see cref="Postgres.PostgresSmallCountVerdictFacts"/> generates (small counts in every step of the rule, a Quartier
/// without a Stadtbezirk, values suppressed by the source, cells of two series, an indicator counting no persons),
/// written here for SQLite, the figures below are the earlier view's, measured before the change, and PostgreSQL's.
/// </summary>
public sealed class SqliteSmallCountVerdictFacts : IDisposable
{
    private const string Warehouse =
        """
        INSERT INTO dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit) VALUES ('KZ', 2017, 'Kleine Zahlen', 'Sozialplanung');
        INSERT INTO dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art)
        VALUES ('KZ-ANZAHL', 'KZ', 'Anzahl', 'Personen', 'anzahl'), ('KZ-QUOTE', 'KZ', 'Quote', '%', 'quote'), ('KZ-BETRAG', 'KZ', 'Betrag', 'EUR', 'betrag');
        INSERT INTO dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES ('KZ-S', 'Stadt', 'stadt', NULL);
        INSERT INTO dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
        WITH RECURSIVE b(b) AS (SELECT 1 UNION ALL SELECT b + 1 FROM b WHERE b < 6)
        SELECT 'KZ-B' || b, 'Bezirk ' || b, 'stadtbezirk', 'KZ-S' FROM b;
        INSERT INTO dim_bereich (bereich_code, name, ebene, eltern_bereich_code)
        WITH RECURSIVE b(b) AS (SELECT 1 UNION ALL SELECT b + 1 FROM b WHERE b < 6), q(q) AS (SELECT 1 UNION ALL SELECT q + 1 FROM q WHERE q < 5)
        SELECT 'KZ-B' || b || '-Q' || q, 'Quartier ' || b || '.' || q, 'quartier', 'KZ-B' || b FROM b, q
        UNION ALL SELECT 'KZ-QX', 'Quartier ohne Bezirk', 'quartier', NULL;
        INSERT INTO fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datei_id)
        WITH RECURSIVE m(m) AS (SELECT 0 UNION ALL SELECT m + 1 FROM m WHERE m < 23),
        a AS (SELECT bereich_code, ebene, eltern_bereich_code, row_number() OVER (ORDER BY bereich_code) AS n FROM dim_bereich WHERE bereich_code LIKE 'KZ-%'),
        x AS (
            SELECT i.indikator_code, i.art, m.m, a.bereich_code, a.n,
                   (m.m * 7 + a.n * 11 + length(i.indikator_code) * 3) % 31 = 0 AS u,
                   CASE WHEN a.ebene = 'quartier' AND (a.eltern_bereich_code = 'KZ-B6' OR (a.eltern_bereich_code = 'KZ-B5' AND m.m % 3 = 0))
                        THEN CASE WHEN a.bereich_code LIKE '%-Q1' THEN 1 + m.m % 2 ELSE 0 END
                        ELSE CASE a.ebene WHEN 'quartier' THEN (m.m * 5 + a.n * 3 + length(i.indikator_code)) % 10
                                          WHEN 'stadtbezirk' THEN 3 + (m.m + a.n) % 9 ELSE 40 + m.m END END AS v
            FROM dim_indikator i CROSS JOIN a CROSS JOIN m
            WHERE i.indikator_code LIKE 'KZ-%'
        ),
        s(serie, nur_fuenfte) AS (SELECT 'KZ:1', 0 UNION ALL SELECT 'KZ:2', 1)
        SELECT x.indikator_code, date('2017-01-01', '+' || x.m || ' months'), x.bereich_code, 'kz', s.serie,
               CASE WHEN x.u THEN NULL ELSE x.v END,
               CASE WHEN x.art = 'quote' AND NOT x.u THEN x.v END,
               CASE WHEN x.art = 'quote' AND NOT x.u THEN x.v + (x.m + x.n) % 4 END,
               x.u, @fileId
        FROM x CROSS JOIN s
        WHERE s.nur_fuenfte = 0 OR (x.m + x.n) % 5 = 0;
        INSERT INTO geheimhaltung_auftrag (indikator_code) VALUES ('KZ-ANZAHL'), ('KZ-QUOTE'), ('KZ-BETRAG');
        """;

    private readonly TemporaryDirectory _folder = new();
    private readonly SqliteWarehouse _warehouse;

    public SqliteSmallCountVerdictFacts()
    {
        _warehouse = new SqliteWarehouse($"Data Source={_folder.File("warehouse.db")};Pooling=False", TimeProvider.System);
        _warehouse.Migrate();
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Running_the_rule_through_the_months_with_a_possible_small_count_only_gives_the_verdicts_of_the_rule_that_grouped_every_cell()
    {
        var fileId = await SmallCountFile.LoadAsync(_warehouse);
        await using var connection = new SqliteConnection($"Data Source={_folder.File("warehouse.db")};Pooling=False");
        await connection.ExecuteAsync(Warehouse, new { fileId });

        var verdicts = (await connection.QueryAsync<(string Indicator, string Area, string Month, long Hidden, string Level)>(
            """
            SELECT r.indikator_code, r.bereich_code, r.monat, r.geheim, b.ebene
            FROM geheimhaltung_regel r JOIN dim_bereich b ON b.bereich_code = r.bereich_code
            ORDER BY r.indikator_code, r.bereich_code, r.monat
            """)).ToList();
        var hidden = verdicts.Where(v => v.Hidden == 1).ToList();

        Assert.Equal(2736, verdicts.Count);
        Assert.Equal(602, hidden.Count);
        Assert.Equal(503, hidden.Count(v => v.Level == "quartier"));
        Assert.Equal(55, hidden.Count(v => v.Level == "stadtbezirk"));
        Assert.Equal(44, hidden.Count(v => v.Level == "stadt"));
        // The hidden cells' keys, in key order, as the earlier view (and PostgreSQL's rule) gave them.
        var keys = string.Join(",", hidden.Select(v => $"{v.Indicator} {v.Area} {v.Month}"));
        Assert.Equal("06f383616deec290010e8f7a453b87e6705ad24ba8e655129614c82a786df0ab", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(keys))));
    }
}
