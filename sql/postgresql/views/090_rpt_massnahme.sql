CREATE VIEW rpt.massnahme AS
SELECT massnahme_code, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, aufwand_eur
FROM dwh.dim_massnahme;
