-- Performance (issue 19): a recomputation writes only the attainment figures that changed (docs/performance.md,
-- "Attainment written where it changed"), so the figures it finds unchanged keep the time stamp of their last write.
-- When each indicator was last recomputed, which rpt_zielerreichung shows as berechnet_um of all its figures as before,
-- is kept here: one row per indicator, written by every recomputation of it. Started from the figures' time stamps,
-- which a recomputation wrote alike for all figures of an indicator until now.

CREATE TABLE zielerreichung_stand (
    indikator_code  TEXT PRIMARY KEY,
    berechnet_um    TEXT NOT NULL
);

INSERT INTO zielerreichung_stand (indikator_code, berechnet_um)
SELECT indikator_code, MAX(berechnet_um) FROM fact_zielerreichung GROUP BY indikator_code;
