namespace Bielefeld.Etl.Warehouse.Postgres;

/// <summary>Every statement the PostgreSQL provider issues, in one place (migrations live in sql/postgresql).</summary>
internal static class PostgresSql
{
    /// <summary>The advisory lock key that serialises migrations of one database ("BI-ETL-M").</summary>
    public const long MigrationLockKey = 0x4249_2D45_544C_2D4D;

    public const string TakeMigrationLock = "SELECT pg_advisory_lock(@key)";

    public const string ReleaseMigrationLock = "SELECT pg_advisory_unlock(@key)";

    /// <summary>Creates dwh only when missing: the loader, which runs migrations with nothing left to do, may not create schemas.</summary>
    public const string CreateJournalSchema = "DO $$ BEGIN IF to_regnamespace('dwh') IS NULL THEN CREATE SCHEMA dwh; END IF; END $$";

    /// <summary>Loads of the same source series merge one after the other; different series run in parallel.</summary>
    public const string LockScope = "SELECT pg_advisory_xact_lock(hashtextextended('scope/' || @Source || '/' || coalesce(@SeriesKey, '*'), 0))";

    /// <summary>Attainment recomputations run one after the other, so none overwrites a newer one with older figures.</summary>
    public const string LockAttainment = "SELECT pg_advisory_xact_lock(hashtextextended('attainment', 0))";

    public const string LockCurrentCells = "SELECT pg_advisory_xact_lock(hashtextextended('aktuelle_werte_monat', 0))";

    public const string RecentLoads =
        """
        SELECT datei_id AS DateiId, datei AS Datei, quelle AS Quelle, status AS Status,
               zeilen_gelesen AS ZeilenGelesen, zeilen_geladen AS ZeilenGeladen,
               zeilen_abgewiesen AS ZeilenAbgewiesen, zeilen_uebersprungen AS ZeilenUebersprungen,
               gestartet_um AS GestartetUm, beendet_um AS BeendetUm, meldung AS Meldung
        FROM rpt.ladeprotokoll ORDER BY datei_id DESC LIMIT @count
        """;

    public const string RejectedRows =
        """
        SELECT CAST(datei_id AS bigint) AS DateiId, datei AS Datei, quelle AS Quelle, blatt AS Blatt, CAST(zeile AS bigint) AS Zeile,
               spalte AS Spalte, rohwert AS Rohwert, grund_code AS GrundCode, grund AS Grund, geladen_um AS GeladenUm,
               abweisung_id AS AbweisungId, bearbeitung AS Bearbeitung, entscheidung AS Entscheidung, kommentar AS Kommentar,
               entschieden_von AS EntschiedenVon, entschieden_um AS EntschiedenUm
        FROM dwh.abgewiesene_zeilen
        WHERE (CAST(@FileId AS bigint) IS NULL OR datei_id = @FileId)
          AND (NOT @OpenOnly OR bearbeitung = 'offen')
          AND (CAST(@File AS text) IS NULL OR datei = @File)
          AND (CAST(@Source AS text) IS NULL OR quelle = @Source)
          AND (CAST(@Reason AS text) IS NULL OR grund_code = @Reason)
        ORDER BY datei_id DESC, blatt, zeile, spalte
        LIMIT @Limit
        """;

    /// <summary>
    /// For the recomputation's transaction only: room to sort an indicator's monthly actuals in memory. At 10 M
    /// observations each indicator's actuals took 0.2 s of 1.5 s sorted on disk (docs/performance.md).
    /// </summary>
    public const string PrepareRecomputation = "SET LOCAL work_mem = '64MB'";

    /// <summary>
    /// Per indicator and area the attainment of its latest month with an actual, as kept when attainment was recomputed
    /// (<see cref="StoreLatestAttainmentOfIndicators"/>): a lookup of one row per indicator and area, never a pass over the figures
    /// (two windows over every figure took 20 s at 10 M observations). The measure and the area's name are read now; a
    /// pending indicator shows nothing, as in rpt.zielerreichung.
    /// </summary>
    public const string LatestAttainment =
        """
        SELECT l.indikator_code AS IndikatorCode, i.massnahme_code AS MassnahmeCode, l.monat AS Monat, b.name AS Bereich,
               l.istwert::double precision AS Istwert, l.zielwert::double precision AS Zielwert, l.zielpfad::double precision AS Zielpfad,
               l.grad::double precision AS Zielerreichungsgrad, l.status AS Status
        FROM dwh.zielerreichung_letzte l
        JOIN dwh.dim_indikator i ON i.indikator_code = l.indikator_code
        JOIN dwh.dim_bereich b ON b.bereich_code = l.bereich_code
        WHERE NOT EXISTS (SELECT 1 FROM dwh.zielerreichung_ausstehend p WHERE p.indikator_code = l.indikator_code)
        ORDER BY i.massnahme_code, l.indikator_code, b.name
        """;

    /// <summary>
    /// Keeps the latest attainment of the indicators <c>@indicators</c> as rpt.zielerreichung publishes it: per area the
    /// latest month whose actual the view shows, with the view's values. All of them in one statement (the view's windows
    /// partition by indicator, so the list reaches its scan).
    /// </summary>
    public const string StoreLatestAttainmentOfIndicators =
        """
        DELETE FROM dwh.zielerreichung_letzte WHERE indikator_code = ANY(@indicators);
        INSERT INTO dwh.zielerreichung_letzte (indikator_code, bereich_code, monat, istwert, zielwert, zielpfad, grad, status)
        SELECT letzte.indikator_code, letzte.bereich_code, letzte.monat, letzte.istwert, letzte.zielwert, letzte.zielpfad, letzte.zielerreichungsgrad, letzte.status
        FROM (SELECT v.indikator_code, v.bereich_code, v.monat, v.istwert, v.zielwert, v.zielpfad, v.zielerreichungsgrad, v.status,
                     MAX(v.monat) FILTER (WHERE v.istwert IS NOT NULL) OVER (PARTITION BY v.indikator_code, v.bereich_code) AS letzter_monat
              FROM rpt.zielerreichung v
              WHERE v.indikator_code = ANY(@indicators)) letzte
        WHERE letzte.monat = letzte.letzter_monat
        """;

    public const string LatestAttainmentIndicators = "SELECT indikator_code FROM dwh.dim_indikator ORDER BY indikator_code";

    public const string VerdictCatalog =
        """
        SELECT 'indikator' AS Kind, indikator_code AS Code, art AS Value FROM dwh.dim_indikator
        UNION ALL SELECT 'bereich', bereich_code, ebene FROM dwh.dim_bereich
        UNION ALL SELECT 'menge', menge_code, bereich_code FROM dwh.dim_bereich_menge
        """;

    /// <summary>Every month of every indicator in one area, for the attainment overview.</summary>
    public const string AttainmentSeries =
        """
        SELECT z.indikator_code AS IndikatorCode, z.massnahme_code AS MassnahmeCode, z.monat AS Monat, z.bereich AS Bereich,
               z.istwert::double precision AS Istwert, z.zielwert::double precision AS Zielwert, z.zielpfad::double precision AS Zielpfad,
               z.zielerreichungsgrad::double precision AS Zielerreichungsgrad, z.status AS Status
        FROM rpt.zielerreichung z
        WHERE z.bereich_code = @areaCode
        ORDER BY z.indikator_code, z.monat
        """;

    /// <summary>The same bytes refused for the same reason are recorded once, not every night again.</summary>
    public const string RecordUnloaded =
        """
        INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, grund_code, meldung, gestartet_um, beendet_um)
        SELECT @Pipeline, @Name, @Path, @Sha256, @Size, @status, @reasonCode, @message, @started, @finished
        WHERE NOT EXISTS (
            SELECT 1 FROM dwh.load_file
            WHERE datei_id = (SELECT MAX(datei_id) FROM dwh.load_file WHERE sha256 = @Sha256)
              AND status = @status AND grund_code = @reasonCode)
        """;

    /// <summary>
    /// Claims the fingerprint. A concurrent claim of the same bytes waits on the partial unique index until the first
    /// transaction ends, then either finds them loaded (no row returned) or claims them itself (the first rolled back).
    /// </summary>
    public const string Claim =
        """
        INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um)
        VALUES (@Pipeline, @Name, @Path, @Sha256, @Size, 'geladen', @started)
        ON CONFLICT (sha256) WHERE status = 'geladen' DO NOTHING
        RETURNING datei_id
        """;

    public const string CopyObservations =
        "COPY stg.observation (datei_id, indikator_code, monat, bereich_code, serie, wert, zaehler, nenner, unterdrueckt, datenstand) FROM STDIN (FORMAT BINARY)";

    /// <summary>The same columns as <see cref="CopyObservations"/>, then the source: straight into the fact, as current values.</summary>
    public const string CopyObservationsIntoFact =
        "COPY dwh.fact_beobachtung (datei_id, indikator_code, monat, bereich_code, serie, wert, zaehler, nenner, unterdrueckt, datenstand, quelle) FROM STDIN (FORMAT BINARY)";

    public const string FactIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM dwh.fact_beobachtung)";

    /// <summary>
    /// Every index of the fact, its primary key included, as the catalog defines it now (whatever a migration gave it):
    /// a key is dropped and added back as a constraint, any other index by its definition.
    /// </summary>
    public const string FactIndexes =
        """
        SELECT CASE WHEN k.oid IS NULL THEN format('DROP INDEX dwh.%I', c.relname)
                    ELSE format('ALTER TABLE dwh.fact_beobachtung DROP CONSTRAINT %I', k.conname) END AS "Drop",
               CASE WHEN k.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                    ELSE format('ALTER TABLE dwh.fact_beobachtung ADD CONSTRAINT %I %s', k.conname, pg_get_constraintdef(k.oid)) END AS "Create"
        FROM pg_index i
        JOIN pg_class c ON c.oid = i.indexrelid
        LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')
        WHERE i.indrelid = 'dwh.fact_beobachtung'::regclass
        ORDER BY c.relname
        """;

    /// <summary>
    /// One first load at a time defers the fact's indexes; another one keeps them rather than wait for its lock. Only a
    /// login that owns the fact (or is a member of its owner) may drop and build its indexes and analyse it: the loader
    /// role (bielefeld_etl_loader, 0004_roles.sql) keeps them row by row.
    /// </summary>
    public const string ClaimFirstLoad =
        """
        SELECT CASE WHEN pg_has_role((SELECT relowner FROM pg_class WHERE oid = 'dwh.fact_beobachtung'::regclass), 'USAGE')
                    THEN pg_try_advisory_xact_lock(hashtextextended('erstladung', 0)) ELSE false END
        """;

    /// <summary>
    /// Dropping an index needs the fact to itself. Readers of an empty warehouse wait for its first load; a load of
    /// another source that already read the fact goes ahead of the lock and commits first (its rows are then kept with
    /// the indexes, FactIsEmpty is asked again under the lock).
    /// </summary>
    public const string LockEmptyFact = "LOCK TABLE dwh.fact_beobachtung IN ACCESS EXCLUSIVE MODE";

    /// <summary>The fact's indexes of a first load sorted in memory (the default 64 MB spilled at 1 M observations).</summary>
    public const string PrepareIndexBuild = "SET LOCAL maintenance_work_mem = '256MB'";

    /// <summary>
    /// After the first load's indexes are built: the planner's statistics of the rows just loaded. CREATE INDEX sets the
    /// fact's row count but no column statistics, so the planner took its default selectivities (0.5 % each for
    /// <c>indikator_code = …</c> and <c>ersetzt_durch_datei_id IS NULL</c>: 25 of 1 M rows per indicator) and planned the
    /// recomputation's small-count assessment as nested loops: 170 s instead of 2.3 s in the 1 M bench. Autovacuum
    /// analyses the fact only some time after the commit.
    /// </summary>
    public const string AnalyzeFact = "ANALYZE dwh.fact_beobachtung";

    /// <summary>Whether any value of the source is current (partial index ix_beobachtung_scope).</summary>
    public const string SourceHasCurrentValues =
        "SELECT EXISTS (SELECT 1 FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL AND quelle = @Source)";

    public const string CopyRejectedRows =
        "COPY dwh.rejected_row (datei_id, blatt, zeile, spalte, rohwert, grund_code, grund) FROM STDIN (FORMAT BINARY)";

    /// <summary>Values in the file's scope that it no longer contains, or contains with another value, are superseded.</summary>
    public const string Supersede =
        """
        UPDATE dwh.fact_beobachtung b SET ersetzt_durch_datei_id = @fileId
        WHERE b.ersetzt_durch_datei_id IS NULL AND b.quelle = @Source AND b.serie = @SeriesKey AND b.monat BETWEEN @from::date AND @to::date
          AND NOT EXISTS (
              SELECT 1 FROM stg.observation s
              WHERE s.datei_id = @fileId AND s.indikator_code = b.indikator_code
                AND s.monat = b.monat AND s.bereich_code = b.bereich_code AND s.serie = b.serie
                AND s.wert IS NOT DISTINCT FROM b.wert AND s.zaehler IS NOT DISTINCT FROM b.zaehler
                AND s.nenner IS NOT DISTINCT FROM b.nenner AND s.unterdrueckt = b.unterdrueckt)
        """;

    /// <summary>
    /// The whole per-value merge in one statement and one pass over the staged file. Each staged value is looked up once
    /// in ux_beobachtung_aktuell; what the lookup settles (equal to the current value, or current from another source)
    /// is dropped there and then, so that only what the file adds or changes, and late values, are carried on: a value
    /// with an older Datenstand than the current one is kept in history, superseded at once by the file that holds the
    /// current one; a changed value supersedes the current one and is inserted; a new one is inserted. The earlier form
    /// (delete the settled values from staging, returning every one of them, then supersede and insert in two more
    /// statements) cost 2.9 s of server CPU at 500 k staged values with 7,938 changed, this one 1.6-1.7 s, the clearing of
    /// staging included (docs/performance.md, "The per-value merge in one statement").
    /// A changed value's replacement is made from the row the supersede returns, so its old version is superseded
    /// before the new one enters the current-value key (the unique check sees the transaction's own supersede).
    /// </summary>
    public const string MergePerValue =
        """
        WITH wahl AS MATERIALIZED (
            SELECT s.indikator_code, s.monat, s.bereich_code, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id,
                   b.beobachtung_id AS aktuell_id, CASE WHEN s.datenstand < b.datenstand THEN b.datei_id END AS spaet_hinter_datei_id
            FROM stg.observation s
            LEFT JOIN dwh.fact_beobachtung b
              ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
             AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
            WHERE s.datei_id = @fileId
              AND (b.beobachtung_id IS NULL OR s.datenstand < b.datenstand
                   OR (b.quelle = @Source AND (s.wert IS DISTINCT FROM b.wert OR s.zaehler IS DISTINCT FROM b.zaehler
                                              OR s.nenner IS DISTINCT FROM b.nenner OR s.unterdrueckt <> b.unterdrueckt)))
        ),
        ersetzt AS (
            UPDATE dwh.fact_beobachtung b SET ersetzt_durch_datei_id = @fileId
            FROM wahl w
            WHERE b.beobachtung_id = w.aktuell_id AND w.spaet_hinter_datei_id IS NULL
            RETURNING b.beobachtung_id
        )
        INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id, ersetzt_durch_datei_id)
        SELECT w.indikator_code, w.monat, w.bereich_code, @Source, w.serie, w.wert, w.zaehler, w.nenner, w.unterdrueckt, w.datenstand, w.datei_id, w.spaet_hinter_datei_id
        FROM wahl w
        WHERE w.aktuell_id IS NULL OR w.spaet_hinter_datei_id IS NOT NULL
        UNION ALL
        SELECT w.indikator_code, w.monat, w.bereich_code, @Source, w.serie, w.wert, w.zaehler, w.nenner, w.unterdrueckt, w.datenstand, w.datei_id, NULL
        FROM ersetzt e
        JOIN wahl w ON w.aktuell_id = e.beobachtung_id AND w.spaet_hinter_datei_id IS NULL
        """;

    /// <summary>
    /// A whole-period delivery, after <see cref="Supersede"/>: what is new or changed is inserted; unchanged values keep
    /// the file that first delivered them.
    /// </summary>
    public const string InsertNew =
        """
        INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id
        FROM stg.observation s
        WHERE s.datei_id = @fileId
          AND NOT EXISTS (
              SELECT 1 FROM dwh.fact_beobachtung b
              WHERE b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
                AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie)
        """;

    public const string ChangedIndicators =
        """
        SELECT indikator_code FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
        UNION
        SELECT indikator_code FROM dwh.fact_beobachtung WHERE datei_id = @fileId
        """;

    public const string ClearStaging = "DELETE FROM stg.observation WHERE datei_id = @fileId";

    public const string RecordFileMonth =
        """
        INSERT INTO dwh.load_file_monat (datei_id, quelle, monat) VALUES (@fileId, @source, @month::date)
        """;

    public const string Complete =
        """
        UPDATE dwh.load_file
        SET serie = @SeriesKey, zeitraum_von = @from::date, zeitraum_bis = @to::date,
            zeilen_gelesen = @Read, zeilen_geladen = @Loaded, zeilen_abgewiesen = @Rejected, zeilen_uebersprungen = @Skipped,
            beendet_um = @finished
        WHERE datei_id = @fileId
        """;

    public const string MonthlyActuals =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month, SUM(wert) AS Value,
               SUM(zaehler) AS Numerator, SUM(nenner) AS Denominator, bool_or(unterdrueckt) AS Suppressed
        FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = @indicator AND monat BETWEEN @from::date AND @to::date
        GROUP BY indikator_code, bereich_code, monat
        ORDER BY bereich_code, monat
        """;

    public const string MonthlyActualsOfIndicators =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month, SUM(wert) AS Value,
               SUM(zaehler) AS Numerator, SUM(nenner) AS Denominator, bool_or(unterdrueckt) AS Suppressed
        FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = ANY(@indicators) AND monat BETWEEN @from::date AND @to::date
        GROUP BY indikator_code, bereich_code, monat
        ORDER BY indikator_code, bereich_code, monat
        """;

    /// <summary>
    /// One pass for all indicators of a recomputation: one DISTINCT per indicator walked its entries of
    /// ux_beobachtung_aktuell and fetched each row from the heap (a fresh load has no visibility map yet), 0.3-0.5 s per
    /// indicator at 1 M observations, 216 reads and 13.98 s over the bench (docs/performance.md, "First load and re-delivery at 1 M").
    /// </summary>
    public const string ActualAreas =
        """
        SELECT DISTINCT indikator_code AS Indicator, bereich_code AS Area FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = ANY(@indicators)
        """;

    public const string StoredAttainment =
        """
        SELECT monat AS Month, bereich_code AS Area, istwert AS Actual, zielwert AS Target, zielpfad AS Path, grad AS Degree, status AS Status,
               prognose AS Projection, unterdrueckt AS Suppressed, erreicht AS Met, basis AS Baseline, basis_monat AS BaselineMonth,
               ziel_bereich_code AS TargetArea
        FROM dwh.fact_zielerreichung
        WHERE indikator_code = @indicator
        """;

    public const string DeleteAttainmentFigures =
        """
        DELETE FROM dwh.fact_zielerreichung z
        USING unnest(@months::date[], @areas::text[]) AS k(monat, bereich_code)
        WHERE z.indikator_code = @indicator AND z.monat = k.monat AND z.bereich_code = k.bereich_code
        """;

    public const string RecordAttainmentComputed =
        """
        DELETE FROM dwh.zielerreichung_stand WHERE indikator_code = ANY(@indicators);
        INSERT INTO dwh.zielerreichung_stand (indikator_code, berechnet_um) SELECT unnest(@indicators::text[]), @computed
        """;

    public const string HiddenCells =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, CAST(monat AS text) AS Month FROM dwh.fact_geheimhaltung
        WHERE indikator_code = ANY(@indicators)
        ORDER BY indikator_code, bereich_code, monat
        """;

    public const string CopyAttainment =
        "COPY dwh.fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, prognose, unterdrueckt, berechnet_um, "
        + "erreicht, basis, basis_monat, ziel_bereich_code) FROM STDIN (FORMAT BINARY)";

    public const string CopyConsistencyFindings =
        "COPY dwh.konsistenz_befund (monat, nr, indikator_code, bereich_code, text) FROM STDIN (FORMAT BINARY)";

    public const string ClearAreaSets = "DELETE FROM dwh.dim_bereich_menge";

    public const string InsertAreaSetMember = "INSERT INTO dwh.dim_bereich_menge (menge_code, bereich_code, position) VALUES (@set, @member, @position)";

    public const string CatalogState = "SELECT fingerprint FROM dwh.katalog_stand";

    public const string ClearCatalogState = "DELETE FROM dwh.katalog_stand";

    public const string RecordCatalogState = "INSERT INTO dwh.katalog_stand (fingerprint) VALUES (@fingerprint)";

    public const string UpsertArea =
        """
        INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES (@Code, @Name, @level, @ParentCode)
        ON CONFLICT (bereich_code) DO UPDATE SET name = excluded.name, ebene = excluded.ebene, eltern_bereich_code = excluded.eltern_bereich_code
        """;

    public const string UpsertMeasure =
        """
        INSERT INTO dwh.dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, leitsaetze, aufwand_eur, aufwand_text)
        VALUES (@Code, @year, @Title, @OrgUnit, @PolicyArea, @TargetGroup, @FocalTheme, @principles, @CostEurosPerYear, @CostText)
        ON CONFLICT (massnahme_code) DO UPDATE SET
            plan_jahr = excluded.plan_jahr, titel = excluded.titel, organisationseinheit = excluded.organisationseinheit,
            handlungsfeld = excluded.handlungsfeld, zielgruppe = excluded.zielgruppe, schwerpunktthema = excluded.schwerpunktthema,
            leitsaetze = excluded.leitsaetze, aufwand_eur = excluded.aufwand_eur, aufwand_text = excluded.aufwand_text
        """;

    public const string UpsertIndicator =
        """
        INSERT INTO dwh.dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art, richtung, eltern_indikator_code, nachrichtlich, datenquelle)
        VALUES (@Code, @MeasureCode, @Name, @Unit, @kind, @direction, @ParentCode, @Informational, @DataSource)
        ON CONFLICT (indikator_code) DO UPDATE SET
            massnahme_code = excluded.massnahme_code, bezeichnung = excluded.bezeichnung, einheit = excluded.einheit,
            art = excluded.art, richtung = excluded.richtung, eltern_indikator_code = excluded.eltern_indikator_code,
            nachrichtlich = excluded.nachrichtlich, datenquelle = excluded.datenquelle
        """;

    /// <summary>A target that changed closes its current version; an unchanged one is left alone.</summary>
    public const string CloseChangedTarget =
        """
        UPDATE dwh.fact_zielwert SET gueltig_bis = @now
        WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL
          AND NOT (vergleich = @comparator AND wert IS NOT DISTINCT FROM @value::numeric AND basis IS NOT DISTINCT FROM @baseline::numeric
                   AND stichtag IS NOT DISTINCT FROM @deadline::date AND periode_von = @from::date AND periode_bis = @to::date AND wortlaut = @wording
                   AND zeitraum_art IS NOT DISTINCT FROM @PeriodKind AND ziel_einheit IS NOT DISTINCT FROM @TargetUnit
                   AND stichtag_herkunft IS NOT DISTINCT FROM @DeadlineOrigin AND basis_herkunft IS NOT DISTINCT FROM @BaselineOrigin
                   AND basis_einheit IS NOT DISTINCT FROM @BaselineUnit AND basis_wortlaut IS NOT DISTINCT FROM @BaselineWording)
        """;

    public const string InsertTarget =
        """
        INSERT INTO dwh.fact_zielwert (indikator_code, plan_jahr, bereich_code, vergleich, wert, basis, stichtag, periode_von, periode_bis, wortlaut, gueltig_ab,
                                       zeitraum_art, ziel_einheit, stichtag_herkunft, basis_herkunft, basis_einheit, basis_wortlaut)
        SELECT @indicator, @year, @area, @comparator, @value::numeric, @baseline::numeric, @deadline::date, @from::date, @to::date, @wording, @now,
               @PeriodKind, @TargetUnit, @DeadlineOrigin, @BaselineOrigin, @BaselineUnit, @BaselineWording
        WHERE NOT EXISTS (SELECT 1 FROM dwh.fact_zielwert WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL)
        """;

    public const string Decide =
        """
        INSERT INTO dwh.abweisung_entscheidung (quelle, datei, blatt, zeile, grund_code, entscheidung, kommentar, entschieden_von, entschieden_um)
        SELECT f.quelle, f.datei, r.blatt, r.zeile, r.grund_code, @decision, @comment, @by, @at
        FROM dwh.rejected_row r JOIN dwh.load_file f ON f.datei_id = r.datei_id
        WHERE r.abweisung_id = @abweisungId
        """;

    public const string MonthDeliveries =
        """
        SELECT o.quelle AS Quelle, o.monat AS Monat, MIN(f.beendet_um) AS Erst,
               (SELECT MAX(g.beendet_um) FROM dwh.load_file g
                WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis) AS Zuletzt,
               (SELECT COUNT(*) - COUNT(DISTINCT coalesce(g.serie, '')) + 1 FROM dwh.load_file g
                WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis) AS Dateien
        FROM dwh.load_file_monat o
        JOIN dwh.load_file f ON f.datei_id = o.datei_id
        GROUP BY o.quelle, o.monat
        """;

    public const string ClearDeliveryStatus = "DELETE FROM dwh.lieferstatus";

    public const string InsertDeliveryStatus =
        """
        INSERT INTO dwh.lieferstatus (quelle, zeitraum_von, zeitraum_bis, status, faellig_am, geliefert_um, zuletzt_um, lieferungen, tage_verspaetet, stand_am)
        VALUES (@Source, @From, @To, @State, @Due, @First, @Last, @Deliveries, @DaysLate, @AsOf)
        """;

    public const string ObservationHistory =
        """
        SELECT o.indikator_code AS Indikator, o.monat AS Monat, o.bereich_code AS Bereich, o.quelle AS Quelle, o.serie AS Serie,
               o.wert AS Wert, o.zaehler AS Zaehler, o.nenner AS Nenner, o.unterdrueckt AS Unterdrueckt, o.datei_id AS DateiId,
               f.beendet_um AS GeladenUm, s.beendet_um AS ErsetztUm, f.datei AS Datei, o.datenstand AS Datenstand
        FROM dwh.fact_beobachtung o
        JOIN dwh.load_file f ON f.datei_id = o.datei_id
        LEFT JOIN dwh.load_file s ON s.datei_id = o.ersetzt_durch_datei_id
        WHERE @areaCode::text IS NULL OR o.bereich_code = @areaCode
        """;

    public const string CurrentValues =
        """
        SELECT quelle AS Source, datei_id AS FileId, indikator_code AS IndicatorCode, MIN(monat) AS FirstMonth
        FROM dwh.aktuelle_werte_monat
        GROUP BY quelle, datei_id, indikator_code
        """;

    public const string DecisionHistory =
        """
        SELECT quelle AS Quelle, datei AS Datei, zeile AS Zeile, grund_code AS GrundCode, entscheidung AS Entscheidung,
               kommentar AS Kommentar, entschieden_von AS EntschiedenVon, entschieden_um AS EntschiedenUm
        FROM dwh.abweisung_entscheidung
        ORDER BY entschieden_um, entscheidung_id
        """;

    public const string TargetHistory =
        """
        SELECT indikator_code AS Indikator, bereich_code AS Bereich, vergleich AS Vergleich, wert AS Wert, basis AS Basis,
               stichtag AS Stichtag, periode_von AS Von, periode_bis AS Bis, wortlaut AS Wortlaut, gueltig_ab AS Ab, gueltig_bis AS BisZu
        FROM dwh.fact_zielwert
        """;

    public const string OpenRejectShares =
        """
        SELECT f.datei_id AS DateiId, f.datei AS Datei, f.quelle AS Quelle, CAST(f.zeilen_gelesen AS bigint) AS ZeilenGelesen,
               (SELECT COUNT(DISTINCT (a.zeile, coalesce(a.blatt, ''))) FROM rpt.abgewiesene_zeilen a
                WHERE a.datei_id = f.datei_id AND a.bearbeitung = 'offen') AS Offen
        FROM dwh.load_file f
        WHERE f.status = 'geladen' AND f.zeilen_abgewiesen > 0
        """;

    // The status hints, indicator by indicator (WarehouseProvider.StatusHints): only those whose hints changed or whose
    // figures a recomputation wrote since (statushinweis, statushinweis_ausstehend; migration 0019).

    public const string ClearStatusHints = "UPDATE dwh.fact_zielerreichung SET status_hinweis = NULL WHERE indikator_code = @indicator AND status_hinweis IS NOT NULL";

    public const string SetStatusHint = "UPDATE dwh.fact_zielerreichung SET status_hinweis = @text WHERE indikator_code = @indicator AND monat >= CAST(@from AS date)";

    public const string AppendSuppressedHint =
        """
        UPDATE dwh.fact_zielerreichung
        SET status_hinweis = CASE WHEN status_hinweis IS NULL THEN @suppressedHint ELSE status_hinweis || '; ' || @suppressedHint END
        WHERE indikator_code = @indicator AND unterdrueckt
        """;

    public const string HintsDue = "SELECT indikator_code FROM dwh.statushinweis_ausstehend";

    public const string InsertHintsDue =
        "INSERT INTO dwh.statushinweis_ausstehend (indikator_code) SELECT @indicator WHERE NOT EXISTS (SELECT 1 FROM dwh.statushinweis_ausstehend WHERE indikator_code = @indicator)";

    public const string ClearHintsDue = "DELETE FROM dwh.statushinweis_ausstehend WHERE indikator_code = @indicator";

    public const string WrittenHints = "SELECT indikator_code AS IndicatorCode, CAST(ab_monat AS varchar(10)) AS FromMonth, text AS Text FROM dwh.statushinweis";

    public const string ClearWrittenHints = "DELETE FROM dwh.statushinweis WHERE indikator_code = @indicator";

    public const string InsertWrittenHint = "INSERT INTO dwh.statushinweis (indikator_code, ab_monat, text) VALUES (@indicator, CAST(@from AS date), @text)";

    // The follow-up of loads and recomputations (WarehouseProvider.FollowUp) and provenance, written for every dialect alike.

    public const string InsertNormalisation =
        """
        INSERT INTO dwh.load_normalisierung (datei_id, nr, code, blatt, zeile, spalte, rohwert, meldung, anzahl)
        VALUES (@fileId, @nr, @Code, @Sheet, @Row, @Column, @Raw, @Message, @Count)
        """;

    public const string InsertPendingAttainment = "INSERT INTO dwh.zielerreichung_ausstehend (datei_id, indikator_code) VALUES (@fileId, @indicator)";

    public const string InsertPendingReport = "INSERT INTO dwh.bericht_ausstehend (datei_id) VALUES (@fileId)";

    public const string PendingAttainment = "SELECT DISTINCT indikator_code FROM dwh.zielerreichung_ausstehend";

    public const string ClearPendingAttainment = "DELETE FROM dwh.zielerreichung_ausstehend WHERE indikator_code = @indicator";

    public const string PendingStewardReports =
        """
        SELECT b.datei_id, f.datei FROM dwh.bericht_ausstehend b
        JOIN dwh.load_file f ON f.datei_id = b.datei_id
        ORDER BY b.datei_id
        """;

    public const string StewardReportWritten = "DELETE FROM dwh.bericht_ausstehend WHERE datei_id = @fileId";

    public const string OrderConfidentiality = "INSERT INTO dwh.geheimhaltung_auftrag (indikator_code) VALUES (@indicator)";

    /// <summary>The rule runs only through the months holding a value that could make a small count; only the hidden cells are written.</summary>
    public const string AssessConfidentiality =
        """
        DELETE FROM dwh.fact_geheimhaltung WHERE indikator_code IN (SELECT indikator_code FROM dwh.geheimhaltung_auftrag);
        DELETE FROM dwh.geheimhaltung_stand WHERE indikator_code IN (SELECT indikator_code FROM dwh.geheimhaltung_auftrag);
        INSERT INTO dwh.geheimhaltung_stand (indikator_code, datei_id)
        SELECT indikator_code, (SELECT COALESCE(MAX(datei_id), 0) FROM dwh.load_file) FROM dwh.geheimhaltung_auftrag;
        INSERT INTO dwh.fact_geheimhaltung (indikator_code, bereich_code, monat)
        SELECT indikator_code, bereich_code, monat FROM dwh.geheimhaltung_regel WHERE geheim = 1;
        DELETE FROM dwh.geheimhaltung_auftrag;
        """;

    /// <summary>Dates as the dialect stores them (<c>StoredValues</c> reads them); sorted by the caller.</summary>
    public const string Provenance =
        """
        SELECT indikator_code AS IndikatorCode, monat AS Monat, bereich_code AS BereichCode, zielbereich_code AS ZielbereichCode,
               vergleich AS Vergleich, zielwert_text AS ZielwertText, stichtag_herkunft AS StichtagHerkunft, basis_herkunft AS BasisHerkunft,
               datei_id AS DateiId, quelle AS Quelle, datei AS Datei, datenstand AS Datenstand, geladen_um AS GeladenUm,
               werte AS Werte, entscheidungen AS Entscheidungen, entscheidungen_text AS EntscheidungenText
        FROM dwh.herkunft WHERE indikator_code = @indicator
        """;

    /// <summary>As <see cref="Provenance"/>, for the figures of one area that came from a file.</summary>
    public const string AreaProvenance =
        """
        SELECT indikator_code AS IndikatorCode, monat AS Monat, bereich_code AS BereichCode, zielbereich_code AS ZielbereichCode,
               vergleich AS Vergleich, zielwert_text AS ZielwertText, stichtag_herkunft AS StichtagHerkunft, basis_herkunft AS BasisHerkunft,
               datei_id AS DateiId, quelle AS Quelle, datei AS Datei, datenstand AS Datenstand, geladen_um AS GeladenUm,
               werte AS Werte, entscheidungen AS Entscheidungen, entscheidungen_text AS EntscheidungenText
        FROM dwh.herkunft WHERE bereich_code = @areaCode AND datei_id IS NOT NULL
        """;

    // What the delivery-status-and-hints step needs, kept at load time (migration 0019, WarehouseProvider.CheckState).

    /// <summary>Through ix_beobachtung_datei (BRIN) and ix_beobachtung_ersetzt: as many rows as the load wrote and superseded.</summary>
    public const string ChangedCells =
        """
        SELECT indikator_code AS IndicatorCode, CAST(monat AS varchar(10)) AS Month FROM dwh.fact_beobachtung WHERE datei_id = @fileId
        UNION
        SELECT indikator_code, CAST(monat AS varchar(10)) FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
        """;

    public const string ClearCurrentCell = "DELETE FROM dwh.aktuelle_werte_monat WHERE indikator_code = @indicator AND monat = CAST(@month AS date)";

    /// <summary>One cell's current values (ux_beobachtung_aktuell): a few thousand index entries, not the fact.</summary>
    public const string RecordCurrentCell =
        """
        INSERT INTO dwh.aktuelle_werte_monat (indikator_code, monat, datei_id, quelle)
        SELECT DISTINCT indikator_code, monat, datei_id, quelle FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = @indicator AND monat = CAST(@month AS date)
        """;

    public const string RecordDeliveredCell =
        "INSERT INTO dwh.aktuelle_werte_monat (indikator_code, monat, datei_id, quelle) VALUES (@indicator, CAST(@month AS date), @fileId, @source)";

    public const string InsertPendingConsistency =
        "INSERT INTO dwh.konsistenz_ausstehend (datei_id, indikator_code, monat) VALUES (@fileId, @indicator, CAST(@month AS date))";

    public const string PendingConsistency =
        "SELECT datei_id AS FileId, indikator_code AS IndicatorCode, CAST(monat AS varchar(10)) AS Month FROM dwh.konsistenz_ausstehend";

    public const string ClearPendingConsistency = "DELETE FROM dwh.konsistenz_ausstehend WHERE datei_id = @fileId";

    public const string ConsistencyState = "SELECT regeln FROM dwh.konsistenz_stand";

    public const string ClearConsistencyState = "DELETE FROM dwh.konsistenz_stand";

    public const string RecordConsistencyState = "INSERT INTO dwh.konsistenz_stand (regeln) VALUES (@rules)";

    public const string ClearConsistencyFindings = "DELETE FROM dwh.konsistenz_befund";

    public const string ClearConsistencyFindingsOfMonth = "DELETE FROM dwh.konsistenz_befund WHERE monat = CAST(@month AS date)";

    public const string InsertConsistencyFinding =
        "INSERT INTO dwh.konsistenz_befund (monat, nr, indikator_code, bereich_code, text) VALUES (CAST(@month AS date), @nr, @indicator, @area, @text)";

    public const string ConsistencyFindings =
        """
        SELECT CAST(monat AS varchar(10)) AS Month, nr AS Nr, indikator_code AS IndicatorCode, bereich_code AS AreaCode, text AS Text
        FROM dwh.konsistenz_befund
        """;

    // Each indicator's first by a LIMIT on its range of ix_konsistenz_befund_indikator (0022), counted by one aggregate:
    // numbering every finding in a window sorted all of them (500 k in the 10 M bench, 1.1 s of a run with nothing new).
    public const string ConsistencyFindingsExcerpt =
        """
        SELECT CAST(f.monat AS varchar(10)) AS Month, f.nr AS Nr, c.indikator_code AS IndicatorCode, f.bereich_code AS AreaCode, f.text AS Text,
               c.findings AS Findings
        FROM (SELECT indikator_code, COUNT(*) AS findings FROM dwh.konsistenz_befund GROUP BY indikator_code) c
        CROSS JOIN LATERAL (SELECT b.monat, b.nr, b.bereich_code, b.text FROM dwh.konsistenz_befund b
                            WHERE b.indikator_code = c.indikator_code ORDER BY b.monat, b.nr LIMIT @first) f
        """;
}
