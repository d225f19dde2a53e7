-- The reporting views as a star: facts (zielerreichung, beobachtung) relate to the dimensions
-- indikator (indikator_code), massnahme (massnahme_code), kalender (monat) and bereich (bereich_code).

DROP VIEW rpt.zielerreichung;
GO

CREATE VIEW rpt.zielerreichung AS
SELECT z.indikator_code,
       i.massnahme_code,
       z.monat,
       z.bereich_code,
       b.name            AS bereich,
       z.istwert,
       z.zielwert,
       z.zielpfad,
       z.grad            AS zielerreichungsgrad,
       z.status,
       z.prognose,
       z.unterdrueckt    AS unterdrueckte_werte,
       z.berechnet_um
FROM dwh.fact_zielerreichung z
JOIN dwh.dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dwh.dim_bereich b ON b.bereich_code = z.bereich_code;
GO

-- Current actuals summed over the delivering series; a sum that contains a suppressed value is itself suppressed.
CREATE VIEW rpt.beobachtung AS
SELECT o.indikator_code,
       i.massnahme_code,
       o.monat,
       o.bereich_code,
       b.name AS bereich,
       CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.wert) END AS wert,
       CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.zaehler) END AS zaehler,
       CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN NULL ELSE SUM(o.nenner) END AS nenner,
       CAST(MAX(CAST(o.unterdrueckt AS int)) AS bit) AS unterdrueckt,
       COUNT(*) AS lieferungen,
       MAX(o.datenstand) AS datenstand
FROM dwh.fact_beobachtung o
JOIN dwh.dim_indikator i ON i.indikator_code = o.indikator_code
JOIN dwh.dim_bereich b ON b.bereich_code = o.bereich_code
WHERE o.ersetzt_durch_datei_id IS NULL
GROUP BY o.indikator_code, i.massnahme_code, o.monat, o.bereich_code, b.name;
GO

CREATE VIEW rpt.kalender AS
SELECT monat,
       jahr,
       quartal,
       CONCAT(jahr, '-Q', quartal) AS quartal_label,
       monat_nr,
       monatsname,
       CONCAT(LEFT(monatsname, 3), ' ', jahr) AS monat_label,
       schuljahr,
       kitajahr
FROM dwh.dim_monat;
GO

CREATE VIEW rpt.bereich AS
SELECT b.bereich_code,
       b.name AS bereich,
       b.ebene,
       b.eltern_bereich_code,
       CASE b.ebene WHEN 'stadtbezirk' THEN b.name WHEN 'quartier' THEN p.name END AS stadtbezirk
FROM dwh.dim_bereich b
LEFT JOIN dwh.dim_bereich p ON p.bereich_code = b.eltern_bereich_code;
GO
