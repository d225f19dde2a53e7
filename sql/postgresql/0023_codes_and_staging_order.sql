-- Performance (issue 19, docs/performance.md "Codes in byte order, staging in arrival order").
-- 1. The codes (every column named *_code, quelle and serie in dwh and stg) compare in byte order, COLLATE "C". A
--    warehouse created under a libc locale other than C/POSIX (C.UTF-8 and de_DE.UTF-8 alike) compared every code
--    through the C library's strcoll, and PostgreSQL 15 turns off abbreviated sort keys for such collations: the index
--    builds after a first load, the merge's index probes and the sorts by indicator, area and month compared whole
--    strings through the locale. Equality is unchanged (every collation here is deterministic); ORDER BY a code now
--    sorts as SQLite does (byte order: under C.UTF-8 the same order as before, under de_DE 'B' sorts before 'a').
--    Names, titles, texts and file names keep the database's collation.
--    All codes change together: two codes of different collations cannot be compared (SQLSTATE 42P22), and the views,
--    statements and foreign keys join them with each other. Only the collation changes, so ALTER ... TYPE keeps the
--    rows where they are and builds every index on these columns again (at 10 M observations, the fact's indexes once).
--    The views depend on the columns and are created again from sql/postgresql/views after the migrations.

DROP VIEW IF EXISTS rpt.zielwert;
DROP VIEW IF EXISTS rpt.beobachtung_historie;
DROP VIEW IF EXISTS rpt.lieferstatus;
DROP VIEW IF EXISTS rpt.bereich;
DROP VIEW IF EXISTS rpt.kalender;
DROP VIEW IF EXISTS rpt.beobachtung;
DROP VIEW IF EXISTS rpt.indikator;
DROP VIEW IF EXISTS rpt.massnahme;
DROP VIEW IF EXISTS rpt.abgewiesene_zeilen;
DROP VIEW IF EXISTS rpt.ladeprotokoll;
DROP VIEW IF EXISTS rpt.zielerreichung;
DROP VIEW IF EXISTS dwh.herkunft;
DROP VIEW IF EXISTS dwh.geheimhaltung_regel;
DROP VIEW IF EXISTS dwh.abgewiesene_zeilen;
DROP VIEW IF EXISTS dwh.beobachtung_geheimhaltung;
DROP VIEW IF EXISTS dwh.beobachtung_historie;
DROP VIEW IF EXISTS dwh.geheimhaltung_schwelle;

-- 2. Staging's key index (0012) in the order a file's rows arrive: month, area, indicator, series. Its columns were
--    (datei_id, indikator_code, monat, ...), so the rows of a file sorted by month went to leaf pages all over it:
--    2.9 of the 4.1 CPU s of a re-delivery's COPY of 1 M values into staging. In arrival order most entries go to the
--    right end of the index (1.5 CPU s). Each merge statement looks staged rows up by all five columns, so any order
--    of them serves; the index stays because a merge whose fact side the planner underestimates (a source's values
--    loaded since the last ANALYZE) probes staging once per fact row, which without an index walks the whole file
--    each time (PostgresStagingPlanFacts).
DROP INDEX stg.ix_stg_observation_schluessel;

-- One ALTER TABLE per table, all its codes at once (each index is built again once). The rule is the one
-- PostgresCodeCollationFacts checks, so a later table's code without COLLATE "C" fails that spec.
DO $$
DECLARE
    t record;
BEGIN
    FOR t IN
        SELECT c.oid::regclass AS tabelle,
               string_agg(format('ALTER COLUMN %I TYPE text COLLATE "C"', a.attname), ', ' ORDER BY a.attnum) AS spalten
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname IN ('dwh', 'stg') AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND a.atttypid = 'text'::regtype AND (a.attname LIKE '%\_code' OR a.attname IN ('quelle', 'serie'))
        GROUP BY c.oid
        ORDER BY c.oid::regclass::text
    LOOP
        EXECUTE format('ALTER TABLE %s %s', t.tabelle, t.spalten);
    END LOOP;
END $$;

CREATE INDEX ix_stg_observation_schluessel ON stg.observation (datei_id, monat, bereich_code, indikator_code, serie);
