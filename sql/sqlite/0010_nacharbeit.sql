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

-- Performance (issue 15): rpt_zielerreichung hides a Quartier's rate when one of its months in the twelve to date had a
-- Zähler or Nenner of 1 or 2, probing the fact once per attainment figure; this partial index holds only the few
-- small-count current values, so a probe reads none or a handful instead of every current value of those months.
CREATE INDEX ix_beobachtung_kleine_zahl ON fact_beobachtung (indikator_code, bereich_code, monat)
    WHERE ersetzt_durch_datei_id IS NULL AND ((zaehler > 0 AND zaehler < 3) OR (nenner > 0 AND nenner < 3));
