-- Targets that explain themselves (issue 17). A Zielwert keeps what the plan means by it: the comparator (strict
-- "mehr_als" beside "mindestens"), the kind of its period (kalenderjahr, schuljahr, kitajahr, stichtag), whether its
-- deadline and baseline are stated by the plan or assumed, the baseline's own unit and sentence, and the unit of the
-- Zielwert itself (a reduction's is %, not the count's). A target can belong to a set of areas (Jobcenter-8.1:
-- Sennestadt + Baumheide + Sieker): the set is an area of its own (ebene 'bereichsmenge') whose members are listed in
-- dim_bereich_menge; its figures are the members' added up, the members are its drill-down. An attainment figure keeps
-- the baseline it was computed against (and the month it was taken from where assumed), whether it meets the target,
-- and the area whose target it is measured against.

ALTER TABLE fact_zielwert ADD COLUMN zeitraum_art TEXT;
ALTER TABLE fact_zielwert ADD COLUMN ziel_einheit TEXT;
ALTER TABLE fact_zielwert ADD COLUMN stichtag_herkunft TEXT;
ALTER TABLE fact_zielwert ADD COLUMN basis_herkunft TEXT;
ALTER TABLE fact_zielwert ADD COLUMN basis_einheit TEXT;
ALTER TABLE fact_zielwert ADD COLUMN basis_wortlaut TEXT;

CREATE TABLE dim_bereich_menge (
    menge_code    TEXT NOT NULL REFERENCES dim_bereich (bereich_code),
    bereich_code  TEXT NOT NULL REFERENCES dim_bereich (bereich_code),
    position      INTEGER NOT NULL,
    PRIMARY KEY (menge_code, bereich_code)
) WITHOUT ROWID;

ALTER TABLE fact_zielerreichung ADD COLUMN erreicht INTEGER;
ALTER TABLE fact_zielerreichung ADD COLUMN basis REAL;
ALTER TABLE fact_zielerreichung ADD COLUMN basis_monat TEXT;
ALTER TABLE fact_zielerreichung ADD COLUMN ziel_bereich_code TEXT;

DROP VIEW rpt_indikator;

DROP VIEW rpt_zielerreichung;

-- One row per current target: an indicator has one per area the plan scopes (500-8: four quarters) or one for a set.
CREATE VIEW rpt_zielwert AS
SELECT z.indikator_code,
       i.massnahme_code,
       z.bereich_code AS zielbereich_code,
       b.name AS zielbereich,
       b.ebene AS zielbereich_ebene,
       z.vergleich,
       z.wert AS zielwert,
       z.ziel_einheit AS zielwert_einheit,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       z.basis,
       COALESCE(z.basis_einheit, CASE WHEN z.basis IS NOT NULL THEN i.einheit END) AS basis_einheit,
       z.basis_herkunft,
       z.basis_wortlaut,
       z.wortlaut AS zielwert_text,
       z.gueltig_ab
FROM fact_zielwert z
JOIN dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dim_bereich b ON b.bereich_code = z.bereich_code
WHERE z.gueltig_bis IS NULL;

-- One row per indicator. Its target is the city's, else its only one, else the first the plan names (zielbereich then
-- names all of them and anzahl_zielbereiche says how many; rpt_zielwert has each).
CREATE VIEW rpt_indikator AS
WITH ziel AS (
    SELECT z.*,
           ROW_NUMBER() OVER (PARTITION BY z.indikator_code ORDER BY CASE WHEN z.bereich_code = '05711000' THEN 0 ELSE 1 END, z.zielwert_id) AS rang,
           COUNT(*) OVER (PARTITION BY z.indikator_code) AS anzahl
    FROM fact_zielwert z
    WHERE z.gueltig_bis IS NULL
),
bereiche AS (
    SELECT indikator_code, GROUP_CONCAT(name, ', ') AS namen
    FROM (SELECT z.indikator_code, b.name FROM ziel z JOIN dim_bereich b ON b.bereich_code = z.bereich_code ORDER BY z.indikator_code, z.rang)
    GROUP BY indikator_code
)
SELECT i.indikator_code,
       i.massnahme_code,
       i.bezeichnung,
       i.einheit,
       i.art,
       i.richtung,
       z.wert AS zielwert,
       z.wortlaut AS zielwert_text,
       i.eltern_indikator_code,
       i.nachrichtlich,
       z.vergleich,
       z.ziel_einheit AS zielwert_einheit,
       z.bereich_code AS zielbereich_code,
       n.namen AS zielbereich,
       COALESCE(z.anzahl, 0) AS anzahl_zielbereiche,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       z.basis,
       COALESCE(z.basis_einheit, CASE WHEN z.basis IS NOT NULL THEN i.einheit END) AS basis_einheit,
       z.basis_herkunft
FROM dim_indikator i
LEFT JOIN ziel z ON z.indikator_code = i.indikator_code AND z.rang = 1
LEFT JOIN bereiche n ON n.indikator_code = i.indikator_code;

-- As 0012 (the verdicts read by key from fact_geheimhaltung), plus what the target means. A set of areas is hidden in a month where any of its members is (its figure
-- minus the shown members would give the hidden one back), and its counts of 1 or 2 like a Quartier's. A baseline is
-- the figure of one month of the area: it is hidden where that month's figure is, and with it a reduction's zielwert
-- and zielpfad, which would give it back (B × (1 − p)).
CREATE VIEW rpt_zielerreichung AS
WITH basis AS (
    SELECT z.indikator_code,
           i.massnahme_code,
           i.art,
           i.einheit,
           z.monat,
           z.bereich_code,
           b.name AS bereich,
           b.ebene,
           z.istwert,
           z.zielwert,
           z.zielpfad,
           z.grad,
           z.status,
           z.prognose,
           z.unterdrueckt,
           z.berechnet_um,
           z.status_hinweis,
           z.erreicht,
           z.basis AS basis_verwendet,
           z.basis_monat,
           COALESCE(z.ziel_bereich_code, z.bereich_code) AS zielbereich_code,
           COALESCE(g.geheim,
                    (SELECT MAX(gm.geheim) FROM dim_bereich_menge m
                     CROSS JOIN fact_geheimhaltung gm ON gm.indikator_code = z.indikator_code AND gm.monat = z.monat AND gm.bereich_code = m.bereich_code
                     WHERE m.menge_code = z.bereich_code),
                    0) AS monat_geheim,
           -- Two lookups by key (the area's own month, its members' months) instead of one with an OR, which
           -- could only seek by indicator and read all of its cells for every figure.
           CASE WHEN EXISTS (SELECT 1 FROM fact_geheimhaltung gb
                             WHERE gb.indikator_code = z.indikator_code AND gb.bereich_code = z.bereich_code AND gb.monat = z.basis_monat AND gb.geheim = 1)
                  OR EXISTS (SELECT 1 FROM dim_bereich_menge m
                             CROSS JOIN fact_geheimhaltung gm ON gm.indikator_code = z.indikator_code AND gm.bereich_code = m.bereich_code AND gm.monat = z.basis_monat
                             WHERE m.menge_code = z.bereich_code AND gm.geheim = 1)
                THEN 1 ELSE 0 END AS basis_geheim
    FROM fact_zielerreichung z
    JOIN dim_indikator i ON i.indikator_code = z.indikator_code
    JOIN dim_bereich b ON b.bereich_code = z.bereich_code
    LEFT JOIN fact_geheimhaltung g ON g.indikator_code = z.indikator_code AND g.monat = z.monat AND g.bereich_code = z.bereich_code
),
laufend AS (
    SELECT a.*,
           MAX(a.monat_geheim) OVER (PARTITION BY a.indikator_code, a.bereich_code ORDER BY a.monat
                                     ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS bisher_geheim
    FROM basis a
),
geheim AS (
    SELECT l.*,
           CASE WHEN l.art IN ('anzahl', 'quote') AND l.bisher_geheim = 1 THEN 1
                WHEN l.art = 'bestand' AND l.monat_geheim = 1 THEN 1
                WHEN l.ebene IN ('quartier', 'bereichsmenge') AND l.art IN ('anzahl', 'bestand') AND l.istwert > 0 AND l.istwert < 3 THEN 1
                ELSE 0
           END AS geheim,
           CASE WHEN l.basis_geheim = 1 THEN 1
                WHEN l.ebene IN ('quartier', 'bereichsmenge') AND l.art IN ('anzahl', 'bestand') AND l.basis_verwendet > 0 AND l.basis_verwendet < 3 THEN 1
                ELSE 0
           END AS basis_verborgen
    FROM laufend l
)
SELECT g.indikator_code,
       g.massnahme_code,
       g.monat,
       g.bereich_code,
       g.bereich,
       CASE WHEN g.geheim = 0 THEN g.istwert END AS istwert,
       CASE WHEN g.basis_verborgen = 0 THEN g.zielwert END AS zielwert,
       CASE WHEN g.basis_verborgen = 0 THEN g.zielpfad END AS zielpfad,
       CASE WHEN g.geheim = 0 THEN g.grad END AS zielerreichungsgrad,
       CASE WHEN g.geheim = 0 THEN g.status ELSE 'geheim' END AS status,
       CASE WHEN g.geheim = 0 THEN g.prognose END AS prognose,
       g.unterdrueckt AS unterdrueckte_werte,
       CASE WHEN g.geheim = 1 OR g.basis_verborgen = 1 THEN 'geheim' END AS geheimhaltung,
       g.berechnet_um,
       g.status_hinweis,
       g.einheit,
       CASE WHEN g.geheim = 0 THEN g.erreicht END AS erreicht,
       z.vergleich,
       z.wert AS planwert,
       z.ziel_einheit AS planwert_einheit,
       g.zielbereich_code,
       zb.name AS zielbereich,
       z.zeitraum_art,
       z.periode_von,
       z.periode_bis,
       z.stichtag,
       z.stichtag_herkunft,
       CASE WHEN g.basis_verborgen = 1 THEN NULL ELSE COALESCE(g.basis_verwendet, z.basis) END AS basis,
       COALESCE(z.basis_einheit, CASE WHEN g.basis_verwendet IS NOT NULL OR z.basis IS NOT NULL THEN g.einheit END) AS basis_einheit,
       z.basis_herkunft,
       g.basis_monat,
       z.wortlaut AS zielwert_text
FROM geheim g
LEFT JOIN fact_zielwert z ON z.indikator_code = g.indikator_code AND z.bereich_code = g.zielbereich_code AND z.gueltig_bis IS NULL
LEFT JOIN dim_bereich zb ON zb.bereich_code = g.zielbereich_code;

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
