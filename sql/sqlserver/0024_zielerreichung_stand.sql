-- Performance (issue 19): a recomputation writes only the attainment figures that changed (docs/performance.md,
-- "Attainment written where it changed"), so the figures it finds unchanged keep the time stamp of their last write.
-- When each indicator was last recomputed, which rpt.zielerreichung shows as berechnet_um of all its figures as before,
-- is kept here: one row per indicator, written by every recomputation of it. Started from the figures' time stamps,
-- which a recomputation wrote alike for all figures of an indicator until now.
-- The loader's rights come with the schema grant of 0004_roles.sql (SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh).

CREATE TABLE dwh.zielerreichung_stand (
    indikator_code  nvarchar(100) NOT NULL,
    berechnet_um    datetime2(3) NOT NULL,
    CONSTRAINT pk_zielerreichung_stand PRIMARY KEY (indikator_code)
);
GO

INSERT INTO dwh.zielerreichung_stand (indikator_code, berechnet_um)
SELECT indikator_code, MAX(berechnet_um) FROM dwh.fact_zielerreichung GROUP BY indikator_code;
GO
