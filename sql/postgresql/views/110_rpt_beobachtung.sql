CREATE VIEW rpt.beobachtung AS
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
FROM dwh.beobachtung_geheimhaltung;
