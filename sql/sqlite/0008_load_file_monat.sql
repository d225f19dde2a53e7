-- Performance (issue 8): the months each loaded file covers, recorded at load time in the load's transaction, so that
-- the delivery calendar (MonthDeliveries: first loaded, last covering file, number of covering files per source and
-- month) reads a table of files × months instead of scanning fact_beobachtung on every run. A file's months never
-- change once it is loaded. Backfilled here from the fact: the months in which a file has observations.

CREATE TABLE load_file_monat (
    datei_id  INTEGER NOT NULL REFERENCES load_file (datei_id),
    quelle    TEXT NOT NULL,
    monat     TEXT NOT NULL,
    PRIMARY KEY (datei_id, monat)
) WITHOUT ROWID;

INSERT INTO load_file_monat (datei_id, quelle, monat)
SELECT DISTINCT datei_id, quelle, monat FROM fact_beobachtung;
