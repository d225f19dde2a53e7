CREATE VIEW rpt_kalender AS
SELECT monat,
       jahr,
       quartal,
       printf('%04d-Q%d', jahr, quartal) AS quartal_label,
       monat_nr,
       monatsname,
       substr(monatsname, 1, 3) || ' ' || jahr AS monat_label,
       schuljahr,
       kitajahr
FROM dim_monat;
