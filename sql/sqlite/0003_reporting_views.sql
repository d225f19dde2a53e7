-- The Power BI contract. On SQLite the schema rpt becomes the name prefix rpt_. Aggregates only.

CREATE VIEW rpt_zielerreichung AS
SELECT z.indikator_code,
       i.massnahme_code,
       z.monat,
       b.name            AS bereich,
       z.istwert,
       z.zielwert,
       z.zielpfad,
       z.grad            AS zielerreichungsgrad,
       z.status,
       z.prognose,
       z.unterdrueckt    AS unterdrueckte_werte
FROM fact_zielerreichung z
JOIN dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dim_bereich b ON b.bereich_code = z.bereich_code;

CREATE VIEW rpt_ladeprotokoll AS
SELECT f.datei_id,
       f.datei,
       f.quelle,
       f.status,
       f.zeilen_gelesen,
       f.zeilen_geladen,
       f.zeilen_abgewiesen,
       f.zeilen_uebersprungen,
       f.grund_code,
       f.meldung,
       f.sha256,
       f.gestartet_um,
       f.beendet_um
FROM load_file f;

CREATE VIEW rpt_abgewiesene_zeilen AS
SELECT r.datei_id,
       f.datei,
       f.quelle,
       r.blatt,
       r.zeile,
       r.spalte,
       r.rohwert,
       r.grund_code,
       r.grund,
       f.gestartet_um AS geladen_um
FROM rejected_row r
JOIN load_file f ON f.datei_id = r.datei_id;

CREATE VIEW rpt_massnahme AS
SELECT massnahme_code, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, aufwand_eur
FROM dim_massnahme;

CREATE VIEW rpt_indikator AS
SELECT i.indikator_code,
       i.massnahme_code,
       i.bezeichnung,
       i.einheit,
       i.art,
       i.richtung,
       z.wert AS zielwert,
       z.wortlaut AS zielwert_text,
       i.eltern_indikator_code,
       i.nachrichtlich
FROM dim_indikator i
LEFT JOIN fact_zielwert z ON z.indikator_code = i.indikator_code AND z.gueltig_bis IS NULL AND z.bereich_code = '05711000';
