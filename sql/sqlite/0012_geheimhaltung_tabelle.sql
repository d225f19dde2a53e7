-- Performance at volume (issue 15): the cell suppression of 0009 was a view over the whole fact, computed again by
-- every read of rpt_zielerreichung and rpt_beobachtung: at 1 M observations the latest-attainment query of status,
-- the nightly summary and the dashboard took 92 s on SQLite, one area's series for the workspace 83 s. The rule is
-- unchanged (docs/data-dictionary.md, "Small counts"); it is now evaluated when attainment is recomputed, for the
-- indicators recomputed, and its result kept in fact_geheimhaltung, which the views read by key:
--   geheimhaltung_auftrag:   the indicators a recomputation covers, filled and emptied inside its transaction;
--   geheimhaltung_regel: the rule, over the current values of those indicators only;
--   fact_geheimhaltung:      per indicator, area and month whether the cell is hidden. A load marks every cell of the
--                            indicators it changed as hidden (in its transaction) until their recomputation has run, and
--                            a cell without a row (loaded, not yet assessed) is hidden: nothing is shown unassessed.
-- The rule's secondary step reads each Stadtbezirk's sums as window aggregates (one sort) instead of joining them per
-- Quartier, which SQLite did by scanning every district's sums for every Quartier.

CREATE TABLE geheimhaltung_auftrag (
    indikator_code  TEXT NOT NULL PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE fact_geheimhaltung (
    indikator_code  TEXT NOT NULL,
    bereich_code    TEXT NOT NULL,
    monat           TEXT NOT NULL,
    geheim          INTEGER NOT NULL CHECK (geheim IN (0, 1)),
    PRIMARY KEY (indikator_code, bereich_code, monat)
) WITHOUT ROWID;

CREATE VIEW geheimhaltung_regel AS
-- Only what the verdict needs travels through the rule's sorts: the cell's key, its level and parent, and the persons
-- it counts, twice: teil_a the value (anzahl, bestand) or numerator, teil_b the value or denominator (0 where the
-- source suppressed a contributing value, as the figure is then not shown at all).
WITH zelle AS (
    SELECT o.indikator_code,
           o.monat,
           o.bereich_code,
           b.ebene,
           b.eltern_bereich_code,
           CASE WHEN i.art IN ('anzahl', 'bestand', 'quote') THEN 1 ELSE 0 END AS personen,
           MAX(o.unterdrueckt) AS quelle_unterdrueckt,
           CASE WHEN MAX(o.unterdrueckt) = 1 THEN 0 ELSE COALESCE(CASE WHEN i.art = 'quote' THEN SUM(o.zaehler) ELSE SUM(o.wert) END, 0) END AS teil_a,
           CASE WHEN MAX(o.unterdrueckt) = 1 THEN 0 ELSE COALESCE(CASE WHEN i.art = 'quote' THEN SUM(o.nenner) ELSE SUM(o.wert) END, 0) END AS teil_b
    -- CROSS JOIN keeps this order in SQLite: the listed indicators first, then their values by the key index.
    FROM geheimhaltung_auftrag a
    CROSS JOIN fact_beobachtung o ON o.indikator_code = a.indikator_code
    JOIN dim_indikator i ON i.indikator_code = o.indikator_code
    JOIN dim_bereich b ON b.bereich_code = o.bereich_code
    WHERE o.ersetzt_durch_datei_id IS NULL
    GROUP BY o.indikator_code, o.monat, o.bereich_code
),
klein AS (
    SELECT z.*,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1
                 AND ((z.teil_a > 0 AND z.teil_a < 3) OR (z.teil_b > 0 AND z.teil_b < 3)) THEN 1 ELSE 0 END AS primaer,
           CASE WHEN z.ebene = 'quartier' AND z.personen = 1 AND z.quelle_unterdrueckt = 0
                 AND NOT ((z.teil_a > 0 AND z.teil_a < 3) OR (z.teil_b > 0 AND z.teil_b < 3))
                 AND z.teil_a + z.teil_b > 0 THEN 1 ELSE 0 END AS kandidat
    FROM zelle z
),
-- One sort per Stadtbezirk and month serves every window. A Quartier's group is its Stadtbezirk, and a Stadtbezirk's
-- figure joins its own group (it adds no primary cell and no candidate), so the district's verdict is read from the
-- same window. The candidates come first, smallest first: the running sums before a candidate hold only candidates.
vorher AS (
    SELECT k.*,
           SUM(k.primaer) OVER bezirk AS g_primaer,
           SUM(k.primaer * k.teil_a) OVER bezirk AS g_verborgen_a,
           SUM(k.primaer * k.teil_b) OVER bezirk AS g_verborgen_b,
           SUM(k.kandidat * k.teil_a) OVER bezirk AS g_offen_a,
           SUM(k.kandidat * k.teil_b) OVER bezirk AS g_offen_b,
           COALESCE(SUM(k.teil_a) OVER davor, 0) AS vorher_a,
           COALESCE(SUM(k.teil_b) OVER davor, 0) AS vorher_b
    FROM klein k
    WINDOW reihe AS (PARTITION BY k.indikator_code, k.monat, CASE WHEN k.ebene = 'quartier' THEN k.eltern_bereich_code ELSE k.bereich_code END
                     ORDER BY k.kandidat DESC, k.teil_b, k.teil_a, k.bereich_code),
           bezirk AS (reihe ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING),
           davor AS (reihe ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
-- Stadtbezirke whose Quartiere cannot hide 3 persons between them even when all are hidden (step 3).
bezirk AS (
    SELECT v.*,
           CASE WHEN v.ebene = 'stadtbezirk' AND v.g_primaer > 0
                 AND ((v.g_verborgen_a + v.g_offen_a > 0 AND v.g_verborgen_a + v.g_offen_a < 3)
                   OR (v.g_verborgen_b + v.g_offen_b > 0 AND v.g_verborgen_b + v.g_offen_b < 3)) THEN 1 ELSE 0 END AS ungeschuetzt
    FROM vorher v
),
geheim AS (
    SELECT v.*,
           CASE WHEN v.primaer = 1 THEN 1
                WHEN v.kandidat = 1 AND v.g_primaer > 0
                 AND ((v.g_verborgen_a + v.vorher_a > 0 AND v.g_verborgen_a + v.vorher_a < 3)
                   OR (v.g_verborgen_b + v.vorher_b > 0 AND v.g_verborgen_b + v.vorher_b < 3)) THEN 1
                WHEN v.ebene = 'stadtbezirk' AND v.personen = 1 AND v.ungeschuetzt = 1 THEN 1
                WHEN v.ebene = 'stadt' AND v.personen = 1
                 AND EXISTS (SELECT 1 FROM bezirk d
                             WHERE d.ungeschuetzt = 1 AND d.indikator_code = v.indikator_code AND d.monat = v.monat
                               AND d.eltern_bereich_code = v.bereich_code) THEN 1
                ELSE 0
           END AS geheim
    FROM bezirk v
)
SELECT indikator_code, bereich_code, monat, geheim
FROM geheim;

DROP VIEW rpt_beobachtung_historie;

DROP VIEW rpt_zielerreichung;

DROP VIEW rpt_beobachtung;

DROP VIEW dwh_beobachtung_geheimhaltung;

-- The current figures of every cell with its assessed flag (unassessed: hidden).
CREATE VIEW dwh_beobachtung_geheimhaltung AS
WITH summe AS (
    SELECT o.indikator_code,
           i.massnahme_code,
           i.art,
           o.monat,
           o.bereich_code,
           b.name AS bereich,
           b.ebene,
           b.eltern_bereich_code,
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
    GROUP BY o.indikator_code, i.massnahme_code, i.art, o.monat, o.bereich_code, b.name, b.ebene, b.eltern_bereich_code
)
SELECT s.indikator_code, s.massnahme_code, s.art, s.monat, s.bereich_code, s.bereich, s.ebene,
       s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.lieferungen, s.datenstand, COALESCE(g.geheim, 1) AS geheim
FROM summe s
LEFT JOIN fact_geheimhaltung g ON g.indikator_code = s.indikator_code AND g.bereich_code = s.bereich_code AND g.monat = s.monat;

CREATE VIEW rpt_beobachtung AS
SELECT indikator_code,
       massnahme_code,
       monat,
       bereich_code,
       bereich,
       CASE WHEN geheim = 0 THEN wert END AS wert,
       CASE WHEN geheim = 0 THEN zaehler END AS zaehler,
       CASE WHEN geheim = 0 THEN nenner END AS nenner,
       unterdrueckt,
       CASE WHEN geheim = 1 THEN 'geheim' END AS geheimhaltung,
       lieferungen,
       datenstand
FROM dwh_beobachtung_geheimhaltung;

-- As in 0009, but the month's flag is read from fact_geheimhaltung by key: the view costs what it returns.
CREATE VIEW rpt_zielerreichung AS
WITH basis AS (
    SELECT z.indikator_code,
           i.massnahme_code,
           i.art,
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
           COALESCE(g.geheim, 0) AS monat_geheim
    FROM fact_zielerreichung z
    JOIN dim_indikator i ON i.indikator_code = z.indikator_code
    JOIN dim_bereich b ON b.bereich_code = z.bereich_code
    LEFT JOIN fact_geheimhaltung g ON g.indikator_code = z.indikator_code AND g.bereich_code = z.bereich_code AND g.monat = z.monat
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
                WHEN l.ebene = 'quartier' AND l.art IN ('anzahl', 'bestand') AND l.istwert > 0 AND l.istwert < 3 THEN 1
                ELSE 0
           END AS geheim
    FROM laufend l
)
SELECT indikator_code,
       massnahme_code,
       monat,
       bereich_code,
       bereich,
       CASE WHEN geheim = 0 THEN istwert END AS istwert,
       zielwert,
       zielpfad,
       CASE WHEN geheim = 0 THEN grad END AS zielerreichungsgrad,
       CASE WHEN geheim = 0 THEN status ELSE 'geheim' END AS status,
       CASE WHEN geheim = 0 THEN prognose END AS prognose,
       unterdrueckt AS unterdrueckte_werte,
       CASE WHEN geheim = 1 THEN 'geheim' END AS geheimhaltung,
       berechnet_um,
       status_hinweis
FROM geheim;

-- Per series: hidden where the month's cell is hidden, and for every series of a Quartier's cell where one of them
-- (first or current) is 1 or 2: the shown sum minus the other series would otherwise give it.
CREATE VIEW rpt_beobachtung_historie AS
WITH klein AS (
    SELECT h.*,
           CASE WHEN b.ebene = 'quartier'
                 AND ((i.art IN ('anzahl', 'bestand') AND ((h.erstwert > 0 AND h.erstwert < 3) OR (h.aktueller_wert > 0 AND h.aktueller_wert < 3)))
                   OR (i.art = 'quote' AND ((h.erst_zaehler > 0 AND h.erst_zaehler < 3) OR (h.erst_nenner > 0 AND h.erst_nenner < 3)
                                         OR (h.aktueller_zaehler > 0 AND h.aktueller_zaehler < 3) OR (h.aktueller_nenner > 0 AND h.aktueller_nenner < 3))))
                THEN 1 ELSE 0 END AS klein,
           COALESCE(r.geheim, 0) AS zelle_geheim
    FROM dwh_beobachtung_historie h
    JOIN dim_indikator i ON i.indikator_code = h.indikator_code
    JOIN dim_bereich b ON b.bereich_code = h.bereich_code
    LEFT JOIN dwh_beobachtung_geheimhaltung r ON r.indikator_code = h.indikator_code AND r.monat = h.monat AND r.bereich_code = h.bereich_code
),
markiert AS (
    SELECT k.*,
           CASE WHEN k.zelle_geheim = 1 OR MAX(k.klein) OVER (PARTITION BY k.indikator_code, k.monat, k.bereich_code) = 1
                THEN 'geheim' END AS geheimhaltung
    FROM klein k
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

-- The stewards' view of rejected rows keeps every raw value (CLI rejects, steward reports, workspace read it).

-- Every indicator's cells assessed once now.
INSERT INTO geheimhaltung_auftrag (indikator_code) SELECT indikator_code FROM dim_indikator;

INSERT INTO fact_geheimhaltung (indikator_code, bereich_code, monat, geheim)
SELECT indikator_code, bereich_code, monat, geheim FROM geheimhaltung_regel;

DELETE FROM geheimhaltung_auftrag;
