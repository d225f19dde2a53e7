CREATE VIEW rpt_lieferstatus AS
SELECT quelle, zeitraum_von, zeitraum_bis, status, faellig_am, geliefert_um, zuletzt_um, lieferungen, tage_verspaetet, stand_am
FROM lieferstatus;
