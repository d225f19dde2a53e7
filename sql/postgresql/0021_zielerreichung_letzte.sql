-- Performance (issues 15 and 19): the latest attainment (what run prints, status and the nightly summary compare, the
-- dashboard shows) is kept per indicator and area when attainment is recomputed, in the recomputation's transaction and
-- for the indicators it recomputed, as rpt.zielerreichung publishes it: the latest month whose actual the view shows,
-- with the view's values of that month (hidden values stay NULL, a hidden status stays 'geheim'). The read is then a
-- lookup of these rows instead of two windows over every attainment figure (20 s at 10 M observations,
-- docs/performance.md, "The latest attainment, kept"). What the view derives from outside a recomputation is joined or
-- filtered at read time: the measure and the area's name, and a pending indicator (dwh.zielerreichung_ausstehend),
-- which shows nothing. Filled for every indicator after each (re-)creation of the reporting views (the view's rule may
-- have changed) and after a catalog change, so it starts filled after this migration.

CREATE TABLE dwh.zielerreichung_letzte (
    indikator_code  text NOT NULL,
    bereich_code    text NOT NULL,
    monat           date NOT NULL,
    istwert         numeric,
    zielwert        numeric,
    zielpfad        numeric,
    grad            numeric,
    status          text NOT NULL,
    PRIMARY KEY (indikator_code, bereich_code)
);

-- The fingerprint of the catalog last synced (areas, measures, indicators, targets, sets of areas, with the statements
-- that write them and the schema's migrations and views): a sync that finds it unchanged writes nothing, so a night with
-- nothing new spends no round trip per area (8,360 upserts in the 10 M bench).
CREATE TABLE dwh.katalog_stand (
    fingerprint  text NOT NULL
);

-- The default privileges of 0004_roles.sql cover tables created by the role that ran it; granted explicitly as well,
-- in case another role migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.zielerreichung_letzte, dwh.katalog_stand TO bielefeld_etl_loader;
