-- Provenance of every figure of rpt_zielerreichung (issue 17), for stewards: one row per figure and file its actual was
-- computed from, with the plan sentence its target came from, the file's Datenstand and load time, and the stewards'
-- decisions on the file's rejected rows. A figure depends on the current values of its indicator in its area (a set of
-- areas: in its members) from the start of the target's period up to its month (stocks and published rates: the month
-- alone). It names files, so it lives in dwh, not rpt (BI readers see aggregates only).
CREATE VIEW dwh_herkunft AS
WITH figur AS (
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
wert AS (
    SELECT f.indikator_code, f.monat, f.bereich_code, o.datei_id, o.monat AS wert_monat, o.datenstand
    FROM figur f
    JOIN fact_beobachtung o ON o.indikator_code = f.indikator_code AND o.ersetzt_durch_datei_id IS NULL
     AND (o.bereich_code = f.bereich_code OR o.bereich_code IN (SELECT m.bereich_code FROM dim_bereich_menge m WHERE m.menge_code = f.bereich_code))
     AND o.monat <= f.monat
     AND (o.monat >= f.von OR f.art IS NULL)
     AND (f.art NOT IN ('bestand', 'veroeffentlichte_quote') OR o.monat = f.monat)
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
       (SELECT COUNT(*) FROM abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen,
       (SELECT GROUP_CONCAT(e.entscheidung || ' Zeile ' || e.zeile || ' (' || e.grund_code || '): ' || e.kommentar || ' – ' || e.entschieden_von, '; ')
        FROM abweisung_entscheidung e WHERE e.quelle = l.quelle AND e.datei = l.datei) AS entscheidungen_text
FROM figur f
LEFT JOIN datei d ON d.indikator_code = f.indikator_code AND d.monat = f.monat AND d.bereich_code = f.bereich_code
LEFT JOIN load_file l ON l.datei_id = d.datei_id;
