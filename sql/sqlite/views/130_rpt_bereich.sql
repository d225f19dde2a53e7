CREATE VIEW rpt_bereich AS
SELECT b.bereich_code,
       b.name AS bereich,
       b.ebene,
       b.eltern_bereich_code,
       CASE b.ebene WHEN 'stadtbezirk' THEN b.name WHEN 'quartier' THEN p.name END AS stadtbezirk
FROM dim_bereich b
LEFT JOIN dim_bereich p ON p.bereich_code = b.eltern_bereich_code;
