-- Issue 16: what a reader accepted in another form than the contract writes (month header 'Mrz', a number typed as
-- text, a label with a non-breaking space), recorded with the load in its transaction so that stewards see it.
-- One row per distinct note, with the place it first occurred and how often the file has it.
-- The loader's rights on it come with the schema grant of 0004_roles.sql (SELECT, INSERT, UPDATE, DELETE ON SCHEMA::dwh).

CREATE TABLE dwh.load_normalisierung (
    datei_id  bigint NOT NULL CONSTRAINT fk_load_normalisierung_load_file REFERENCES dwh.load_file (datei_id),
    nr        int NOT NULL,
    code      nvarchar(100) NOT NULL,
    blatt     nvarchar(200) NULL,
    zeile     int NULL,
    spalte    nvarchar(200) NULL,
    rohwert   nvarchar(max) NOT NULL,
    meldung   nvarchar(max) NOT NULL,
    anzahl    int NOT NULL,
    CONSTRAINT pk_load_normalisierung PRIMARY KEY (datei_id, nr)
);
GO
