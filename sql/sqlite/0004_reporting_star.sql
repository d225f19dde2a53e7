-- The reporting views as a star: facts (zielerreichung, beobachtung) relate to the dimensions
-- indikator (indikator_code), massnahme (massnahme_code), kalender (monat) and bereich (bereich_code).

DROP VIEW rpt_zielerreichung;

CREATE VIEW rpt_zielerreichung AS
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
FROM fact_zielerreichung z
JOIN dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dim_bereich b ON b.bereich_code = z.bereich_code;

-- Current actuals summed over the delivering series; a sum that contains a suppressed value is itself suppressed.
CREATE VIEW rpt_beobachtung AS
SELECT o.indikator_code,
       i.massnahme_code,
       o.monat,
       o.bereich_code,
       b.name AS bereich,
       CASE WHEN MAX(o.unterdrueckt) = 1 THEN NULL ELSE SUM(o.wert) END AS wert,
       CASE WHEN MAX(o.unterdrueckt) = 1 THEN NULL ELSE SUM(o.zaehler) END AS zaehler,
       CASE WHEN MAX(o.unterdrueckt) = 1 THEN NULL ELSE SUM(o.nenner) END AS nenner,
       MAX(o.unterdrueckt) AS unterdrueckt,
       COUNT(*) AS lieferungen,
       MAX(o.datenstand) AS datenstand
FROM fact_beobachtung o
JOIN dim_indikator i ON i.indikator_code = o.indikator_code
JOIN dim_bereich b ON b.bereich_code = o.bereich_code
WHERE o.ersetzt_durch_datei_id IS NULL
GROUP BY o.indikator_code, i.massnahme_code, o.monat, o.bereich_code, b.name;

CREATE VIEW rpt_kalender AS
SELECT monat,
       jahr,
       quartal,
       printf('%04d-Q%d', jahr, quartal) AS quartal_label,
       monat_nr,
       monatsname,
       substr(monatsname, 1, 3) || ' ' || jahr AS monat_label,
       schuljahr,
       kitajahr
FROM dim_monat;

CREATE VIEW rpt_bereich AS
SELECT b.bereich_code,
       b.name AS bereich,
       b.ebene,
       b.eltern_bereich_code,
       CASE b.ebene WHEN 'stadtbezirk' THEN b.name WHEN 'quartier' THEN p.name END AS stadtbezirk
FROM dim_bereich b
LEFT JOIN dim_bereich p ON p.bereich_code = b.eltern_bereich_code;
