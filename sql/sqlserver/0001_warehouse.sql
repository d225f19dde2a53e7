-- The SQL Server warehouse: the same tables as sql/sqlite, in schema dwh (star schema, loads, rejected rows),
-- staging in schema stg, and the Power BI contract in schema rpt (0003). Dates are date, timestamps datetime2(3) UTC,
-- values decimal(38, 10). dwh itself is created before DbUp runs (its journal lives there).

IF SCHEMA_ID(N'dwh') IS NULL EXEC (N'CREATE SCHEMA dwh AUTHORIZATION dbo');
IF SCHEMA_ID(N'stg') IS NULL EXEC (N'CREATE SCHEMA stg AUTHORIZATION dbo');
IF SCHEMA_ID(N'rpt') IS NULL EXEC (N'CREATE SCHEMA rpt AUTHORIZATION dbo');
GO

CREATE TABLE dwh.dim_massnahme (
    massnahme_code        nvarchar(100) NOT NULL CONSTRAINT pk_dim_massnahme PRIMARY KEY,
    plan_jahr             int NOT NULL,
    titel                 nvarchar(1000) NOT NULL,
    organisationseinheit  nvarchar(400) NOT NULL,
    handlungsfeld         nvarchar(400) NULL,
    zielgruppe            nvarchar(1000) NULL,
    schwerpunktthema      nvarchar(400) NULL,
    leitsaetze            nvarchar(max) NULL,
    aufwand_eur           decimal(38, 10) NULL,
    aufwand_text          nvarchar(1000) NULL
);

CREATE TABLE dwh.dim_indikator (
    indikator_code         nvarchar(100) NOT NULL CONSTRAINT pk_dim_indikator PRIMARY KEY,
    massnahme_code         nvarchar(100) NOT NULL CONSTRAINT fk_indikator_massnahme REFERENCES dwh.dim_massnahme (massnahme_code),
    bezeichnung            nvarchar(1000) NOT NULL,
    einheit                nvarchar(100) NOT NULL,
    art                    nvarchar(40) NOT NULL,
    richtung               nvarchar(40) NULL,
    eltern_indikator_code  nvarchar(100) NULL,
    nachrichtlich          bit NOT NULL CONSTRAINT df_indikator_nachrichtlich DEFAULT 0,
    datenquelle            nvarchar(400) NULL
);

CREATE TABLE dwh.dim_bereich (
    bereich_code        nvarchar(20) NOT NULL CONSTRAINT pk_dim_bereich PRIMARY KEY,
    name                nvarchar(200) NOT NULL,
    ebene               nvarchar(40) NOT NULL,
    eltern_bereich_code nvarchar(20) NULL CONSTRAINT fk_bereich_eltern REFERENCES dwh.dim_bereich (bereich_code)
);

-- Areas (the city, Stadtbezirke, Sozialräume) come from the area catalog on init.

-- Targets keep their history: a revised catalog closes the earlier version (gueltig_bis) and adds the new one.
CREATE TABLE dwh.fact_zielwert (
    zielwert_id     bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_fact_zielwert PRIMARY KEY,
    indikator_code  nvarchar(100) NOT NULL CONSTRAINT fk_zielwert_indikator REFERENCES dwh.dim_indikator (indikator_code),
    plan_jahr       int NOT NULL,
    bereich_code    nvarchar(20) NOT NULL CONSTRAINT fk_zielwert_bereich REFERENCES dwh.dim_bereich (bereich_code),
    vergleich       nvarchar(40) NOT NULL,
    wert            decimal(38, 10) NULL,
    basis           decimal(38, 10) NULL,
    stichtag        date NULL,
    periode_von     date NOT NULL,
    periode_bis     date NOT NULL,
    wortlaut        nvarchar(max) NOT NULL,
    gueltig_ab      datetime2(3) NOT NULL,
    gueltig_bis     datetime2(3) NULL
);

CREATE UNIQUE INDEX ux_zielwert_aktuell ON dwh.fact_zielwert (indikator_code, plan_jahr, bereich_code) WHERE gueltig_bis IS NULL;

CREATE TABLE dwh.load_file (
    datei_id               bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_load_file PRIMARY KEY,
    quelle                 nvarchar(100) NOT NULL,
    datei                  nvarchar(400) NOT NULL,
    pfad                   nvarchar(2000) NOT NULL,
    sha256                 char(64) NOT NULL,
    groesse                bigint NOT NULL,
    status                 nvarchar(40) NOT NULL,
    serie                  nvarchar(200) NULL,
    zeitraum_von           date NULL,
    zeitraum_bis           date NULL,
    zeilen_gelesen         int NOT NULL CONSTRAINT df_load_file_gelesen DEFAULT 0,
    zeilen_geladen         int NOT NULL CONSTRAINT df_load_file_geladen DEFAULT 0,
    zeilen_abgewiesen      int NOT NULL CONSTRAINT df_load_file_abgewiesen DEFAULT 0,
    zeilen_uebersprungen   int NOT NULL CONSTRAINT df_load_file_uebersprungen DEFAULT 0,
    grund_code             nvarchar(100) NULL,
    meldung                nvarchar(max) NULL,
    gestartet_um           datetime2(3) NOT NULL,
    beendet_um             datetime2(3) NULL
);

-- The same bytes land once: a concurrent second claim of a fingerprint waits for the first and then fails (2601).
CREATE UNIQUE INDEX ux_load_file_geladen ON dwh.load_file (sha256) WHERE status = N'geladen';

CREATE TABLE dwh.rejected_row (
    datei_id    bigint NOT NULL CONSTRAINT fk_rejected_row_datei REFERENCES dwh.load_file (datei_id),
    blatt       nvarchar(200) NULL,
    zeile       int NOT NULL,
    spalte      nvarchar(200) NULL,
    rohwert     nvarchar(max) NULL,
    grund_code  nvarchar(100) NOT NULL,
    grund       nvarchar(max) NOT NULL
);

CREATE INDEX ix_rejected_row_datei ON dwh.rejected_row (datei_id);

-- Staging is shared by concurrent loads; each load sees and deletes only the rows of its own file.
CREATE TABLE stg.observation (
    datei_id        bigint NOT NULL,
    indikator_code  nvarchar(100) NOT NULL,
    monat           date NOT NULL,
    bereich_code    nvarchar(20) NOT NULL,
    serie           nvarchar(200) NOT NULL,
    wert            decimal(38, 10) NULL,
    zaehler         decimal(38, 10) NULL,
    nenner          decimal(38, 10) NULL,
    unterdrueckt    bit NOT NULL CONSTRAINT df_stg_observation_unterdrueckt DEFAULT 0,
    datenstand      date NULL
);

CREATE INDEX ix_stg_observation_datei ON stg.observation (datei_id);

-- Every value keeps the file that delivered it; a later file of the same scope supersedes it (ersetzt_durch_datei_id).
CREATE TABLE dwh.fact_beobachtung (
    beobachtung_id          bigint IDENTITY(1, 1) NOT NULL CONSTRAINT pk_fact_beobachtung PRIMARY KEY,
    indikator_code          nvarchar(100) NOT NULL,
    monat                   date NOT NULL,
    bereich_code            nvarchar(20) NOT NULL,
    quelle                  nvarchar(100) NOT NULL,
    serie                   nvarchar(200) NOT NULL,
    wert                    decimal(38, 10) NULL,
    zaehler                 decimal(38, 10) NULL,
    nenner                  decimal(38, 10) NULL,
    unterdrueckt            bit NOT NULL CONSTRAINT df_beobachtung_unterdrueckt DEFAULT 0,
    datenstand              date NULL,
    datei_id                bigint NOT NULL CONSTRAINT fk_beobachtung_datei REFERENCES dwh.load_file (datei_id),
    ersetzt_durch_datei_id  bigint NULL CONSTRAINT fk_beobachtung_ersetzt REFERENCES dwh.load_file (datei_id)
);

CREATE UNIQUE INDEX ux_beobachtung_aktuell ON dwh.fact_beobachtung (indikator_code, monat, bereich_code, serie) WHERE ersetzt_durch_datei_id IS NULL;
CREATE INDEX ix_beobachtung_scope ON dwh.fact_beobachtung (quelle, serie, monat) WHERE ersetzt_durch_datei_id IS NULL;
CREATE INDEX ix_beobachtung_datei ON dwh.fact_beobachtung (datei_id);

CREATE TABLE dwh.fact_zielerreichung (
    indikator_code  nvarchar(100) NOT NULL,
    monat           date NOT NULL,
    bereich_code    nvarchar(20) NOT NULL,
    istwert         decimal(38, 10) NULL,
    zielwert        decimal(38, 10) NULL,
    zielpfad        decimal(38, 10) NULL,
    grad            decimal(38, 10) NULL,
    status          nvarchar(40) NOT NULL,
    prognose        decimal(38, 10) NULL,
    unterdrueckt    bit NOT NULL CONSTRAINT df_zielerreichung_unterdrueckt DEFAULT 0,
    berechnet_um    datetime2(3) NOT NULL,
    CONSTRAINT pk_fact_zielerreichung PRIMARY KEY (indikator_code, monat, bereich_code)
);
GO
