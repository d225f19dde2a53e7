-- Physical design by measurement (issue 19): every index of the fact is paid for by every inserted row, so the fact
-- keeps only the indexes a statement or view reads. ix_beobachtung_kleine_zahl (0010) served rpt_zielerreichung's
-- probe for months with a Zähler or Nenner of 1 or 2; since 0012 the views read the assessed verdicts from
-- fact_geheimhaltung by key and no statement or view uses it (EXPLAIN QUERY PLAN of every view and provider statement).
-- Kept: ux_beobachtung_aktuell (one current value per key; the merge's, attainment's and the rule's lookups),
-- ix_beobachtung_scope (a full snapshot's supersede, whether a source has current values), ix_beobachtung_datei and
-- ix_beobachtung_ersetzt (what a re-delivery changed). A first load into an empty fact builds them after its rows
-- (SqliteWarehouse.DeferFactIndexesIfEmptyAsync).
DROP INDEX ix_beobachtung_kleine_zahl;
