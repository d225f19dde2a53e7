-- Issue 16: what a reader accepted in another form than the contract writes (month header 'Mrz', a number typed as
-- text, a label with a non-breaking space), recorded with the load in its transaction so that stewards see it.
-- One row per distinct note, with the place it first occurred and how often the file has it.

CREATE TABLE dwh.load_normalisierung (
    datei_id  bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    nr        integer NOT NULL,
    code      text NOT NULL,
    blatt     text,
    zeile     integer,
    spalte    text,
    rohwert   text NOT NULL,
    meldung   text NOT NULL,
    anzahl    integer NOT NULL,
    PRIMARY KEY (datei_id, nr)
);

-- The default privileges of 0004_roles.sql cover tables created by the role that ran it; granted explicitly as well,
-- in case another role migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.load_normalisierung TO bielefeld_etl_loader;
