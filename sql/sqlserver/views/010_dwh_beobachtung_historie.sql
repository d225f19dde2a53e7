CREATE VIEW dwh.beobachtung_historie AS
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
       CAST(e.versionen - 1 AS int) AS revisionen
FROM versionen e
LEFT JOIN versionen a ON a.indikator_code = e.indikator_code AND a.monat = e.monat AND a.bereich_code = e.bereich_code
                     AND a.serie = e.serie AND a.ersetzt_durch_datei_id IS NULL
WHERE e.nr = 1;
