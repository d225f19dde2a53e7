-- Reliability (issue 15): what a committed load leaves to do after its commit is recorded in the load's own
-- transaction and cleared when done, so that a failure after the commit (the attainment recomputation, an
-- unwritable reports folder) never turns a loaded file into a failed one and the next run repairs it:
--   zielerreichung_ausstehend: the indicators a load changed whose attainment no recomputation has covered since;
--   bericht_ausstehend: loads with rejected rows whose steward report has not been written yet.
-- No backfill: on the warehouses migrated here every earlier load was followed by its recomputation and report.

CREATE TABLE zielerreichung_ausstehend (
    datei_id        INTEGER NOT NULL REFERENCES load_file (datei_id),
    indikator_code  TEXT NOT NULL,
    PRIMARY KEY (datei_id, indikator_code)
) WITHOUT ROWID;

CREATE INDEX ix_zielerreichung_ausstehend_indikator ON zielerreichung_ausstehend (indikator_code);

CREATE TABLE bericht_ausstehend (
    datei_id  INTEGER NOT NULL PRIMARY KEY REFERENCES load_file (datei_id)
);
