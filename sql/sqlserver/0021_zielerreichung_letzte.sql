-- Performance (issues 15 and 19): the latest attainment (what run prints, status and the nightly summary compare, the
-- dashboard shows) is kept per indicator and area when attainment is recomputed, in the recomputation's transaction and
-- for the indicators it recomputed, as rpt.zielerreichung publishes it: the latest month whose actual the view shows,
-- with the view's values of that month (hidden values stay NULL, a hidden status stays 'geheim'). The read is then a
-- lookup of these rows instead of two windows over every attainment figure (docs/performance.md, "The latest
-- attainment, kept"). What the view derives from outside a recomputation is joined or filtered at read time: the
-- measure and the area's name, and a pending indicator (dwh.zielerreichung_ausstehend), which shows nothing. Filled for
-- every indicator after each (re-)creation of the reporting views (the view's rule may have changed) and after a
-- catalog change, so it starts filled after this migration.
-- The loader's rights come with the schema grant of 0004_roles.sql (SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh).

CREATE TABLE dwh.zielerreichung_letzte (
    indikator_code  nvarchar(100) NOT NULL,
    bereich_code    nvarchar(20) NOT NULL,
    monat           date NOT NULL,
    istwert         decimal(38, 10) NULL,
    zielwert        decimal(38, 10) NULL,
    zielpfad        decimal(38, 10) NULL,
    grad            decimal(38, 10) NULL,
    status          nvarchar(40) NOT NULL,
    CONSTRAINT pk_zielerreichung_letzte PRIMARY KEY (indikator_code, bereich_code)
);
GO

-- The fingerprint of the catalog last synced (areas, measures, indicators, targets, sets of areas, with the statements
-- that write them and the schema's migrations and views): a sync that finds it unchanged writes nothing.
CREATE TABLE dwh.katalog_stand (
    fingerprint  nvarchar(64) NOT NULL
);
GO
