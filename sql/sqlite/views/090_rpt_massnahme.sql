CREATE VIEW rpt_massnahme AS
SELECT massnahme_code, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, aufwand_eur
FROM dim_massnahme;
