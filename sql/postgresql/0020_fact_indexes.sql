-- Physical design by measurement (issue 19), as on SQLite (sql/sqlite/0016_fact_indexes.sql): the fact keeps only the
-- indexes a statement or view reads. ix_beobachtung_kleine_zahl (0011) served rpt.zielerreichung's probe for months
-- with a Zähler or Nenner of 1 or 2; since 0013 the views read the assessed verdicts from dwh.fact_geheimhaltung by key,
-- and no statement or view has a condition that implies the index's predicate, so the planner cannot use it (EXPLAIN
-- of the views and statements that read the fact; idx_scan 0 on a copy of the 10 M-row bench warehouse after the
-- re-delivery merge and the reads, docs/performance.md).
-- Every load still paid for it: its predicate evaluated for each inserted or updated row, an entry for each small count.
-- SQL Server never had it.
DROP INDEX dwh.ix_beobachtung_kleine_zahl;
