-- The small-count rule for cells (docs/data-dictionary.md, "Small counts"), written only here: which cells of the
-- indicators listed in geheimhaltung_auftrag are hidden. A recomputation of attainment stores its verdicts in
-- fact_geheimhaltung; every other view reads them from there by key. What a small count is comes from
-- geheimhaltung_schwelle, like everywhere else.
CREATE VIEW geheimhaltung_regel AS
-- Every step of the rule acts within one indicator and month, and hides nothing in a month without a primary cell. A
-- Quartier's cell can be primary only where one of its values is a small count or negative: a sum of values that are
-- each niemand (no person) or at least gezeigt_ab is itself niemand or at least gezeigt_ab. So the rule runs through
-- the months holding such a value only (one pass over the current values in key order), and every cell of the other
-- months is shown (the last branch, which the assessment, asking for the hidden cells only, never evaluates), as
-- PostgreSQL's rule does. In the bench (1 M values, 20 suspicious months of 1,200) the assessment's CPU fell from
-- 4.4-4.8 s to 1.8-1.9 s; where every month holds a small count it costs that pass more, about a third
-- (docs/performance.md).
WITH verdaechtig AS MATERIALIZED (
    SELECT o.indikator_code, o.monat
    FROM geheimhaltung_auftrag a
    CROSS JOIN dim_indikator i ON i.indikator_code = a.indikator_code
    CROSS JOIN fact_beobachtung o ON o.indikator_code = a.indikator_code
    CROSS JOIN dim_bereich b ON b.bereich_code = o.bereich_code
    CROSS JOIN geheimhaltung_schwelle s
    WHERE o.ersetzt_durch_datei_id IS NULL AND b.ebene = 'quartier' AND i.art IN ('anzahl', 'bestand', 'quote')
      AND ((o.wert < s.gezeigt_ab AND o.wert <> s.niemand) OR (o.zaehler < s.gezeigt_ab AND o.zaehler <> s.niemand)
        OR (o.nenner < s.gezeigt_ab AND o.nenner <> s.niemand))
    GROUP BY a.indikator_code, o.monat
),
-- Only what the verdict needs travels through the rule's sorts: the cell's key, its level and parent, its group (the
-- indicator, month and Stadtbezirk it is tested with: a Quartier's group is its Stadtbezirk, any other area's its
-- own), and the persons it counts, twice: teil_a the value (anzahl, bestand) or numerator, teil_b the value or
-- denominator (0 where the source suppressed a contributing value, as the figure is then not shown at all).
zelle AS (
    SELECT o.indikator_code,
           o.monat,
           o.bereich_code,
           b.ebene,
           b.eltern_bereich_code,
           -- One text for the group, so that the tests below find a cell's group with one IN (a row value is not
           -- looked up by index there); char(31), the unit separator, occurs in no code.
           o.indikator_code || char(31) || o.monat || char(31)
               || CASE WHEN b.ebene = 'quartier' THEN COALESCE(b.eltern_bereich_code, '') ELSE o.bereich_code END AS gruppe,
           CASE WHEN i.art IN ('anzahl', 'bestand', 'quote') THEN 1 ELSE 0 END AS personen,
           MAX(o.unterdrueckt) AS quelle_unterdrueckt,
           CASE WHEN MAX(o.unterdrueckt) = 1 THEN 0 ELSE COALESCE(CASE WHEN i.art = 'quote' THEN SUM(o.zaehler) ELSE SUM(o.wert) END, 0) END AS teil_a,
           CASE WHEN MAX(o.unterdrueckt) = 1 THEN 0 ELSE COALESCE(CASE WHEN i.art = 'quote' THEN SUM(o.nenner) ELSE SUM(o.wert) END, 0) END AS teil_b
    -- CROSS JOIN keeps this order in SQLite: the listed indicators first, then their values by the key index, whose
    -- order (indicator, month, area) the grouping follows, so the cells stream out without a sort; the values of the
    -- other months fail the month's test. Driven from the suspicious months instead, SQLite grouped their cells in a
    -- temporary B-tree, which costs more than it saves where most months hold a small count.
    FROM geheimhaltung_auftrag a
    CROSS JOIN dim_indikator i ON i.indikator_code = a.indikator_code
    CROSS JOIN fact_beobachtung o ON o.indikator_code = a.indikator_code
    CROSS JOIN dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
      AND EXISTS (SELECT 1 FROM verdaechtig v WHERE v.indikator_code = o.indikator_code AND v.monat = o.monat)
    GROUP BY a.indikator_code, o.monat, o.bereich_code
),
klein AS MATERIALIZED (
    -- The bounds travel with the cells to the district's tests below: one join here, not one per step.
    SELECT z.*,
           s.niemand,
           s.gezeigt_ab,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1
                 AND ((z.teil_a > s.niemand AND z.teil_a < s.gezeigt_ab) OR (z.teil_b > s.niemand AND z.teil_b < s.gezeigt_ab)) THEN 1 ELSE 0 END AS primaer,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1 AND z.quelle_unterdrueckt = 0
                 AND NOT ((z.teil_a > s.niemand AND z.teil_a < s.gezeigt_ab) OR (z.teil_b > s.niemand AND z.teil_b < s.gezeigt_ab))
                 AND z.teil_a + z.teil_b > s.niemand THEN 1 ELSE 0 END AS kandidat
    FROM zelle z
    CROSS JOIN geheimhaltung_schwelle s
),
-- The groups holding a primary cell. Steps 2 and 3 act only there: a group without one hides no Quartier, and its
-- Stadtbezirk's figure stays (its Quartiere hide nothing to protect). So only these groups go through the windows'
-- sort; every other cell's verdict is its primary flag, 0 (the city's is settled last, from its districts).
betroffen AS MATERIALIZED (
    SELECT gruppe FROM klein WHERE primaer = 1
),
-- One sort per group serves every window. A Stadtbezirk's figure joins its own group (it adds no primary cell and no
-- candidate), so the district's verdict is read from the same window. The candidates come first, smallest first: the
-- running sums before a candidate hold only candidates.
vorher AS (
    SELECT k.*,
           SUM(k.primaer) OVER bezirk AS g_primaer,
           SUM(k.primaer * k.teil_a) OVER bezirk AS g_verborgen_a,
           SUM(k.primaer * k.teil_b) OVER bezirk AS g_verborgen_b,
           SUM(k.kandidat * k.teil_a) OVER bezirk AS g_offen_a,
           SUM(k.kandidat * k.teil_b) OVER bezirk AS g_offen_b,
           COALESCE(SUM(k.teil_a) OVER davor, 0) AS vorher_a,
           COALESCE(SUM(k.teil_b) OVER davor, 0) AS vorher_b
    FROM klein k
    WHERE k.gruppe IN betroffen
    WINDOW reihe AS (PARTITION BY k.gruppe ORDER BY k.kandidat DESC, k.teil_b, k.teil_a, k.bereich_code),
           bezirk AS (reihe ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
           davor AS (reihe ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
-- Stadtbezirke whose Quartiere cannot hide 3 persons between them even when all are hidden (step 3).
bezirk AS MATERIALIZED (
    SELECT v.*,
           CASE WHEN v.ebene = 'stadtbezirk' AND v.g_primaer > 0
                 AND ((v.g_verborgen_a + v.g_offen_a > v.niemand AND v.g_verborgen_a + v.g_offen_a < v.gezeigt_ab)
                   OR (v.g_verborgen_b + v.g_offen_b > v.niemand AND v.g_verborgen_b + v.g_offen_b < v.gezeigt_ab)) THEN 1 ELSE 0 END AS ungeschuetzt
    FROM vorher v
),
-- The cities whose figure of the month would give such a Stadtbezirk back (the city minus the other districts).
stadt AS MATERIALIZED (
    SELECT DISTINCT indikator_code, monat, eltern_bereich_code AS bereich_code FROM bezirk WHERE ungeschuetzt = 1
),
geheim AS (
    SELECT v.indikator_code, v.bereich_code, v.monat, v.ebene, v.personen,
           CASE WHEN v.primaer = 1 THEN 1
                WHEN v.kandidat = 1 AND v.g_primaer > 0
                 AND ((v.g_verborgen_a + v.vorher_a > v.niemand AND v.g_verborgen_a + v.vorher_a < v.gezeigt_ab)
                   OR (v.g_verborgen_b + v.vorher_b > v.niemand AND v.g_verborgen_b + v.vorher_b < v.gezeigt_ab)) THEN 1
                WHEN v.ebene = 'stadtbezirk' AND v.personen = 1 AND v.ungeschuetzt = 1 THEN 1
                ELSE 0
           END AS geheim
    FROM bezirk v
    UNION ALL
    SELECT k.indikator_code, k.bereich_code, k.monat, k.ebene, k.personen, 0
    FROM klein k
    WHERE k.gruppe NOT IN betroffen
)
SELECT g.indikator_code,
       g.bereich_code,
       g.monat,
       CASE WHEN g.ebene = 'stadt' AND g.personen = 1
             AND EXISTS (SELECT 1 FROM stadt c WHERE c.indikator_code = g.indikator_code AND c.monat = g.monat AND c.bereich_code = g.bereich_code) THEN 1
            ELSE g.geheim
       END AS geheim
FROM geheim g
UNION ALL
SELECT o.indikator_code, o.bereich_code, o.monat, 0
FROM geheimhaltung_auftrag a
CROSS JOIN dim_indikator i ON i.indikator_code = a.indikator_code
CROSS JOIN fact_beobachtung o ON o.indikator_code = a.indikator_code
CROSS JOIN dim_bereich b ON b.bereich_code = o.bereich_code
WHERE o.ersetzt_durch_datei_id IS NULL
  AND NOT EXISTS (SELECT 1 FROM verdaechtig v WHERE v.indikator_code = o.indikator_code AND v.monat = o.monat)
GROUP BY a.indikator_code, o.monat, o.bereich_code;
