-- The PostgreSQL warehouse: the same tables as sql/sqlite, in schema dwh (star schema, loads, rejected rows),
-- staging in schema stg, and the Power BI contract in schema rpt (0003). Dates are date, timestamps timestamptz (UTC),
-- values numeric, so no figure is rounded on its way in. dwh itself is created before DbUp runs (its journal lives there).

CREATE SCHEMA IF NOT EXISTS dwh;
CREATE SCHEMA IF NOT EXISTS stg;
CREATE SCHEMA IF NOT EXISTS rpt;

CREATE TABLE dwh.dim_massnahme (
    massnahme_code        text PRIMARY KEY,
    plan_jahr             integer NOT NULL,
    titel                 text NOT NULL,
    organisationseinheit  text NOT NULL,
    handlungsfeld         text,
    zielgruppe            text,
    schwerpunktthema      text,
    leitsaetze            text,
    aufwand_eur           numeric,
    aufwand_text          text
);

CREATE TABLE dwh.dim_indikator (
    indikator_code         text PRIMARY KEY,
    massnahme_code         text NOT NULL REFERENCES dwh.dim_massnahme (massnahme_code),
    bezeichnung            text NOT NULL,
    einheit                text NOT NULL,
    art                    text NOT NULL,
    richtung               text,
    eltern_indikator_code  text,
    nachrichtlich          boolean NOT NULL DEFAULT false,
    datenquelle            text
);

CREATE TABLE dwh.dim_bereich (
    bereich_code        text PRIMARY KEY,
    name                text NOT NULL,
    ebene               text NOT NULL,
    eltern_bereich_code text REFERENCES dwh.dim_bereich (bereich_code)
);

-- Areas (the city, Stadtbezirke, Sozialräume) come from the area catalog on init.

-- Targets keep their history: a revised catalog closes the earlier version (gueltig_bis) and adds the new one.
CREATE TABLE dwh.fact_zielwert (
    zielwert_id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indikator_code  text NOT NULL REFERENCES dwh.dim_indikator (indikator_code),
    plan_jahr       integer NOT NULL,
    bereich_code    text NOT NULL REFERENCES dwh.dim_bereich (bereich_code),
    vergleich       text NOT NULL,
    wert            numeric,
    basis           numeric,
    stichtag        date,
    periode_von     date NOT NULL,
    periode_bis     date NOT NULL,
    wortlaut        text NOT NULL,
    gueltig_ab      timestamptz NOT NULL,
    gueltig_bis     timestamptz
);

CREATE UNIQUE INDEX ux_zielwert_aktuell ON dwh.fact_zielwert (indikator_code, plan_jahr, bereich_code) WHERE gueltig_bis IS NULL;

CREATE TABLE dwh.load_file (
    datei_id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    quelle                 text NOT NULL,
    datei                  text NOT NULL,
    pfad                   text NOT NULL,
    sha256                 text NOT NULL,
    groesse                bigint NOT NULL,
    status                 text NOT NULL,
    serie                  text,
    zeitraum_von           date,
    zeitraum_bis           date,
    zeilen_gelesen         integer NOT NULL DEFAULT 0,
    zeilen_geladen         integer NOT NULL DEFAULT 0,
    zeilen_abgewiesen      integer NOT NULL DEFAULT 0,
    zeilen_uebersprungen   integer NOT NULL DEFAULT 0,
    grund_code             text,
    meldung                text,
    gestartet_um           timestamptz NOT NULL,
    beendet_um             timestamptz
);

-- The same bytes land once: a concurrent second claim of a fingerprint waits for the first and then finds it loaded.
CREATE UNIQUE INDEX ux_load_file_geladen ON dwh.load_file (sha256) WHERE status = 'geladen';

CREATE TABLE dwh.rejected_row (
    datei_id    bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    blatt       text,
    zeile       integer NOT NULL,
    spalte      text,
    rohwert     text,
    grund_code  text NOT NULL,
    grund       text NOT NULL
);

CREATE INDEX ix_rejected_row_datei ON dwh.rejected_row (datei_id);

-- Staging is shared by concurrent loads; each load sees and deletes only the rows of its own file.
CREATE TABLE stg.observation (
    datei_id        bigint NOT NULL,
    indikator_code  text NOT NULL,
    monat           date NOT NULL,
    bereich_code    text NOT NULL,
    serie           text NOT NULL,
    wert            numeric,
    zaehler         numeric,
    nenner          numeric,
    unterdrueckt    boolean NOT NULL DEFAULT false,
    datenstand      date
);

CREATE INDEX ix_stg_observation_datei ON stg.observation (datei_id);

-- Every value keeps the file that delivered it; a later file of the same scope supersedes it (ersetzt_durch_datei_id).
CREATE TABLE dwh.fact_beobachtung (
    beobachtung_id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indikator_code          text NOT NULL,
    monat                   date NOT NULL,
    bereich_code            text NOT NULL,
    quelle                  text NOT NULL,
    serie                   text NOT NULL,
    wert                    numeric,
    zaehler                 numeric,
    nenner                  numeric,
    unterdrueckt            boolean NOT NULL DEFAULT false,
    datenstand              date,
    datei_id                bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    ersetzt_durch_datei_id  bigint REFERENCES dwh.load_file (datei_id)
);

CREATE UNIQUE INDEX ux_beobachtung_aktuell ON dwh.fact_beobachtung (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
CREATE INDEX ix_beobachtung_scope ON dwh.fact_beobachtung (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;
CREATE INDEX ix_beobachtung_ersetzt ON dwh.fact_beobachtung (ersetzt_durch_datei_id) WHERE ersetzt_durch_datei_id IS NOT NULL;
CREATE INDEX ix_beobachtung_datei ON dwh.fact_beobachtung (datei_id);

CREATE TABLE dwh.fact_zielerreichung (
    indikator_code  text NOT NULL,
    monat           date NOT NULL,
    bereich_code    text NOT NULL,
    istwert         numeric,
    zielwert        numeric,
    zielpfad        numeric,
    grad            numeric,
    status          text NOT NULL,
    prognose        numeric,
    unterdrueckt    boolean NOT NULL DEFAULT false,
    berechnet_um    timestamptz NOT NULL,
    PRIMARY KEY (indikator_code, monat, bereich_code)
);
