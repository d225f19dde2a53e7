-- Performance (issue 8): the months each loaded file covers, recorded at load time in the load's transaction, so that
-- the delivery calendar (MonthDeliveries: first loaded, last covering file, number of covering files per source and
-- month) reads a table of files × months instead of scanning dwh.fact_beobachtung on every run. A file's months never
-- change once it is loaded. Backfilled here from the fact: the months in which a file has observations.
-- The loader's rights on it come with the schema grant of 0004_roles.sql (SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh).

CREATE TABLE dwh.load_file_monat (
    datei_id  bigint NOT NULL CONSTRAINT fk_load_file_monat_load_file REFERENCES dwh.load_file (datei_id),
    quelle    nvarchar(100) NOT NULL,
    monat     date NOT NULL,
    CONSTRAINT pk_load_file_monat PRIMARY KEY (datei_id, monat)
);
GO

INSERT INTO dwh.load_file_monat (datei_id, quelle, monat)
SELECT DISTINCT datei_id, quelle, monat FROM dwh.fact_beobachtung;
GO
