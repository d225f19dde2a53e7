-- Performance (issue 19): a recomputation writes only the attainment figures that changed (docs/performance.md,
-- "Attainment written where it changed"), so the figures it finds unchanged keep the time stamp of their last write.
-- When each indicator was last recomputed, which rpt.zielerreichung shows as berechnet_um of all its figures as before,
-- is kept here: one row per indicator, written by every recomputation of it. Started from the figures' time stamps,
-- which a recomputation wrote alike for all figures of an indicator until now.

CREATE TABLE dwh.zielerreichung_stand (
    indikator_code  text COLLATE "C" PRIMARY KEY,  -- a code: byte order, as every code since 0023
    berechnet_um    timestamptz NOT NULL
);

INSERT INTO dwh.zielerreichung_stand (indikator_code, berechnet_um)
SELECT indikator_code, MAX(berechnet_um) FROM dwh.fact_zielerreichung GROUP BY indikator_code;

-- The default privileges of 0004_roles.sql cover tables created by the role that ran it; granted explicitly as well,
-- in case another role migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.zielerreichung_stand TO bielefeld_etl_loader;
