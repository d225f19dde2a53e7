-- The physical design of the observation fact, as on PostgreSQL (sql/postgresql/0017_fact_physical.sql,
-- docs/performance.md "Physical design of the fact"): the foreign keys of dwh.fact_beobachtung to dwh.load_file give
-- way to one check per statement. SqlBulkCopy writes the fact with FIRE_TRIGGERS (SqlServerWarehouse.BulkCopyAsync),
-- so a bulk batch is checked by one join as well. Violations fail with error 50547 (547 is SQL Server's own foreign
-- key error; THROW takes numbers from 50000). The datei_id index stays a B-tree (SQL Server has no block-range index)
-- and staging stays logged (SQL Server has no unlogged tables).

ALTER TABLE dwh.fact_beobachtung DROP CONSTRAINT fk_beobachtung_datei;
ALTER TABLE dwh.fact_beobachtung DROP CONSTRAINT fk_beobachtung_ersetzt;
GO

CREATE TRIGGER dwh.tr_beobachtung_datei ON dwh.fact_beobachtung AFTER INSERT, UPDATE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM inserted n
               WHERE NOT EXISTS (SELECT 1 FROM dwh.load_file f WHERE f.datei_id = n.datei_id)
                  OR (n.ersetzt_durch_datei_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM dwh.load_file f WHERE f.datei_id = n.ersetzt_durch_datei_id)))
        THROW 50547, N'Beobachtung verweist auf eine Datei, die dwh.load_file nicht kennt', 1;
END;
GO

CREATE TRIGGER dwh.tr_load_file_loeschen ON dwh.load_file AFTER DELETE AS
BEGIN
    SET NOCOUNT ON;
    IF EXISTS (SELECT 1 FROM deleted a
               WHERE EXISTS (SELECT 1 FROM dwh.fact_beobachtung o WHERE o.datei_id = a.datei_id)
                  OR EXISTS (SELECT 1 FROM dwh.fact_beobachtung o WHERE o.ersetzt_durch_datei_id = a.datei_id))
        THROW 50547, N'Datei wird von Beobachtungen referenziert und kann nicht gelöscht werden', 1;
END;
GO
