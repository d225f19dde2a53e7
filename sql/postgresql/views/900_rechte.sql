-- A dropped view loses its grants; the default privileges of 0004_roles.sql restore them only when the role that set
-- them re-creates the view, so they are granted here as the versioned migrations granted them.
GRANT SELECT ON dwh.beobachtung_historie, dwh.beobachtung_geheimhaltung, dwh.abgewiesene_zeilen, dwh.geheimhaltung_regel, dwh.herkunft
    TO bielefeld_etl_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA rpt TO bielefeld_etl_loader, bielefeld_etl_reader;
