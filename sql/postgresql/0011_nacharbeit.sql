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

-- Performance (issue 15): rpt.zielerreichung hides a Quartier's rate when one of its months in the twelve to date had a
-- Zähler or Nenner of 1 or 2, probing the fact once per attainment figure. The probe read every current value of the
-- indicator, area and twelve months (ux_beobachtung_aktuell); this partial index holds only the few small-count values,
-- so a probe reads none or a handful, and the planner's estimate (which decided JIT compilation) drops by two thirds.
CREATE INDEX ix_beobachtung_kleine_zahl ON dwh.fact_beobachtung (indikator_code, bereich_code, monat)
    WHERE ersetzt_durch_datei_id IS NULL AND ((zaehler > 0 AND zaehler < 3) OR (nenner > 0 AND nenner < 3));
