-- Statistical confidentiality in the reporting views (docs/security.md, "Kleine Fallzahlen").
-- Persons are counted by indicators of kind anzahl, bestand and quote (their Zähler and Nenner). At level quartier:
--   primär:    a count (wert of anzahl/bestand, zaehler or nenner of a quote) of 1 or 2 is not shown;
--   sekundär:  when exactly one quartier of a Stadtbezirk is hidden for an indicator and month, the district figure
--              minus the other quartiers would reveal it: the smallest other quartier with a value is hidden too, or,
--              where the district has no other quartier with a value, the district's own figure.
-- Hidden figures are NULL; the column geheimhaltung says primaer or sekundaer. 0 reveals no person and is shown.

DROP VIEW rpt.beobachtung;
GO
DROP VIEW rpt.zielerreichung;
GO

CREATE VIEW rpt.beobachtung AS
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
           CASE WHEN MAX(CAST(o.unterdrueckt AS int)) = 1 THEN 1 ELSE 0 END AS quelle_unterdrueckt,
           COUNT(*) AS lieferungen,
           MAX(o.datenstand) AS datenstand
    FROM dwh.fact_beobachtung o
    JOIN dwh.dim_indikator i ON i.indikator_code = o.indikator_code
    JOIN dwh.dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, i.massnahme_code, i.art, o.monat, o.bereich_code, b.name, b.ebene, b.eltern_bereich_code
),
klein AS (
    SELECT s.*,
           CASE WHEN s.ebene = 'quartier'
                 AND ((s.art IN ('anzahl', 'bestand') AND s.wert > 0 AND s.wert < 3)
                   OR (s.art = 'quote' AND ((s.zaehler > 0 AND s.zaehler < 3) OR (s.nenner > 0 AND s.nenner < 3))))
                THEN 1 ELSE 0 END AS primaer,
           CASE WHEN s.ebene = 'quartier' AND s.art IN ('anzahl', 'bestand', 'quote') THEN 1 ELSE 0 END AS personen_quartier
    FROM summe s
),
offen AS (
    SELECT k.*,
           CASE WHEN k.personen_quartier = 1 AND k.primaer = 0 AND k.quelle_unterdrueckt = 0 THEN 1 ELSE 0 END AS offen
    FROM klein k
),
bezirk AS (
    SELECT indikator_code,
           monat,
           eltern_bereich_code AS bezirk_code,
           SUM(primaer) AS primaer,
           SUM(CASE WHEN primaer = 1 OR quelle_unterdrueckt = 1 THEN 1 ELSE 0 END) AS verborgen,
           SUM(offen) AS offen
    FROM offen
    WHERE personen_quartier = 1
    GROUP BY indikator_code, monat, eltern_bereich_code
),
rang AS (
    SELECT f.*,
           ROW_NUMBER() OVER (PARTITION BY f.indikator_code, f.monat, f.eltern_bereich_code, f.offen
                              ORDER BY COALESCE(f.nenner, f.wert), f.bereich_code) AS rang
    FROM offen f
),
geheim AS (
    SELECT r.*,
           CASE WHEN r.primaer = 1 THEN 'primaer'
                WHEN r.offen = 1 AND r.rang = 1 AND q.primaer = 1 AND q.verborgen = 1 THEN 'sekundaer'
                WHEN r.ebene = 'stadtbezirk' AND r.art IN ('anzahl', 'bestand', 'quote')
                     AND d.primaer = 1 AND d.verborgen = 1 AND d.offen = 0 THEN 'sekundaer'
           END AS geheimhaltung
    FROM rang r
    LEFT JOIN bezirk q ON r.ebene = 'quartier' AND q.indikator_code = r.indikator_code AND q.monat = r.monat AND q.bezirk_code = r.eltern_bereich_code
    LEFT JOIN bezirk d ON r.ebene = 'stadtbezirk' AND d.indikator_code = r.indikator_code AND d.monat = r.monat AND d.bezirk_code = r.bereich_code
)
SELECT indikator_code,
       massnahme_code,
       monat,
       bereich_code,
       bereich,
       CASE WHEN geheimhaltung IS NULL THEN wert END AS wert,
       CASE WHEN geheimhaltung IS NULL THEN zaehler END AS zaehler,
       CASE WHEN geheimhaltung IS NULL THEN nenner END AS nenner,
       unterdrueckt,
       geheimhaltung,
       lieferungen,
       datenstand
FROM geheim;
GO

-- Attainment at level quartier: a count-like actual to date (anzahl, bestand) of 1 or 2 is hidden, with the same
-- secondary rule; a quote is hidden when one of its months in the twelve months to date had a Zähler or Nenner of
-- 1 or 2 (its parts are not stored beside the rate). Hidden: istwert and what is computed from it (grad, prognose).
CREATE VIEW rpt.zielerreichung AS
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
           z.berechnet_um
    FROM dwh.fact_zielerreichung z
    JOIN dwh.dim_indikator i ON i.indikator_code = z.indikator_code
    JOIN dwh.dim_bereich b ON b.bereich_code = z.bereich_code
),
klein AS (
    SELECT a.*,
           CASE WHEN a.ebene = 'quartier'
                 AND ((a.art IN ('anzahl', 'bestand') AND a.istwert > 0 AND a.istwert < 3)
                   OR (a.art = 'quote' AND EXISTS (
                        SELECT 1 FROM dwh.fact_beobachtung o
                        WHERE o.indikator_code = a.indikator_code AND o.bereich_code = a.bereich_code
                          AND o.ersetzt_durch_datei_id IS NULL
                          AND o.monat <= a.monat AND o.monat > DATEADD(month, -12, a.monat)
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
SELECT indikator_code,
       massnahme_code,
       monat,
       bereich_code,
       bereich,
       CASE WHEN geheimhaltung IS NULL THEN istwert END AS istwert,
       zielwert,
       zielpfad,
       CASE WHEN geheimhaltung IS NULL THEN grad END AS zielerreichungsgrad,
       status,
       CASE WHEN geheimhaltung IS NULL THEN prognose END AS prognose,
       unterdrueckt AS unterdrueckte_werte,
       geheimhaltung,
       berechnet_um
FROM geheim;
GO
