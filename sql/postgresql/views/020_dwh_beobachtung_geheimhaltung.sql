-- The current figures of every cell with its assessed verdict (unassessed: hidden).
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
           CASE WHEN bool_or(o.unterdrueckt) THEN NULL ELSE SUM(o.wert) END AS wert,
           CASE WHEN bool_or(o.unterdrueckt) THEN NULL ELSE SUM(o.zaehler) END AS zaehler,
           CASE WHEN bool_or(o.unterdrueckt) THEN NULL ELSE SUM(o.nenner) END AS nenner,
           bool_or(o.unterdrueckt) AS unterdrueckt,
           COUNT(*) AS lieferungen,
           MAX(o.datenstand) AS datenstand
    FROM dwh.fact_beobachtung o
    JOIN dwh.dim_indikator i ON i.indikator_code = o.indikator_code
    JOIN dwh.dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, i.massnahme_code, i.art, o.monat, o.bereich_code, b.name, b.ebene, b.eltern_bereich_code
)
SELECT s.indikator_code, s.massnahme_code, s.art, s.monat, s.bereich_code, s.bereich, s.ebene,
       s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.lieferungen, s.datenstand, COALESCE(g.geheim, 1) AS geheim
FROM summe s
LEFT JOIN dwh.fact_geheimhaltung g ON g.indikator_code = s.indikator_code AND g.bereich_code = s.bereich_code AND g.monat = s.monat;
