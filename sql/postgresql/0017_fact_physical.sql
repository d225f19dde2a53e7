-- The physical design of the observation fact, chosen by measurement (docs/performance.md, "Physical design of the
-- fact"): what a bulk load into dwh.fact_beobachtung pays per row and what it buys.
--
-- 1. The two foreign keys to dwh.load_file were checked row by row (an RI trigger per row: a key lookup and a row
--    lock in load_file for each of a file's observations), about half of a COPY into the fact. The same rule now holds
--    per statement: after every INSERT, COPY or UPDATE of the fact, one anti-join of the statement's rows against
--    load_file; a file that observations name cannot be deleted. Violations fail with SQLSTATE 23503 as before.
-- 2. ix_beobachtung_datei (datei_id) becomes a BRIN index: a file's observations are appended together, in the order
--    of datei_id, so block ranges find them (ChangedIndicators, the history views) at no cost per row on the load.
-- 3. Staging is UNLOGGED: its rows live only inside the load's transaction (the merge deletes them before commit), so
--    writing them to the WAL protected nothing. After a crash PostgreSQL empties it, which is what it holds anyway.

ALTER TABLE dwh.fact_beobachtung DROP CONSTRAINT fact_beobachtung_datei_id_fkey;
ALTER TABLE dwh.fact_beobachtung DROP CONSTRAINT fact_beobachtung_ersetzt_durch_datei_id_fkey;

CREATE FUNCTION dwh.beobachtung_dateien_pruefen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM neu n
               WHERE NOT EXISTS (SELECT 1 FROM dwh.load_file f WHERE f.datei_id = n.datei_id)
                  OR (n.ersetzt_durch_datei_id IS NOT NULL
                      AND NOT EXISTS (SELECT 1 FROM dwh.load_file f WHERE f.datei_id = n.ersetzt_durch_datei_id))) THEN
        RAISE EXCEPTION 'Beobachtung verweist auf eine Datei, die dwh.load_file nicht kennt'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'fact_beobachtung', SCHEMA = 'dwh';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_beobachtung_datei_insert AFTER INSERT ON dwh.fact_beobachtung
    REFERENCING NEW TABLE AS neu FOR EACH STATEMENT EXECUTE FUNCTION dwh.beobachtung_dateien_pruefen();
CREATE TRIGGER tr_beobachtung_datei_update AFTER UPDATE ON dwh.fact_beobachtung
    REFERENCING NEW TABLE AS neu FOR EACH STATEMENT EXECUTE FUNCTION dwh.beobachtung_dateien_pruefen();

CREATE FUNCTION dwh.load_file_verweise_pruefen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM alt a
               WHERE EXISTS (SELECT 1 FROM dwh.fact_beobachtung o WHERE o.datei_id = a.datei_id)
                  OR EXISTS (SELECT 1 FROM dwh.fact_beobachtung o WHERE o.ersetzt_durch_datei_id = a.datei_id)) THEN
        RAISE EXCEPTION 'Datei wird von Beobachtungen referenziert und kann nicht gelöscht werden'
            USING ERRCODE = 'foreign_key_violation', TABLE = 'load_file', SCHEMA = 'dwh';
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER tr_load_file_loeschen AFTER DELETE ON dwh.load_file
    REFERENCING OLD TABLE AS alt FOR EACH STATEMENT EXECUTE FUNCTION dwh.load_file_verweise_pruefen();

-- A file's id never changes (an identity column GENERATED ALWAYS), so no update of load_file can orphan a value.

DROP INDEX dwh.ix_beobachtung_datei;
CREATE INDEX ix_beobachtung_datei ON dwh.fact_beobachtung USING brin (datei_id);

ALTER TABLE stg.observation SET UNLOGGED;
