-- Statistical confidentiality, issue 15 (docs/data-dictionary.md, "Small counts"; docs/security.md). The rule of
-- 0005/0007 let a reader recover hidden counts: the running istwert of rpt zielerreichung differenced month against
-- month, and a Stadtbezirk's figure minus its shown Quartiere when two or more Quartiere were hidden whose sum was
-- itself 1 or 2. The cell suppression is now computed once, in dwh_beobachtung_geheimhaltung, and every published
-- figure follows it:
--   primär:   a Quartier's count (wert of anzahl/bestand, zaehler or nenner of a quote) of 1 or 2.
--   sekundär: the hidden Quartiere of a Stadtbezirk must together hold 3 or more (numerators and denominators each,
--             0 aside): further Quartiere are hidden, smallest first, until they do; where even all of them hold
--             less, the Stadtbezirk's figure is hidden and so is the city's of that month.
--   laufend:  a figure of rpt zielerreichung (istwert, grad, prognose, status) is shown only when every monthly cell it
--             is computed from is shown (anzahl, quote: the plan period up to the month; bestand: the month).
-- Hidden figures say geheimhaltung = 'geheim' and nothing more: 'primaer' would tell the reader the count is 1 or 2.
-- Rejected raw values reach BI readers only where they have the shape of a number or a date.

DROP VIEW rpt_beobachtung_historie;

DROP VIEW rpt_zielerreichung;

DROP VIEW rpt_beobachtung;

DROP VIEW rpt_abgewiesene_zeilen;

-- One row per indicator, month and area with its current figures and whether they are hidden (geheim = 1).
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
),
-- The persons a cell counts, twice: teil_a the value (anzahl, bestand) or numerator, teil_b the value or denominator.
zelle AS (
    SELECT s.*,
           CASE WHEN s.art IN ('anzahl', 'bestand', 'quote') THEN 1 ELSE 0 END AS personen,
           CASE WHEN s.unterdrueckt = 1 THEN 1 ELSE 0 END AS quelle_unterdrueckt,
           COALESCE(CASE WHEN s.art = 'quote' THEN s.zaehler ELSE s.wert END, 0) AS teil_a,
           COALESCE(CASE WHEN s.art = 'quote' THEN s.nenner ELSE s.wert END, 0) AS teil_b
    FROM summe s
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
-- Per Stadtbezirk: what its primary cells hold, and what all its other Quartiere with persons could add.
gruppe AS (
    SELECT indikator_code,
           monat,
           eltern_bereich_code AS bezirk_code,
           SUM(primaer) AS primaer,
           SUM(primaer * teil_a) AS verborgen_a,
           SUM(primaer * teil_b) AS verborgen_b,
           SUM(kandidat * teil_a) AS offen_a,
           SUM(kandidat * teil_b) AS offen_b
    FROM klein
    WHERE ebene = 'quartier' AND personen = 1
    GROUP BY indikator_code, monat, eltern_bereich_code
),
-- Stadtbezirke whose Quartiere cannot hide 3 persons between them even when all are hidden.
ungeschuetzt AS (
    SELECT g.indikator_code, g.monat, g.bezirk_code, d.eltern_bereich_code AS stadt_code
    FROM gruppe g
    JOIN dim_bereich d ON d.bereich_code = g.bezirk_code
    WHERE g.primaer > 0
      AND ((g.verborgen_a + g.offen_a > 0 AND g.verborgen_a + g.offen_a < 3)
        OR (g.verborgen_b + g.offen_b > 0 AND g.verborgen_b + g.offen_b < 3))
),
-- What the candidates before this one (smallest first) hold: a candidate is hidden while the hidden sum is 1 or 2.
vorher AS (
    SELECT k.*,
           COALESCE(SUM(k.teil_a) OVER (PARTITION BY k.indikator_code, k.monat, k.eltern_bereich_code, k.kandidat
                                        ORDER BY k.teil_b, k.teil_a, k.bereich_code
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS vorher_a,
           COALESCE(SUM(k.teil_b) OVER (PARTITION BY k.indikator_code, k.monat, k.eltern_bereich_code, k.kandidat
                                        ORDER BY k.teil_b, k.teil_a, k.bereich_code
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS vorher_b
    FROM klein k
),
geheim AS (
    SELECT v.*,
           CASE WHEN v.primaer = 1 THEN 1
                WHEN v.kandidat = 1 AND g.primaer > 0
                 AND ((g.verborgen_a + v.vorher_a > 0 AND g.verborgen_a + v.vorher_a < 3)
                   OR (g.verborgen_b + v.vorher_b > 0 AND g.verborgen_b + v.vorher_b < 3)) THEN 1
                WHEN v.ebene = 'stadtbezirk' AND v.personen = 1
                 AND EXISTS (SELECT 1 FROM ungeschuetzt u
                             WHERE u.indikator_code = v.indikator_code AND u.monat = v.monat AND u.bezirk_code = v.bereich_code) THEN 1
                WHEN v.ebene = 'stadt' AND v.personen = 1
                 AND EXISTS (SELECT 1 FROM ungeschuetzt u
                             JOIN summe d ON d.indikator_code = u.indikator_code AND d.monat = u.monat AND d.bereich_code = u.bezirk_code
                             WHERE u.indikator_code = v.indikator_code AND u.monat = v.monat AND u.stadt_code = v.bereich_code) THEN 1
                ELSE 0
           END AS geheim
    FROM vorher v
    LEFT JOIN gruppe g ON v.kandidat = 1 AND g.indikator_code = v.indikator_code AND g.monat = v.monat AND g.bezirk_code = v.eltern_bereich_code
)
SELECT indikator_code, massnahme_code, art, monat, bereich_code, bereich, ebene,
       wert, zaehler, nenner, unterdrueckt, lieferungen, datenstand, geheim
FROM geheim;

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

-- A running figure is shown only when every monthly cell it is computed from is shown: then it tells nothing that
-- rpt beobachtung does not. The plan period's rows are consecutive months, so a running maximum over them finds a
-- hidden month up to this one. The status is 'geheim' with the istwert: its thresholds would bound it.
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
    LEFT JOIN dwh_beobachtung_geheimhaltung g ON g.indikator_code = z.indikator_code AND g.monat = z.monat AND g.bereich_code = z.bereich_code
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
CREATE VIEW dwh_abgewiesene_zeilen AS
SELECT r.abweisung_id,
       r.datei_id,
       f.datei,
       f.quelle,
       r.blatt,
       r.zeile,
       r.spalte,
       r.rohwert,
       r.grund_code,
       r.grund,
       f.gestartet_um AS geladen_um,
       CAST(CASE
           WHEN e.entscheidung IS NOT NULL THEN e.entscheidung
           WHEN EXISTS (SELECT 1 FROM load_file n JOIN rejected_row nr ON nr.datei_id = n.datei_id
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id
                          AND coalesce(nr.blatt, '') = coalesce(r.blatt, '') AND nr.zeile = r.zeile AND nr.grund_code = r.grund_code)
               THEN 'wiederholt'
           WHEN EXISTS (SELECT 1 FROM load_file n
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id)
               THEN 'behoben'
           ELSE 'offen'
       END AS TEXT) AS bearbeitung,
       e.entscheidung,
       e.kommentar,
       e.entschieden_von,
       e.entschieden_um
FROM rejected_row r
JOIN load_file f ON f.datei_id = r.datei_id
LEFT JOIN abweisung_entscheidung e
       ON e.quelle = f.quelle AND e.datei = f.datei AND coalesce(e.blatt, '') = coalesce(r.blatt, '')
      AND e.zeile = r.zeile AND e.grund_code = r.grund_code
      AND NOT EXISTS (SELECT 1 FROM abweisung_entscheidung n
                      WHERE n.quelle = e.quelle AND n.datei = e.datei AND coalesce(n.blatt, '') = coalesce(e.blatt, '')
                        AND n.zeile = e.zeile AND n.grund_code = e.grund_code AND n.entscheidung_id > e.entscheidung_id);

-- BI readers see a raw value only when it has the shape of a number or a date (digits and . , : ; / + - % * and
-- spaces, at most 10 characters); anything else (a name, an address, a case number) is replaced by its length, in the
-- value and in the message that quotes it.
CREATE VIEW rpt_abgewiesene_zeilen AS
WITH maske AS (
    SELECT a.*,
           CASE WHEN a.rohwert IS NULL THEN NULL
                WHEN length(a.rohwert) <= 10 AND trim(a.rohwert, '0123456789.,:;/+-%* ') = '' THEN NULL
                ELSE 'verdeckt (' || length(a.rohwert) || ' Zeichen)'
           END AS verdeckt
    FROM dwh_abgewiesene_zeilen a
)
SELECT abweisung_id,
       datei_id,
       datei,
       quelle,
       blatt,
       zeile,
       spalte,
       COALESCE(verdeckt, rohwert) AS rohwert,
       grund_code,
       CASE WHEN verdeckt IS NULL THEN grund ELSE replace(replace(grund, rohwert, verdeckt), trim(rohwert), verdeckt) END AS grund,
       geladen_um,
       bearbeitung,
       entscheidung,
       kommentar,
       entschieden_von,
       entschieden_um
FROM maske;


