-- Least privilege: two database roles; the DBA maps logins (or Windows groups) to them.
--   bielefeld_etl_loader  writes staging (stg), the warehouse and the load audit (dwh); reads rpt for `status`.
--   bielefeld_etl_reader  (Power BI) may only SELECT from rpt. The views and the tables share the owner dbo, so
--                         ownership chaining lets the reader read the views without any right on dwh or stg.
IF DATABASE_PRINCIPAL_ID(N'bielefeld_etl_loader') IS NULL CREATE ROLE bielefeld_etl_loader AUTHORIZATION dbo;
IF DATABASE_PRINCIPAL_ID(N'bielefeld_etl_reader') IS NULL CREATE ROLE bielefeld_etl_reader AUTHORIZATION dbo;
GO

GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh TO bielefeld_etl_loader;
GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA::stg TO bielefeld_etl_loader;
GRANT SELECT ON SCHEMA::rpt TO bielefeld_etl_loader;
GRANT SELECT ON SCHEMA::rpt TO bielefeld_etl_reader;
DENY SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh TO bielefeld_etl_reader;
DENY SELECT, INSERT, UPDATE, DELETE ON SCHEMA::stg TO bielefeld_etl_reader;
DENY INSERT, UPDATE, DELETE ON SCHEMA::rpt TO bielefeld_etl_reader;
GO
