-- The small-count rule for cells (docs/data-dictionary.md, "Small counts"), written only here: which cells of the
-- indicators listed in dwh.geheimhaltung_auftrag are hidden. A recomputation of attainment stores its verdicts in
-- dwh.fact_geheimhaltung; every other view reads them from there by key. What a small count is comes from
-- dwh.geheimhaltung_schwelle, like everywhere else.
CREATE VIEW dwh.geheimhaltung_regel AS
WITH summe AS (
    SELECT o.indikator_code,
           i.massnahme_code,
           i.art,
           o.monat,
           o.bereich_code,
           b.name AS bereich,
           b.ebene,
           b.eltern_bereich_code,
           CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.wert) END AS wert,
           CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.zaehler) END AS zaehler,
           CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.nenner) END AS nenner,
           CAST(MAX(CAST(o.unterdrueckt AS int)) AS bit) AS unterdrueckt,
           COUNT(*) AS lieferungen,
           MAX(o.datenstand) AS datenstand
    FROM dwh.geheimhaltung_auftrag a
    JOIN dwh.fact_beobachtung o ON o.indikator_code = a.indikator_code
    JOIN dwh.dim_indikator i ON i.indikator_code = o.indikator_code
    JOIN dwh.dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, i.massnahme_code, i.art, o.monat, o.bereich_code, b.name, b.ebene, b.eltern_bereich_code
),
-- The persons a cell counts, twice: teil_a the value (anzahl, bestand) or numerator, teil_b the value or denominator.
zelle AS (
    SELECT s.*,
           CASE WHEN s.art IN ('anzahl', 'bestand', 'quote') THEN 1 ELSE 0 END AS personen,
           CASE WHEN s.unterdrueckt = 1 THEN 1 ELSE 0 END AS quelle_unterdrueckt,
           COALESCE(CASE WHEN s.art = 'quote' THEN s.zaehler ELSE s.wert END, 0) AS teil_a,
           COALESCE(CASE WHEN s.art = 'quote' THEN s.nenner ELSE s.wert END, 0) AS teil_b
    FROM summe s
),
klein AS (
    SELECT z.*,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1
                 AND ((z.teil_a > s.niemand AND z.teil_a < s.gezeigt_ab) OR (z.teil_b > s.niemand AND z.teil_b < s.gezeigt_ab)) THEN 1 ELSE 0 END AS primaer,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1 AND z.quelle_unterdrueckt = 0
                 AND NOT ((z.teil_a > s.niemand AND z.teil_a < s.gezeigt_ab) OR (z.teil_b > s.niemand AND z.teil_b < s.gezeigt_ab))
                 AND z.teil_a + z.teil_b > s.niemand THEN 1 ELSE 0 END AS kandidat
    FROM zelle z
    CROSS JOIN dwh.geheimhaltung_schwelle s
),
-- Per Stadtbezirk: what its primary cells hold, and what all its other Quartiere with persons could add.
gruppe AS (
    SELECT indikator_code,
           monat,
           eltern_bereich_code AS bezirk_code,
           SUM(primaer) AS primaer,
           SUM(primaer * teil_a) AS verborgen_a,
           SUM(primaer * teil_b) AS verborgen_b,
           SUM(kandidat * teil_a) AS offen_a,
           SUM(kandidat * teil_b) AS offen_b
    FROM klein
    WHERE ebene = 'quartier' AND personen = 1
    GROUP BY indikator_code, monat, eltern_bereich_code
),
-- Stadtbezirke whose Quartiere cannot hide 3 persons between them even when all are hidden.
ungeschuetzt AS (
    SELECT g.indikator_code, g.monat, g.bezirk_code, d.eltern_bereich_code AS stadt_code
    FROM gruppe g
    JOIN dwh.dim_bereich d ON d.bereich_code = g.bezirk_code
    CROSS JOIN dwh.geheimhaltung_schwelle s
    WHERE g.primaer > 0
      AND ((g.verborgen_a + g.offen_a > s.niemand AND g.verborgen_a + g.offen_a < s.gezeigt_ab)
        OR (g.verborgen_b + g.offen_b > s.niemand AND g.verborgen_b + g.offen_b < s.gezeigt_ab))
),
-- What the candidates before this one (smallest first) hold: a candidate is hidden while the hidden sum is 1 or 2.
vorher AS (
    SELECT k.*,
           COALESCE(SUM(k.teil_a) OVER (PARTITION BY k.indikator_code, k.monat, k.eltern_bereich_code, k.kandidat
                                        ORDER BY k.teil_b, k.teil_a, k.bereich_code
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS vorher_a,
           COALESCE(SUM(k.teil_b) OVER (PARTITION BY k.indikator_code, k.monat, k.eltern_bereich_code, k.kandidat
                                        ORDER BY k.teil_b, k.teil_a, k.bereich_code
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS vorher_b
    FROM klein k
),
geheim AS (
    SELECT v.*,
           CASE WHEN v.primaer = 1 THEN 1
                WHEN v.kandidat = 1 AND g.primaer > 0
                 AND ((g.verborgen_a + v.vorher_a > s.niemand AND g.verborgen_a + v.vorher_a < s.gezeigt_ab)
                   OR (g.verborgen_b + v.vorher_b > s.niemand AND g.verborgen_b + v.vorher_b < s.gezeigt_ab)) THEN 1
                WHEN v.ebene = 'stadtbezirk' AND v.personen = 1
                 AND EXISTS (SELECT 1 FROM ungeschuetzt u
                             WHERE u.indikator_code = v.indikator_code AND u.monat = v.monat AND u.bezirk_code = v.bereich_code) THEN 1
                WHEN v.ebene = 'stadt' AND v.personen = 1
                 -- whether the unprotected district has a figure: by the current values' key index, not by scanning
                 -- the sums of every cell once per city figure
                 AND EXISTS (SELECT 1 FROM ungeschuetzt u
                             JOIN dwh.fact_beobachtung d ON d.indikator_code = u.indikator_code AND d.monat = u.monat AND d.bereich_code = u.bezirk_code
                                                         AND d.ersetzt_durch_datei_id IS NULL
                             WHERE u.indikator_code = v.indikator_code AND u.monat = v.monat AND u.stadt_code = v.bereich_code) THEN 1
                ELSE 0
           END AS geheim
    FROM vorher v
    CROSS JOIN dwh.geheimhaltung_schwelle s
    LEFT JOIN gruppe g ON v.kandidat = 1 AND g.indikator_code = v.indikator_code AND g.monat = v.monat AND g.bezirk_code = v.eltern_bereich_code
)
SELECT indikator_code, massnahme_code, art, monat, bereich_code, bereich, ebene,
       wert, zaehler, nenner, unterdrueckt, lieferungen, datenstand, geheim
FROM geheim;
