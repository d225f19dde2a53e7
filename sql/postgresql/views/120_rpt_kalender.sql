CREATE VIEW rpt.kalender AS
SELECT monat,
       jahr,
       quartal,
       format('%s-Q%s', jahr, quartal) AS quartal_label,
       monat_nr,
       monatsname,
       left(monatsname, 3) || ' ' || jahr AS monat_label,
       schuljahr,
       kitajahr
FROM dwh.dim_monat;
