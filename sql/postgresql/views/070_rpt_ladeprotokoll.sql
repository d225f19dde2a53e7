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
