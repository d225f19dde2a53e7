-- The Power BI contract: schema rpt, the same view and column names as rpt_* on SQLite. Aggregates only.
CREATE VIEW rpt.zielerreichung AS
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
FROM dwh.fact_zielerreichung z
JOIN dwh.dim_indikator i ON i.indikator_code = z.indikator_code
JOIN dwh.dim_bereich b ON b.bereich_code = z.bereich_code;
GO

CREATE VIEW rpt.ladeprotokoll AS
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
FROM dwh.load_file f;
GO

CREATE VIEW rpt.abgewiesene_zeilen AS
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
FROM dwh.rejected_row r
JOIN dwh.load_file f ON f.datei_id = r.datei_id;
GO

CREATE VIEW rpt.massnahme AS
SELECT massnahme_code, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, aufwand_eur
FROM dwh.dim_massnahme;
GO

CREATE VIEW rpt.indikator AS
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
FROM dwh.dim_indikator i
LEFT JOIN dwh.fact_zielwert z ON z.indikator_code = i.indikator_code AND z.gueltig_bis IS NULL AND z.bereich_code = N'05711000';
GO
