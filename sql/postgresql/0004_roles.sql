-- Least privilege. Two group roles (NOLOGIN): logins are created by the DBA and granted one of them.
--   bielefeld_etl_loader  writes staging (stg), the warehouse and the load audit (dwh); reads rpt for `status`.
--   bielefeld_etl_reader  (Power BI) may only SELECT from rpt; the views run with their owner's rights, so the
--                         reader needs, and has, no right on dwh or stg.
-- Roles belong to the whole cluster, not to one database: a second database in the same cluster finds them there,
-- and two databases migrating at the same moment may both try to create them (hence the exception handlers).

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bielefeld_etl_loader') THEN
        CREATE ROLE bielefeld_etl_loader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bielefeld_etl_reader') THEN
        CREATE ROLE bielefeld_etl_reader NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

REVOKE ALL ON SCHEMA dwh, stg, rpt FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA dwh, stg, rpt FROM PUBLIC;

GRANT USAGE ON SCHEMA dwh, stg, rpt TO bielefeld_etl_loader;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA dwh, stg TO bielefeld_etl_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA rpt TO bielefeld_etl_loader;

GRANT USAGE ON SCHEMA rpt TO bielefeld_etl_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA rpt TO bielefeld_etl_reader;

-- Tables and views that later migrations create get the same rights.
ALTER DEFAULT PRIVILEGES IN SCHEMA dwh, stg GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO bielefeld_etl_loader;
ALTER DEFAULT PRIVILEGES IN SCHEMA rpt GRANT SELECT ON TABLES TO bielefeld_etl_loader, bielefeld_etl_reader;

-- Nobody writes by the back door of temporary tables; the loader does not need them either (staging is stg).
DO $$
BEGIN
    EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END
$$;
