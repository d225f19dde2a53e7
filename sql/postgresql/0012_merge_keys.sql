-- Performance (issue 15): a re-delivery merges its staged values with the fact by their key (indicator, month, area,
-- series). Staging was indexed on datei_id alone: a plan that looks staged values up from the fact (the anti-join of
-- a full snapshot, or any nested loop the planner picks on staging's stale statistics) walked the whole staged file
-- per fact row. With the key in the index each lookup is one index seek, whichever way round the join runs.
DROP INDEX stg.ix_stg_observation_datei;
CREATE INDEX ix_stg_observation_schluessel ON stg.observation (datei_id, indikator_code, monat, bereich_code, serie);
