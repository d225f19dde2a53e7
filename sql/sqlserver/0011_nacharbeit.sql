-- Reliability (issue 15): what a committed load leaves to do after its commit is recorded in the load's own
-- transaction and cleared when done, so that a failure after the commit (a timeout of the attainment recomputation,
-- an unwritable reports folder) never turns a loaded file into a failed one and the next run repairs it:
--   zielerreichung_ausstehend: the indicators a load changed whose attainment no recomputation has covered since;
--   bericht_ausstehend: loads with rejected rows whose steward report has not been written yet.
-- No backfill: on the warehouses migrated here every earlier load was followed by its recomputation and report.
-- The loader's rights come with the schema grant of 0004_roles.sql (SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh).

CREATE TABLE dwh.zielerreichung_ausstehend (
    datei_id        bigint NOT NULL CONSTRAINT fk_zielerreichung_ausstehend_load_file REFERENCES dwh.load_file (datei_id),
    indikator_code  nvarchar(100) NOT NULL,
    CONSTRAINT pk_zielerreichung_ausstehend PRIMARY KEY (datei_id, indikator_code)
);
GO

CREATE INDEX ix_zielerreichung_ausstehend_indikator ON dwh.zielerreichung_ausstehend (indikator_code);
GO

CREATE TABLE dwh.bericht_ausstehend (
    datei_id  bigint NOT NULL CONSTRAINT pk_bericht_ausstehend PRIMARY KEY
              CONSTRAINT fk_bericht_ausstehend_load_file REFERENCES dwh.load_file (datei_id)
);
GO
