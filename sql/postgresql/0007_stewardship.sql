-- Stewardship (issue 10): the review queue of rejected rows, the delivery calendar's state, vintages of values and
-- a status hint that marks provisional attainment figures.

-- Each rejected row gets a stable id for `rejects decide <id>`.
DROP VIEW rpt.abgewiesene_zeilen;

ALTER TABLE dwh.rejected_row ADD COLUMN abweisung_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;

-- Stewards' decisions, kept forever; the latest per identity (source, file name, sheet, row, reason code) counts.
CREATE TABLE dwh.abweisung_entscheidung (
    entscheidung_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quelle           text NOT NULL,
    datei            text NOT NULL,
    blatt            text,
    zeile            integer NOT NULL,
    grund_code       text NOT NULL,
    entscheidung     text NOT NULL CHECK (entscheidung IN ('akzeptiert', 'verworfen', 'korrigiert')),
    kommentar        text NOT NULL,
    entschieden_von  text NOT NULL,
    entschieden_um   timestamptz NOT NULL
);

CREATE INDEX ix_abweisung_entscheidung_identitaet ON dwh.abweisung_entscheidung (quelle, datei, zeile, grund_code);

-- bearbeitung: the decision if there is one; 'behoben' when a later delivery of the same file name no longer rejects
-- the row; 'wiederholt' when a later delivery rejects it again (that occurrence is the one to look at); else 'offen'.
CREATE VIEW rpt.abgewiesene_zeilen AS
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
       CASE
           WHEN e.entscheidung IS NOT NULL THEN e.entscheidung
           WHEN EXISTS (SELECT 1 FROM dwh.load_file n JOIN dwh.rejected_row nr ON nr.datei_id = n.datei_id
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id
                          AND coalesce(nr.blatt, '') = coalesce(r.blatt, '') AND nr.zeile = r.zeile AND nr.grund_code = r.grund_code)
               THEN 'wiederholt'
           WHEN EXISTS (SELECT 1 FROM dwh.load_file n
                        WHERE n.quelle = f.quelle AND n.datei = f.datei AND n.status = 'geladen' AND n.datei_id > f.datei_id)
               THEN 'behoben'
           ELSE 'offen'
       END AS bearbeitung,
       e.entscheidung,
       e.kommentar,
       e.entschieden_von,
       e.entschieden_um
FROM dwh.rejected_row r
JOIN dwh.load_file f ON f.datei_id = r.datei_id
LEFT JOIN dwh.abweisung_entscheidung e
       ON e.quelle = f.quelle AND e.datei = f.datei AND coalesce(e.blatt, '') = coalesce(r.blatt, '')
      AND e.zeile = r.zeile AND e.grund_code = r.grund_code
      AND NOT EXISTS (SELECT 1 FROM dwh.abweisung_entscheidung n
                      WHERE n.quelle = e.quelle AND n.datei = e.datei AND coalesce(n.blatt, '') = coalesce(e.blatt, '')
                        AND n.zeile = e.zeile AND n.grund_code = e.grund_code AND n.entscheidung_id > e.entscheidung_id);

-- The delivery calendar's state per source and data period, computed by the product as of a day (stand_am) after every
-- run and on `status`: a view cannot know "today", so the table holds the day it was computed for.
CREATE TABLE dwh.lieferstatus (
    quelle        text NOT NULL,
    zeitraum_von  date NOT NULL,
    zeitraum_bis  date NOT NULL,
    status        text NOT NULL,
    faellig_am    date NOT NULL,
    geliefert_um  timestamptz,
    zuletzt_um    timestamptz,
    lieferungen   integer NOT NULL,
    tage_verspaetet integer NOT NULL,
    stand_am      date NOT NULL,
    PRIMARY KEY (quelle, zeitraum_bis)
);

CREATE VIEW rpt.lieferstatus AS
SELECT quelle, zeitraum_von, zeitraum_bis, status, faellig_am, geliefert_um, zuletzt_um, lieferungen, tage_verspaetet, stand_am
FROM dwh.lieferstatus;

-- Every value as first reported beside its latest version.
CREATE VIEW rpt.beobachtung_historie AS
WITH versionen AS (
    SELECT o.indikator_code, o.monat, o.bereich_code, o.quelle, o.serie, o.wert, o.zaehler, o.nenner, o.unterdrueckt,
           o.datenstand, o.ersetzt_durch_datei_id, f.beendet_um AS gemeldet_um,
           ROW_NUMBER() OVER (PARTITION BY o.indikator_code, o.monat, o.bereich_code, o.serie ORDER BY f.beendet_um, o.beobachtung_id) AS nr,
           COUNT(*) OVER (PARTITION BY o.indikator_code, o.monat, o.bereich_code, o.serie) AS versionen
    FROM dwh.fact_beobachtung o
    JOIN dwh.load_file f ON f.datei_id = o.datei_id
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
       CAST(e.versionen - 1 AS integer) AS revisionen
FROM versionen e
LEFT JOIN versionen a ON a.indikator_code = e.indikator_code AND a.monat = e.monat AND a.bereich_code = e.bereich_code
                     AND a.serie = e.serie AND a.ersetzt_durch_datei_id IS NULL
WHERE e.nr = 1;

-- A status is provisional when its inputs are late, suppressed or from a file with many open rejected rows.
ALTER TABLE dwh.fact_zielerreichung ADD COLUMN status_hinweis text;

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
       z.berechnet_um,
       z.status_hinweis
FROM dwh.fact_zielerreichung z
JOIN dwh.dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dwh.dim_bereich b ON b.bereich_code = z.bereich_code;

GRANT SELECT ON ALL TABLES IN SCHEMA rpt TO bielefeld_etl_loader, bielefeld_etl_reader;
