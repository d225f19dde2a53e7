-- The current figures of every cell with its verdict: hidden where the rule hid it (dwh.fact_geheimhaltung holds the
-- hidden cells only) and, until their recomputation has assessed them, every cell of an indicator a load changed
-- (dwh.zielerreichung_ausstehend), and a cell holding a value of a file newer than its indicator's assessment
-- (dwh.geheimhaltung_stand): nothing shows unassessed.
CREATE VIEW dwh.beobachtung_geheimhaltung AS
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
           MAX(o.datei_id) AS letzte_datei_id,
           MAX(o.datenstand) AS datenstand
    FROM dwh.fact_beobachtung o
    JOIN dwh.dim_indikator i ON i.indikator_code = o.indikator_code
    JOIN dwh.dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, i.massnahme_code, i.art, o.monat, o.bereich_code, b.name, b.ebene, b.eltern_bereich_code
)
SELECT s.indikator_code, s.massnahme_code, s.art, s.monat, s.bereich_code, s.bereich, s.ebene,
       s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.lieferungen, s.datenstand,
       CASE WHEN g.indikator_code IS NOT NULL OR a.datei_id IS NULL OR s.letzte_datei_id > a.datei_id
              OR EXISTS (SELECT 1 FROM dwh.zielerreichung_ausstehend p WHERE p.indikator_code = s.indikator_code) THEN 1 ELSE 0 END AS geheim
FROM summe s
LEFT JOIN dwh.fact_geheimhaltung g ON g.indikator_code = s.indikator_code AND g.bereich_code = s.bereich_code AND g.monat = s.monat
LEFT JOIN dwh.geheimhaltung_stand a ON a.indikator_code = s.indikator_code;
