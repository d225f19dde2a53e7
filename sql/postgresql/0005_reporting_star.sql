-- The reporting views as a star: facts (zielerreichung, beobachtung) relate to the dimensions
-- indikator (indikator_code), massnahme (massnahme_code), kalender (monat) and bereich (bereich_code).

DROP VIEW rpt.zielerreichung;

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

-- Current actuals summed over the delivering series; a sum that contains a suppressed value is itself suppressed.
CREATE VIEW rpt.beobachtung AS
SELECT o.indikator_code,
       i.massnahme_code,
       o.monat,
       o.bereich_code,
       b.name AS bereich,
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
GROUP BY o.indikator_code, i.massnahme_code, o.monat, o.bereich_code, b.name;

CREATE VIEW rpt.kalender AS
SELECT monat,
       jahr,
       quartal,
       format('%s-Q%s', jahr, quartal) AS quartal_label,
       monat_nr,
       monatsname,
       left(monatsname, 3) || ' ' || jahr AS monat_label,
       schuljahr,
       kitajahr
FROM dwh.dim_monat;

CREATE VIEW rpt.bereich AS
SELECT b.bereich_code,
       b.name AS bereich,
       b.ebene,
       b.eltern_bereich_code,
       CASE b.ebene WHEN 'stadtbezirk' THEN b.name WHEN 'quartier' THEN p.name END AS stadtbezirk
FROM dwh.dim_bereich b
LEFT JOIN dwh.dim_bereich p ON p.bereich_code = b.eltern_bereich_code;

GRANT SELECT ON ALL TABLES IN SCHEMA rpt TO bielefeld_etl_loader, bielefeld_etl_reader;
