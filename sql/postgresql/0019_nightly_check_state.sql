-- Performance (issue 19, the nightly run with nothing new): what the delivery-status-and-hints step needs about the
-- current values is kept at load time, in the load's transaction, so that the step reads tables as large as what the
-- loads changed, never dwh.fact_beobachtung as a whole (docs/performance.md, "The nightly run with nothing new").
--   aktuelle_werte_monat: per indicator and month, the files (and their source) that have current values there; what
--     CurrentValues aggregated from the whole fact on every run. A load rewrites the rows of the cells it changed.
--   konsistenz_ausstehend: per load, the indicators and months whose figures it changed and that the consistency check
--     has not read since; the check reads only the months of these cells, and clears exactly the loads it read.
--   konsistenz_befund: the consistency check's violations, month by month; a month no load changed keeps its findings.
--   konsistenz_stand: the rules (and Stadtbezirke) the findings were checked with; other rules check every month again.
-- Backfilled: aktuelle_werte_monat from the fact. No findings yet: the first check after this migration reads every
-- delivered month once, as every check did before it.

CREATE TABLE dwh.aktuelle_werte_monat (
    indikator_code  text NOT NULL,
    monat           date NOT NULL,
    datei_id        bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    quelle          text NOT NULL,
    PRIMARY KEY (indikator_code, monat, datei_id)
);

INSERT INTO dwh.aktuelle_werte_monat (indikator_code, monat, datei_id, quelle)
SELECT DISTINCT indikator_code, monat, datei_id, quelle FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL;

CREATE TABLE dwh.konsistenz_ausstehend (
    datei_id        bigint NOT NULL REFERENCES dwh.load_file (datei_id),
    indikator_code  text NOT NULL,
    monat           date NOT NULL,
    PRIMARY KEY (datei_id, indikator_code, monat)
);

CREATE TABLE dwh.konsistenz_befund (
    monat           date NOT NULL,
    nr              integer NOT NULL,
    indikator_code  text NOT NULL,
    bereich_code    text NOT NULL,
    text            text NOT NULL,
    PRIMARY KEY (monat, nr)
);

CREATE TABLE dwh.konsistenz_stand (
    regeln  text NOT NULL
);

-- The status hints (status_hinweis of the attainment figures) are written where they change, not over every figure
-- every night: statushinweis holds the hints last written per indicator (from which month, which text), and
-- statushinweis_ausstehend the indicators whose figures a recomputation wrote since (without hints). An indicator whose
-- hints are the same and whose figures were not recomputed keeps its rows untouched. Every indicator is due once here.

CREATE TABLE dwh.statushinweis (
    indikator_code  text NOT NULL,
    ab_monat        date NOT NULL,
    text            text NOT NULL,
    PRIMARY KEY (indikator_code, ab_monat)
);

CREATE TABLE dwh.statushinweis_ausstehend (
    indikator_code  text NOT NULL PRIMARY KEY
);

INSERT INTO dwh.statushinweis_ausstehend (indikator_code) SELECT indikator_code FROM dwh.dim_indikator;

-- The default privileges of 0004_roles.sql cover tables created by the role that ran it; granted explicitly as well,
-- in case another role migrates.
GRANT SELECT, INSERT, UPDATE, DELETE ON dwh.aktuelle_werte_monat, dwh.konsistenz_ausstehend, dwh.konsistenz_befund, dwh.konsistenz_stand,
    dwh.statushinweis, dwh.statushinweis_ausstehend
    TO bielefeld_etl_loader;
