-- Provenance of every figure of rpt_zielerreichung (issue 17), for stewards: one row per figure and file its actual was
-- computed from, with the plan sentence its target came from, the file's Datenstand and load time, and the stewards'
-- decisions on the file's rejected rows. A figure depends on the current values of its indicator in its area (a set of
-- areas: in its members) from the start of the target's period up to its month (stocks and published rates: the month
-- alone). It names files, so it lives in dwh, not rpt (BI readers see aggregates only).
-- At 10 M observations the fact's only index on the area has it behind the month (indikator_code, monat,
-- bereich_code, serie), so one area's values were found by hashing the whole fact (7-13 s for one area, near the 30 s
-- command timeout under load). The values are therefore counted per indicator, area, month and file first, probing the
-- fact with all three keys for each month that holds current values of the indicator (aktuelle_werte_monat, kept at
-- load time), and a figure sums those of the months of its period (observations are monthly: first of the month), found
-- by equality: 0.3-0.9 s for one area (docs/performance.md).
CREATE VIEW dwh.herkunft AS
WITH figur AS NOT MATERIALIZED (
    SELECT z.indikator_code,
           z.monat,
           z.bereich_code,
           COALESCE(z.ziel_bereich_code, z.bereich_code) AS zielbereich_code,
           i.art,
           COALESCE(t.periode_von, make_date(CAST(extract(year FROM z.monat) AS integer), 1, 1)) AS von,
           t.vergleich,
           t.wortlaut AS zielwert_text,
           t.stichtag_herkunft,
           t.basis_herkunft,
           t.basis_wortlaut
    FROM dwh.fact_zielerreichung z
    JOIN dwh.dim_indikator i ON i.indikator_code = z.indikator_code
    LEFT JOIN dwh.fact_zielwert t ON t.indikator_code = z.indikator_code AND t.bereich_code = COALESCE(z.ziel_bereich_code, z.bereich_code) AND t.gueltig_bis IS NULL
),
bereich_wert AS (
    SELECT bereich_code, bereich_code AS wert_bereich FROM dwh.dim_bereich
    UNION ALL
    SELECT menge_code, bereich_code FROM dwh.dim_bereich_menge
),
monat_datei AS (
    SELECT o.indikator_code, b.bereich_code, o.monat, o.datei_id, COUNT(*) AS werte, MAX(o.datenstand) AS datenstand
    FROM bereich_wert b
    CROSS JOIN (SELECT DISTINCT indikator_code, monat FROM dwh.aktuelle_werte_monat) w
    JOIN dwh.fact_beobachtung o ON o.indikator_code = w.indikator_code AND o.monat = w.monat AND o.bereich_code = b.wert_bereich
     AND o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, b.bereich_code, o.monat, o.datei_id
),
datei AS (
    SELECT f.indikator_code, f.monat, f.bereich_code, m.datei_id,
           SUM(m.werte) AS werte, MIN(m.monat) AS erster_monat, MAX(m.monat) AS letzter_monat, MAX(m.datenstand) AS datenstand
    FROM figur f
    CROSS JOIN LATERAL generate_series(date_trunc('month', (f.von - 1) + interval '1 month'), f.monat, interval '1 month') AS g (monat)
    JOIN monat_datei m ON m.indikator_code = f.indikator_code AND m.bereich_code = f.bereich_code AND m.monat = CAST(g.monat AS date)
    WHERE f.art NOT IN ('bestand', 'veroeffentlichte_quote') OR CAST(g.monat AS date) = f.monat
    GROUP BY f.indikator_code, f.monat, f.bereich_code, m.datei_id
)
SELECT f.indikator_code,
       f.monat,
       f.bereich_code,
       f.zielbereich_code,
       f.vergleich,
       f.zielwert_text,
       f.stichtag_herkunft,
       f.basis_herkunft,
       f.basis_wortlaut,
       d.datei_id,
       l.quelle,
       l.datei,
       d.datenstand,
       l.beendet_um AS geladen_um,
       d.werte,
       d.erster_monat,
       d.letzter_monat,
       (SELECT COUNT(*) FROM dwh.abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen,
       (SELECT string_agg(e.entscheidung || ' Zeile ' || e.zeile || ' (' || e.grund_code || '): ' || e.kommentar || ' – ' || e.entschieden_von, '; ' ORDER BY e.entschieden_um)
        FROM dwh.abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen_text
FROM figur f
LEFT JOIN datei d ON d.indikator_code = f.indikator_code AND d.monat = f.monat AND d.bereich_code = f.bereich_code
LEFT JOIN dwh.load_file l ON l.datei_id = d.datei_id;
