-- Provenance of every figure of rpt_zielerreichung (issue 17), for stewards: one row per figure and file its actual was
-- computed from, with the plan sentence its target came from, the file's Datenstand and load time, and the stewards'
-- decisions on the file's rejected rows. A figure depends on the current values of its indicator in its area (a set of
-- areas: in its members) from the start of the target's period up to its month (stocks and published rates: the month
-- alone). It names files, so it lives in dwh, not rpt (BI readers see aggregates only).
-- At 10 M observations the first form (figur materialised, its values joined with `area = f.area OR area IN (members)`)
-- ran past the 30 s command timeout for one area (`report`): figur is NOT MATERIALIZED, so the area's filter reaches
-- the attainment figures, and a figure's own area and its set's members are two branches of a UNION ALL, each an
-- equality the join can hash on (3.4-4.8 s for one area of the 10 M bench warehouse, docs/performance.md).
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
teil AS (
    SELECT f.indikator_code, f.monat, f.bereich_code, f.bereich_code AS wert_bereich, f.von, f.art FROM figur f
    UNION ALL
    SELECT f.indikator_code, f.monat, f.bereich_code, m.bereich_code, f.von, f.art
    FROM figur f JOIN dwh.dim_bereich_menge m ON m.menge_code = f.bereich_code
),
wert AS (
    SELECT t.indikator_code, t.monat, t.bereich_code, o.datei_id, o.monat AS wert_monat, o.datenstand
    FROM teil t
    JOIN dwh.fact_beobachtung o ON o.indikator_code = t.indikator_code AND o.ersetzt_durch_datei_id IS NULL
     AND o.bereich_code = t.wert_bereich
     AND o.monat <= t.monat
     AND (o.monat >= t.von OR t.art IS NULL)
     AND (t.art NOT IN ('bestand', 'veroeffentlichte_quote') OR o.monat = t.monat)
),
datei AS (
    SELECT indikator_code, monat, bereich_code, datei_id,
           COUNT(*) AS werte, MIN(wert_monat) AS erster_monat, MAX(wert_monat) AS letzter_monat, MAX(datenstand) AS datenstand
    FROM wert
    GROUP BY indikator_code, monat, bereich_code, datei_id
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
