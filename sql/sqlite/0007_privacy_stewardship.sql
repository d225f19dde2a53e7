-- 0006/0007_stewardship recreated rpt zielerreichung without the small-count rule of the privacy migration and added
-- rpt beobachtung_historie, which shows values per series: both get the rule here (docs/data-dictionary.md,
-- "Small counts"). The history's own logic moves unchanged to dwh_beobachtung_historie; the rpt view hides its values in a Quartier
-- where rpt beobachtung hides the month's figure, or where a value of its own (first or current) is 1 or 2.

DROP VIEW rpt_beobachtung_historie;

DROP VIEW rpt_zielerreichung;

CREATE VIEW dwh_beobachtung_historie AS
WITH versionen AS (
    SELECT o.indikator_code, o.monat, o.bereich_code, o.quelle, o.serie, o.wert, o.zaehler, o.nenner, o.unterdrueckt,
           o.datenstand, o.ersetzt_durch_datei_id, f.beendet_um AS gemeldet_um,
           ROW_NUMBER() OVER (PARTITION BY o.indikator_code, o.monat, o.bereich_code, o.serie ORDER BY f.beendet_um, o.beobachtung_id) AS nr,
           COUNT(*) OVER (PARTITION BY o.indikator_code, o.monat, o.bereich_code, o.serie) AS versionen
    FROM fact_beobachtung o
    JOIN load_file f ON f.datei_id = o.datei_id
)
SELECT e.indikator_code,
       e.monat,
       e.bereich_code,
       e.quelle,
       e.serie,
       e.wert          AS erstwert,
       e.zaehler       AS erst_zaehler,
       e.nenner        AS erst_nenner,
       e.gemeldet_um   AS erstmals_gemeldet_um,
       e.datenstand    AS erst_datenstand,
       a.wert          AS aktueller_wert,
       a.zaehler       AS aktueller_zaehler,
       a.nenner        AS aktueller_nenner,
       a.gemeldet_um   AS aktuell_seit,
       a.datenstand    AS aktueller_datenstand,
       e.versionen - 1 AS revisionen
FROM versionen e
LEFT JOIN versionen a ON a.indikator_code = e.indikator_code AND a.monat = e.monat AND a.bereich_code = e.bereich_code
                     AND a.serie = e.serie AND a.ersetzt_durch_datei_id IS NULL
WHERE e.nr = 1;

CREATE VIEW rpt_beobachtung_historie AS
WITH markiert AS (
    SELECT h.*,
           CASE WHEN r.geheimhaltung IS NOT NULL THEN r.geheimhaltung
                WHEN b.ebene = 'quartier'
                 AND ((i.art IN ('anzahl', 'bestand') AND ((h.erstwert > 0 AND h.erstwert < 3) OR (h.aktueller_wert > 0 AND h.aktueller_wert < 3)))
                   OR (i.art = 'quote' AND ((h.erst_zaehler > 0 AND h.erst_zaehler < 3) OR (h.erst_nenner > 0 AND h.erst_nenner < 3)
                                         OR (h.aktueller_zaehler > 0 AND h.aktueller_zaehler < 3) OR (h.aktueller_nenner > 0 AND h.aktueller_nenner < 3))))
                THEN 'primaer'
           END AS geheimhaltung
    FROM dwh_beobachtung_historie h
    JOIN dim_indikator i ON i.indikator_code = h.indikator_code
    JOIN dim_bereich b ON b.bereich_code = h.bereich_code
    LEFT JOIN rpt_beobachtung r ON r.indikator_code = h.indikator_code AND r.monat = h.monat AND r.bereich_code = h.bereich_code
)
SELECT indikator_code,
       monat,
       bereich_code,
       quelle,
       serie,
       CASE WHEN geheimhaltung IS NULL THEN erstwert END AS erstwert,
       CASE WHEN geheimhaltung IS NULL THEN erst_zaehler END AS erst_zaehler,
       CASE WHEN geheimhaltung IS NULL THEN erst_nenner END AS erst_nenner,
       erstmals_gemeldet_um,
       erst_datenstand,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_wert END AS aktueller_wert,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_zaehler END AS aktueller_zaehler,
       CASE WHEN geheimhaltung IS NULL THEN aktueller_nenner END AS aktueller_nenner,
       aktuell_seit,
       aktueller_datenstand,
       revisionen,
       geheimhaltung
FROM markiert;

-- Attainment at level quartier: a count-like actual to date (anzahl, bestand) of 1 or 2 is hidden, with the same
-- secondary rule; a quote is hidden when one of its months in the twelve months to date had a Zähler or Nenner of
-- 1 or 2 (its parts are not stored beside the rate). Hidden: istwert and what is computed from it (grad, prognose).
CREATE VIEW rpt_zielerreichung AS
WITH basis AS (
    SELECT z.indikator_code,
           i.massnahme_code,
           i.art,
           z.monat,
           z.bereich_code,
           b.name AS bereich,
           b.ebene,
           b.eltern_bereich_code,
           z.istwert,
           z.zielwert,
           z.zielpfad,
           z.grad,
           z.status,
           z.prognose,
           z.unterdrueckt,
           z.berechnet_um,
           z.status_hinweis
    FROM fact_zielerreichung z
    JOIN dim_indikator i ON i.indikator_code = z.indikator_code
    JOIN dim_bereich b ON b.bereich_code = z.bereich_code
),
klein AS (
    SELECT a.*,
           CASE WHEN a.ebene = 'quartier'
                 AND ((a.art IN ('anzahl', 'bestand') AND a.istwert > 0 AND a.istwert < 3)
                   OR (a.art = 'quote' AND EXISTS (
                        SELECT 1 FROM fact_beobachtung o
                        WHERE o.indikator_code = a.indikator_code AND o.bereich_code = a.bereich_code
                          AND o.ersetzt_durch_datei_id IS NULL
                          AND o.monat <= a.monat AND o.monat > date(a.monat, '-12 months')
                          AND ((o.zaehler > 0 AND o.zaehler < 3) OR (o.nenner > 0 AND o.nenner < 3)))))
                THEN 1 ELSE 0 END AS primaer,
           CASE WHEN a.ebene = 'quartier' AND a.art IN ('anzahl', 'bestand') THEN 1 ELSE 0 END AS zaehlbar_quartier
    FROM basis a
),
offen AS (
    SELECT k.*,
           CASE WHEN k.zaehlbar_quartier = 1 AND k.primaer = 0 AND k.istwert IS NOT NULL THEN 1 ELSE 0 END AS offen
    FROM klein k
),
bezirk AS (
    SELECT indikator_code,
           monat,
           eltern_bereich_code AS bezirk_code,
           SUM(primaer) AS primaer,
           SUM(offen) AS offen
    FROM offen
    WHERE zaehlbar_quartier = 1
    GROUP BY indikator_code, monat, eltern_bereich_code
),
rang AS (
    SELECT f.*,
           ROW_NUMBER() OVER (PARTITION BY f.indikator_code, f.monat, f.eltern_bereich_code, f.offen
                              ORDER BY f.istwert, f.bereich_code) AS rang
    FROM offen f
),
geheim AS (
    SELECT r.*,
           CASE WHEN r.primaer = 1 THEN 'primaer'
                WHEN r.offen = 1 AND r.rang = 1 AND q.primaer = 1 THEN 'sekundaer'
                WHEN r.ebene = 'stadtbezirk' AND r.art IN ('anzahl', 'bestand') AND d.primaer = 1 AND d.offen = 0 THEN 'sekundaer'
           END AS geheimhaltung
    FROM rang r
    LEFT JOIN bezirk q ON r.ebene = 'quartier' AND q.indikator_code = r.indikator_code AND q.monat = r.monat AND q.bezirk_code = r.eltern_bereich_code
    LEFT JOIN bezirk d ON r.ebene = 'stadtbezirk' AND d.indikator_code = r.indikator_code AND d.monat = r.monat AND d.bezirk_code = r.bereich_code
)
SELECT g.indikator_code,
       g.massnahme_code,
       g.monat,
       g.bereich_code,
       g.bereich,
       o.istwert,
       g.zielwert,
       g.zielpfad,
       o.grad AS zielerreichungsgrad,
       g.status,
       o.prognose,
       g.unterdrueckt AS unterdrueckte_werte,
       g.geheimhaltung,
       g.berechnet_um,
       g.status_hinweis
-- Hidden figures come through a join that finds no row, not through an expression: SQLite then keeps the columns'
-- declared type REAL, which readers that map by type (Dapper) need when the first row is empty.
FROM geheim g
LEFT JOIN fact_zielerreichung o ON g.geheimhaltung IS NULL
                               AND o.indikator_code = g.indikator_code AND o.monat = g.monat AND o.bereich_code = g.bereich_code;

