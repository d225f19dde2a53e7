-- Reliability (issue 15): what a committed load leaves to do after its commit is recorded in the load's own
-- transaction and cleared when done, so that a failure after the commit (a timeout of the attainment recomputation,
-- an unwritable reports folder) never turns a loaded file into a failed one and the next run repairs it:
--   zielerreichung_ausstehend: the indicators a load changed whose attainment no recomputation has covered since;
--   bericht_ausstehend: loads with rejected rows whose steward report has not been written yet.
-- No backfill: on the warehouses migrated here every earlier load was followed by its recomputation and report.

CREATE TABLE dwh.zielerreichung_ausstehend (
    datei_id        bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    indikator_code  text NOT NULL,
    PRIMARY KEY (datei_id, indikator_code)
);

CREATE INDEX ix_zielerreichung_ausstehend_indikator ON dwh.zielerreichung_ausstehend (indikator_code);

CREATE TABLE dwh.bericht_ausstehend (
    datei_id  bigint NOT NULL PRIMARY KEY REFERENCES dwh.load_file (datei_id)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.zielerreichung_ausstehend, dwh.bericht_ausstehend TO bielefeld_etl_loader;
