-- Issue 16: what a reader accepted in another form than the contract writes (month header 'Mrz', a number typed as
-- text, a label with a non-breaking space), recorded with the load in its transaction so that stewards see it.
-- One row per distinct note, with the place it first occurred and how often the file has it.

CREATE TABLE load_normalisierung (
    datei_id  INTEGER NOT NULL REFERENCES load_file (datei_id),
    nr        INTEGER NOT NULL,
    code      TEXT NOT NULL,
    blatt     TEXT,
    zeile     INTEGER,
    spalte    TEXT,
    rohwert   TEXT NOT NULL,
    meldung   TEXT NOT NULL,
    anzahl    INTEGER NOT NULL,
    PRIMARY KEY (datei_id, nr)
) WITHOUT ROWID;
