-- Performance (issue 8): the months each loaded file covers, recorded at load time in the load's transaction, so that
-- the delivery calendar (MonthDeliveries: first loaded, last covering file, number of covering files per source and
-- month) reads a table of files × months instead of scanning dwh.fact_beobachtung on every run. A file's months never
-- change once it is loaded. Backfilled here from the fact: the months in which a file has observations.

CREATE TABLE dwh.load_file_monat (
    datei_id  bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    quelle    text NOT NULL,
    monat     date NOT NULL,
    PRIMARY KEY (datei_id, monat)
);

INSERT INTO dwh.load_file_monat (datei_id, quelle, monat)
SELECT DISTINCT datei_id, quelle, monat FROM dwh.fact_beobachtung;

-- The default privileges of 0004_roles.sql cover tables created by the role that ran it; granted explicitly as well,
-- in case another role migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.load_file_monat TO bielefeld_etl_loader;
