-- Provenance of every figure of rpt_zielerreichung (issue 17), for stewards: one row per figure and file its actual was
-- computed from, with the plan sentence its target came from, the file's Datenstand and load time, and the stewards'
-- decisions on the file's rejected rows. A figure depends on the current values of its indicator in its area (a set of
-- areas: in its members) from the start of the target's period up to its month (stocks and published rates: the month
-- alone). It names files, so it lives in dwh, not rpt (BI readers see aggregates only).
-- Written so that a filter on the view reaches the figures: SQLite materialises a CTE used twice, so the first form
-- computed the provenance of every figure before it kept one area's (at 10 M observations, every figure of the
-- warehouse for one `report`). The values are found month by month: for each month and file with current values of
-- the indicator (aktuelle_werte_monat, kept at load time) one lookup of the area's cell in ux_beobachtung_aktuell
-- (indicator, month, area), not a range over every area's values of the period. A figure without values is one row
-- without a file (the second branch).
CREATE VIEW dwh_herkunft AS
WITH figur AS NOT MATERIALIZED (
    SELECT z.indikator_code,
           z.monat,
           z.bereich_code,
           COALESCE(z.ziel_bereich_code, z.bereich_code) AS zielbereich_code,
           i.art,
           COALESCE(t.periode_von, printf('%04d-01-01', CAST(substr(z.monat, 1, 4) AS INTEGER))) AS von,
           t.vergleich,
           t.wortlaut AS zielwert_text,
           t.stichtag_herkunft,
           t.basis_herkunft,
           t.basis_wortlaut
    FROM fact_zielerreichung z
    JOIN dim_indikator i ON i.indikator_code = z.indikator_code
    LEFT JOIN fact_zielwert t ON t.indikator_code = z.indikator_code AND t.bereich_code = COALESCE(z.ziel_bereich_code, z.bereich_code) AND t.gueltig_bis IS NULL
),
bereich_wert AS NOT MATERIALIZED (
    SELECT bereich_code, bereich_code AS wert_bereich FROM dim_bereich
    UNION ALL
    SELECT menge_code, bereich_code FROM dim_bereich_menge
),
-- CROSS JOIN fixes SQLite's join order: the months first, then one lookup of the area's cell per month and file. The
-- unary + keeps SQLite from carrying the period's bounds over from the months to the fact as a range (indicator,
-- month < ?), which would read every area's values of the period per figure.
wert AS NOT MATERIALIZED (
    SELECT f.indikator_code, f.monat, f.bereich_code, f.zielbereich_code, f.vergleich, f.zielwert_text, f.stichtag_herkunft,
           f.basis_herkunft, f.basis_wortlaut, o.datei_id, o.monat AS wert_monat, o.datenstand
    FROM figur f
    JOIN bereich_wert b ON b.bereich_code = f.bereich_code
    CROSS JOIN aktuelle_werte_monat w ON w.indikator_code = f.indikator_code AND w.monat <= f.monat AND w.monat >= f.von
     AND (f.art NOT IN ('bestand', 'veroeffentlichte_quote') OR w.monat = f.monat)
    CROSS JOIN fact_beobachtung o ON o.indikator_code = w.indikator_code AND o.monat = +w.monat AND o.bereich_code = b.wert_bereich
     AND o.datei_id = w.datei_id AND o.ersetzt_durch_datei_id IS NULL
),
figur_datei AS NOT MATERIALIZED (
    SELECT indikator_code, monat, bereich_code, zielbereich_code, vergleich, zielwert_text, stichtag_herkunft, basis_herkunft,
           basis_wortlaut, datei_id,
           COUNT(*) AS werte, MIN(wert_monat) AS erster_monat, MAX(wert_monat) AS letzter_monat, MAX(datenstand) AS datenstand
    FROM wert
    GROUP BY indikator_code, monat, bereich_code, datei_id
    UNION ALL
    SELECT f.indikator_code, f.monat, f.bereich_code, f.zielbereich_code, f.vergleich, f.zielwert_text, f.stichtag_herkunft,
           f.basis_herkunft, f.basis_wortlaut, NULL, NULL, NULL, NULL, NULL
    FROM figur f
    WHERE NOT EXISTS (SELECT 1 FROM wert v WHERE v.indikator_code = f.indikator_code AND v.monat = f.monat AND v.bereich_code = f.bereich_code)
)
SELECT g.indikator_code,
       g.monat,
       g.bereich_code,
       g.zielbereich_code,
       g.vergleich,
       g.zielwert_text,
       g.stichtag_herkunft,
       g.basis_herkunft,
       g.basis_wortlaut,
       g.datei_id,
       l.quelle,
       l.datei,
       g.datenstand,
       l.beendet_um AS geladen_um,
       g.werte,
       g.erster_monat,
       g.letzter_monat,
       (SELECT COUNT(*) FROM abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen,
       (SELECT GROUP_CONCAT(e.entscheidung || ' Zeile ' || e.zeile || ' (' || e.grund_code || '): ' || e.kommentar || ' – ' || e.entschieden_von, '; ')
        FROM abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen_text
FROM figur_datei g
LEFT JOIN load_file l ON l.datei_id = g.datei_id;
