-- The warehouse of the embedded default: star schema (measures × indicators × months × areas),
-- operational tables for loads, and staging. Dates are ISO text (yyyy-MM-dd), timestamps ISO 8601 UTC.

CREATE TABLE dim_massnahme (
    massnahme_code        TEXT PRIMARY KEY,
    plan_jahr             INTEGER NOT NULL,
    titel                 TEXT NOT NULL,
    organisationseinheit  TEXT NOT NULL,
    handlungsfeld         TEXT,
    zielgruppe            TEXT,
    schwerpunktthema      TEXT,
    leitsaetze            TEXT,
    aufwand_eur           REAL,
    aufwand_text          TEXT
);

CREATE TABLE dim_indikator (
    indikator_code         TEXT PRIMARY KEY,
    massnahme_code         TEXT NOT NULL REFERENCES dim_massnahme (massnahme_code),
    bezeichnung            TEXT NOT NULL,
    einheit                TEXT NOT NULL,
    art                    TEXT NOT NULL,
    richtung               TEXT,
    eltern_indikator_code  TEXT,
    nachrichtlich          INTEGER NOT NULL DEFAULT 0,
    datenquelle            TEXT
);

CREATE TABLE dim_bereich (
    bereich_code        TEXT PRIMARY KEY,
    name                TEXT NOT NULL,
    ebene               TEXT NOT NULL,
    eltern_bereich_code TEXT REFERENCES dim_bereich (bereich_code)
);

-- Targets keep their history: a revised catalog closes the earlier version (gueltig_bis) and adds the new one.
CREATE TABLE fact_zielwert (
    zielwert_id     INTEGER PRIMARY KEY,
    indikator_code  TEXT NOT NULL REFERENCES dim_indikator (indikator_code),
    plan_jahr       INTEGER NOT NULL,
    bereich_code    TEXT NOT NULL REFERENCES dim_bereich (bereich_code),
    vergleich       TEXT NOT NULL,
    wert            REAL,
    basis           REAL,
    stichtag        TEXT,
    periode_von     TEXT NOT NULL,
    periode_bis     TEXT NOT NULL,
    wortlaut        TEXT NOT NULL,
    gueltig_ab      TEXT NOT NULL,
    gueltig_bis     TEXT
);

CREATE UNIQUE INDEX ux_zielwert_aktuell ON fact_zielwert (indikator_code, plan_jahr, bereich_code) WHERE gueltig_bis IS NULL;

CREATE TABLE load_file (
    datei_id               INTEGER PRIMARY KEY,
    quelle                 TEXT NOT NULL,
    datei                  TEXT NOT NULL,
    pfad                   TEXT NOT NULL,
    sha256                 TEXT NOT NULL,
    groesse                INTEGER NOT NULL,
    status                 TEXT NOT NULL,
    serie                  TEXT,
    zeitraum_von           TEXT,
    zeitraum_bis           TEXT,
    zeilen_gelesen         INTEGER NOT NULL DEFAULT 0,
    zeilen_geladen         INTEGER NOT NULL DEFAULT 0,
    zeilen_abgewiesen      INTEGER NOT NULL DEFAULT 0,
    zeilen_uebersprungen   INTEGER NOT NULL DEFAULT 0,
    grund_code             TEXT,
    meldung                TEXT,
    gestartet_um           TEXT NOT NULL,
    beendet_um             TEXT
);

-- The same bytes land once: a second claim of a loaded fingerprint fails inside its own transaction.
CREATE UNIQUE INDEX ux_load_file_geladen ON load_file (sha256) WHERE status = 'geladen';

CREATE TABLE rejected_row (
    datei_id    INTEGER NOT NULL REFERENCES load_file (datei_id),
    blatt       TEXT,
    zeile       INTEGER NOT NULL,
    spalte      TEXT,
    rohwert     TEXT,
    grund_code  TEXT NOT NULL,
    grund       TEXT NOT NULL
);

CREATE INDEX ix_rejected_row_datei ON rejected_row (datei_id);

CREATE TABLE stg_observation (
    datei_id        INTEGER NOT NULL,
    indikator_code  TEXT NOT NULL,
    monat           TEXT NOT NULL,
    bereich_code    TEXT NOT NULL,
    serie           TEXT NOT NULL,
    wert            REAL,
    zaehler         REAL,
    nenner          REAL,
    unterdrueckt    INTEGER NOT NULL DEFAULT 0,
    datenstand      TEXT
);

CREATE INDEX ix_stg_observation_datei ON stg_observation (datei_id);

-- Every value keeps the file that delivered it; a later file of the same scope supersedes it (ersetzt_durch_datei_id).
CREATE TABLE fact_beobachtung (
    beobachtung_id          INTEGER PRIMARY KEY,
    indikator_code          TEXT NOT NULL,
    monat                   TEXT NOT NULL,
    bereich_code            TEXT NOT NULL,
    quelle                  TEXT NOT NULL,
    serie                   TEXT NOT NULL,
    wert                    REAL,
    zaehler                 REAL,
    nenner                  REAL,
    unterdrueckt            INTEGER NOT NULL DEFAULT 0,
    datenstand              TEXT,
    datei_id                INTEGER NOT NULL REFERENCES load_file (datei_id),
    ersetzt_durch_datei_id  INTEGER REFERENCES load_file (datei_id)
);

CREATE UNIQUE INDEX ux_beobachtung_aktuell ON fact_beobachtung (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
CREATE INDEX ix_beobachtung_scope ON fact_beobachtung (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;

CREATE TABLE fact_zielerreichung (
    indikator_code  TEXT NOT NULL,
    monat           TEXT NOT NULL,
    bereich_code    TEXT NOT NULL,
    istwert         REAL,
    zielwert        REAL,
    zielpfad        REAL,
    grad            REAL,
    status          TEXT NOT NULL,
    prognose        REAL,
    unterdrueckt    INTEGER NOT NULL DEFAULT 0,
    berechnet_um    TEXT NOT NULL,
    PRIMARY KEY (indikator_code, monat, bereich_code)
);
