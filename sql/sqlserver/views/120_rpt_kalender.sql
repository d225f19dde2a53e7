CREATE VIEW rpt.kalender AS
SELECT monat,
       jahr,
       quartal,
       CONCAT(jahr, '-Q', quartal) AS quartal_label,
       monat_nr,
       monatsname,
       CONCAT(LEFT(monatsname, 3), ' ', jahr) AS monat_label,
       schuljahr,
       kitajahr
FROM dwh.dim_monat;
