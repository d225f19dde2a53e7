namespace Bielefeld.Etl.Warehouse.SqlServer;

/// <summary>
/// Every T-SQL statement the SQL Server provider issues, in one place, so that a test can parse each of them with
/// ScriptDom on every run (migrations live in sql/sqlserver). Lists of codes travel as a JSON array (OPENJSON).
/// </summary>
internal static class SqlServerSql
{
    public const string TakeMigrationLock =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = @timeoutMs;
        IF @result < 0 THROW 51000, N'Die Migrationssperre wurde nicht erhalten.', 1;
        """;

    public const string ReleaseMigrationLock = "EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session';";

    public const string CreateJournalSchema = "IF SCHEMA_ID(N'dwh') IS NULL EXEC (N'CREATE SCHEMA dwh AUTHORIZATION dbo');";

    /// <summary>Loads of the same source series merge one after the other; different series run in parallel.</summary>
    public const string LockScope =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = @resource, @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
        IF @result < 0 THROW 51001, N'Die Sperre der Lieferserie wurde nicht erhalten.', 1;
        """;

    /// <summary>Whether any value of the source is current (filtered index ix_beobachtung_scope).</summary>
    public const string SourceHasCurrentValues =
        "SELECT CASE WHEN EXISTS (SELECT 1 FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL AND quelle = @Source) THEN 1 ELSE 0 END;";

    public const string RecentLoads =
        """
        SELECT TOP (@count) datei_id AS DateiId, datei AS Datei, quelle AS Quelle, status AS Status,
               zeilen_gelesen AS ZeilenGelesen, zeilen_geladen AS ZeilenGeladen,
               zeilen_abgewiesen AS ZeilenAbgewiesen, zeilen_uebersprungen AS ZeilenUebersprungen,
               gestartet_um AS GestartetUm, beendet_um AS BeendetUm, meldung AS Meldung
        FROM rpt.ladeprotokoll ORDER BY datei_id DESC;
        """;

    public const string RejectedRows =
        """
        SELECT TOP (@Limit) CAST(datei_id AS bigint) AS DateiId, datei AS Datei, quelle AS Quelle, blatt AS Blatt, CAST(zeile AS bigint) AS Zeile,
               spalte AS Spalte, rohwert AS Rohwert, grund_code AS GrundCode, grund AS Grund, geladen_um AS GeladenUm,
               abweisung_id AS AbweisungId, bearbeitung AS Bearbeitung, entscheidung AS Entscheidung, kommentar AS Kommentar,
               entschieden_von AS EntschiedenVon, entschieden_um AS EntschiedenUm
        FROM dwh.abgewiesene_zeilen
        WHERE (@FileId IS NULL OR datei_id = @FileId)
          AND (@OpenOnly = 0 OR bearbeitung = N'offen')
          AND (@File IS NULL OR datei = @File)
          AND (@Source IS NULL OR quelle = @Source)
          AND (@Reason IS NULL OR grund_code = @Reason)
        ORDER BY datei_id DESC, blatt, zeile, spalte;
        """;

    /// <summary>
    /// Per indicator and area the attainment of its latest month with an actual, as kept when attainment was recomputed
    /// (<see cref="StoreLatestAttainmentOfIndicators"/>): a lookup, not two windows over every figure. The measure and the area's name
    /// are read now; a pending indicator shows nothing, as in rpt.zielerreichung.
    /// </summary>
    public const string LatestAttainment =
        """
        SELECT l.indikator_code AS IndikatorCode, i.massnahme_code AS MassnahmeCode, l.monat AS Monat, b.name AS Bereich,
               CAST(l.istwert AS float) AS Istwert, CAST(l.zielwert AS float) AS Zielwert, CAST(l.zielpfad AS float) AS Zielpfad,
               CAST(l.grad AS float) AS Zielerreichungsgrad, l.status AS Status
        FROM dwh.zielerreichung_letzte l
        JOIN dwh.dim_indikator i ON i.indikator_code = l.indikator_code
        JOIN dwh.dim_bereich b ON b.bereich_code = l.bereich_code
        WHERE NOT EXISTS (SELECT 1 FROM dwh.zielerreichung_ausstehend p WHERE p.indikator_code = l.indikator_code)
        ORDER BY i.massnahme_code, l.indikator_code, b.name;
        """;

    /// <summary>Keeps the latest attainment of the indicators <c>@indicators</c> as rpt.zielerreichung publishes it, all in one statement.</summary>
    public const string StoreLatestAttainmentOfIndicators =
        """
        DELETE FROM dwh.zielerreichung_letzte WHERE indikator_code IN (SELECT value FROM OPENJSON(@indicators));
        INSERT INTO dwh.zielerreichung_letzte (indikator_code, bereich_code, monat, istwert, zielwert, zielpfad, grad, status)
        SELECT letzte.indikator_code, letzte.bereich_code, letzte.monat, letzte.istwert, letzte.zielwert, letzte.zielpfad, letzte.zielerreichungsgrad, letzte.status
        FROM (SELECT v.indikator_code, v.bereich_code, v.monat, v.istwert, v.zielwert, v.zielpfad, v.zielerreichungsgrad, v.status,
                     MAX(CASE WHEN v.istwert IS NOT NULL THEN v.monat END) OVER (PARTITION BY v.indikator_code, v.bereich_code) AS letzter_monat
              FROM rpt.zielerreichung v
              WHERE v.indikator_code IN (SELECT value FROM OPENJSON(@indicators))) letzte
        WHERE letzte.monat = letzte.letzter_monat;
        """;

    public const string LatestAttainmentIndicators = "SELECT indikator_code FROM dwh.dim_indikator ORDER BY indikator_code;";

    public const string VerdictCatalog =
        """
        SELECT 'indikator' AS Kind, indikator_code AS Code, art AS Value FROM dwh.dim_indikator
        UNION ALL SELECT 'bereich', bereich_code, ebene FROM dwh.dim_bereich
        UNION ALL SELECT 'menge', menge_code, bereich_code FROM dwh.dim_bereich_menge;
        """;

    /// <summary>Every month of every indicator in one area, for the attainment overview.</summary>
    public const string AttainmentSeries =
        """
        SELECT z.indikator_code AS IndikatorCode, z.massnahme_code AS MassnahmeCode, z.monat AS Monat, z.bereich AS Bereich,
               CAST(z.istwert AS float) AS Istwert, CAST(z.zielwert AS float) AS Zielwert, CAST(z.zielpfad AS float) AS Zielpfad,
               CAST(z.zielerreichungsgrad AS float) AS Zielerreichungsgrad, z.status AS Status
        FROM rpt.zielerreichung z
        WHERE z.bereich_code = @areaCode
        ORDER BY z.indikator_code, z.monat;
        """;

    /// <summary>The same bytes refused for the same reason are recorded once, not every night again.</summary>
    public const string RecordUnloaded =
        """
        INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, grund_code, meldung, gestartet_um, beendet_um)
        SELECT @Pipeline, @Name, @Path, @Sha256, @Size, @status, @reasonCode, @message, @started, @finished
        WHERE NOT EXISTS (
            SELECT 1 FROM dwh.load_file
            WHERE datei_id = (SELECT MAX(datei_id) FROM dwh.load_file WHERE sha256 = @Sha256)
              AND status = @status AND grund_code = @reasonCode);
        """;

    /// <summary>Claims the fingerprint; a second claim of loaded bytes fails on the filtered unique index (2601).</summary>
    public const string Claim =
        """
        INSERT INTO dwh.load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um)
        OUTPUT inserted.datei_id
        VALUES (@Pipeline, @Name, @Path, @Sha256, @Size, N'geladen', @started);
        """;

    /// <summary>Values in the file's scope that it no longer contains, or contains with another value, are superseded.</summary>
    public const string Supersede =
        """
        UPDATE b SET ersetzt_durch_datei_id = @fileId
        FROM dwh.fact_beobachtung b
        WHERE b.ersetzt_durch_datei_id IS NULL AND b.quelle = @Source AND b.serie = @SeriesKey AND b.monat BETWEEN @from AND @to
          AND NOT EXISTS (
              SELECT 1 FROM stg.observation s
              WHERE s.datei_id = @fileId AND s.indikator_code = b.indikator_code
                AND s.monat = b.monat AND s.bereich_code = b.bereich_code AND s.serie = b.serie
                AND EXISTS (SELECT s.wert, s.zaehler, s.nenner, s.unterdrueckt INTERSECT SELECT b.wert, b.zaehler, b.nenner, b.unterdrueckt));
        """;

    /// <summary>Per-value delivery: a value with an older Datenstand than the current one arrived late; kept in history, superseded at once.</summary>
    public const string KeepLateValues =
        """
        INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id, ersetzt_durch_datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id, b.datei_id
        FROM stg.observation s
        JOIN dwh.fact_beobachtung b ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
         AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
        WHERE s.datei_id = @fileId AND s.datenstand < b.datenstand;
        """;

    public const string DropLateValues =
        """
        DELETE s FROM stg.observation s
        WHERE s.datei_id = @fileId AND EXISTS (
            SELECT 1 FROM dwh.fact_beobachtung b
            WHERE b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
              AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie AND s.datenstand < b.datenstand);
        """;

    /// <summary>
    /// Per-value delivery: values the file contains with another figure are superseded; what it does not contain stays.
    /// A join from the staged rows to their current values (ux_beobachtung_aktuell): the work grows with the file.
    /// </summary>
    public const string SupersedeContained =
        """
        UPDATE b SET ersetzt_durch_datei_id = @fileId
        FROM stg.observation s
        JOIN dwh.fact_beobachtung b ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
         AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
        WHERE s.datei_id = @fileId AND b.quelle = @Source
          AND NOT EXISTS (SELECT s.wert, s.zaehler, s.nenner, s.unterdrueckt INTERSECT SELECT b.wert, b.zaehler, b.nenner, b.unterdrueckt);
        """;

    /// <summary>What is new or changed is inserted; unchanged values keep the file that first delivered them.</summary>
    public const string InsertNew =
        """
        INSERT INTO dwh.fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id
        FROM stg.observation s
        WHERE s.datei_id = @fileId
          AND NOT EXISTS (
              SELECT 1 FROM dwh.fact_beobachtung b
              WHERE b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
                AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie);
        """;

    public const string ChangedIndicators =
        """
        SELECT indikator_code FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
        UNION
        SELECT indikator_code FROM dwh.fact_beobachtung WHERE datei_id = @fileId;
        """;

    public const string ClearStaging = "DELETE FROM stg.observation WHERE datei_id = @fileId;";

    public const string RecordFileMonth =
        """
        INSERT INTO dwh.load_file_monat (datei_id, quelle, monat) VALUES (@fileId, @source, @month)
        """;

    public const string Complete =
        """
        UPDATE dwh.load_file
        SET serie = @SeriesKey, zeitraum_von = @from, zeitraum_bis = @to,
            zeilen_gelesen = @Read, zeilen_geladen = @Loaded, zeilen_abgewiesen = @Rejected, zeilen_uebersprungen = @Skipped,
            beendet_um = @finished
        WHERE datei_id = @fileId;
        """;

    /// <summary>Recomputations run one after the other, so none overwrites a newer one with older figures.</summary>
    public const string LockAttainment =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'bielefeld-etl/attainment', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
        IF @result < 0 THROW 51002, N'Die Sperre der Zielerreichung wurde nicht erhalten.', 1;
        """;

    public const string LockCurrentCells =
        """
        DECLARE @result int;
        EXEC @result = sp_getapplock @Resource = N'bielefeld-etl/aktuelle-werte-monat', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = -1;
        IF @result < 0 THROW 51003, N'Die Sperre der aktuellen Werte je Monat wurde nicht erhalten.', 1;
        """;

    public const string MonthlyActuals =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month, SUM(wert) AS Value,
               SUM(zaehler) AS Numerator, SUM(nenner) AS Denominator, CAST(MAX(CAST(unterdrueckt AS int)) AS bit) AS Suppressed
        FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = @indicator AND monat BETWEEN @from AND @to
        GROUP BY indikator_code, bereich_code, monat
        ORDER BY bereich_code, monat;
        """;

    public const string MonthlyActualsOfIndicators =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month, SUM(wert) AS Value,
               SUM(zaehler) AS Numerator, SUM(nenner) AS Denominator, CAST(MAX(CAST(unterdrueckt AS int)) AS bit) AS Suppressed
        FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code IN (SELECT value FROM OPENJSON(@indicators)) AND monat BETWEEN @from AND @to
        GROUP BY indikator_code, bereich_code, monat
        ORDER BY indikator_code, bereich_code, monat;
        """;

    public const string ActualAreas =
        """
        SELECT DISTINCT indikator_code AS Indicator, bereich_code AS Area FROM dwh.fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code IN (SELECT value FROM OPENJSON(@indicators));
        """;

    public const string StoredAttainment =
        """
        SELECT monat AS Month, bereich_code AS Area, istwert AS Actual, zielwert AS Target, zielpfad AS Path, grad AS Degree, status AS Status,
               prognose AS Projection, unterdrueckt AS Suppressed, erreicht AS Met, basis AS Baseline, basis_monat AS BaselineMonth,
               ziel_bereich_code AS TargetArea
        FROM dwh.fact_zielerreichung
        WHERE indikator_code = @indicator;
        """;

    public const string DeleteAttainmentFigures =
        """
        DELETE z FROM dwh.fact_zielerreichung z
        JOIN (SELECT CAST(m.value AS date) AS monat, CAST(a.value AS nvarchar(20)) AS bereich_code
              FROM OPENJSON(@months) m JOIN OPENJSON(@areas) a ON a.[key] = m.[key]) k
          ON k.monat = z.monat AND k.bereich_code = z.bereich_code
        WHERE z.indikator_code = @indicator;
        """;

    public const string RecordAttainmentComputed =
        """
        DELETE FROM dwh.zielerreichung_stand WHERE indikator_code IN (SELECT value FROM OPENJSON(@indicators));
        INSERT INTO dwh.zielerreichung_stand (indikator_code, berechnet_um) SELECT value, @computed FROM OPENJSON(@indicators);
        """;

    public const string HiddenCells =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, CONVERT(varchar(10), monat, 23) AS Month FROM dwh.fact_geheimhaltung
        WHERE indikator_code IN (SELECT value FROM OPENJSON(@indicators))
        ORDER BY indikator_code, bereich_code, monat;
        """;

    /// <summary>
    /// The attainment fact's columns, no rows: the bulk path's table takes its columns, their order and types from it
    /// (SqlBulkCopy maps by these names), so that the columns are checked like every other statement here.
    /// </summary>
    public const string AttainmentShape =
        """
        SELECT TOP (0) indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, prognose, unterdrueckt, berechnet_um,
               erreicht, basis, basis_monat, ziel_bereich_code
        FROM dwh.fact_zielerreichung;
        """;

    public const string ClearAreaSets = "DELETE FROM dwh.dim_bereich_menge;";

    public const string InsertAreaSetMember = "INSERT INTO dwh.dim_bereich_menge (menge_code, bereich_code, position) VALUES (@set, @member, @position);";

    public const string CatalogState = "SELECT fingerprint FROM dwh.katalog_stand;";

    public const string ClearCatalogState = "DELETE FROM dwh.katalog_stand;";

    public const string RecordCatalogState = "INSERT INTO dwh.katalog_stand (fingerprint) VALUES (@fingerprint);";

    public const string UpsertArea =
        """
        UPDATE dwh.dim_bereich SET name = @Name, ebene = @level, eltern_bereich_code = @ParentCode WHERE bereich_code = @Code;
        IF @@ROWCOUNT = 0
            INSERT INTO dwh.dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES (@Code, @Name, @level, @ParentCode);
        """;

    public const string UpsertMeasure =
        """
        UPDATE dwh.dim_massnahme SET
            plan_jahr = @year, titel = @Title, organisationseinheit = @OrgUnit, handlungsfeld = @PolicyArea, zielgruppe = @TargetGroup,
            schwerpunktthema = @FocalTheme, leitsaetze = @principles, aufwand_eur = @CostEurosPerYear, aufwand_text = @CostText
        WHERE massnahme_code = @Code;
        IF @@ROWCOUNT = 0
            INSERT INTO dwh.dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, leitsaetze, aufwand_eur, aufwand_text)
            VALUES (@Code, @year, @Title, @OrgUnit, @PolicyArea, @TargetGroup, @FocalTheme, @principles, @CostEurosPerYear, @CostText);
        """;

    public const string UpsertIndicator =
        """
        UPDATE dwh.dim_indikator SET
            massnahme_code = @MeasureCode, bezeichnung = @Name, einheit = @Unit, art = @kind, richtung = @direction,
            eltern_indikator_code = @ParentCode, nachrichtlich = @Informational, datenquelle = @DataSource
        WHERE indikator_code = @Code;
        IF @@ROWCOUNT = 0
            INSERT INTO dwh.dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art, richtung, eltern_indikator_code, nachrichtlich, datenquelle)
            VALUES (@Code, @MeasureCode, @Name, @Unit, @kind, @direction, @ParentCode, @Informational, @DataSource);
        """;

    /// <summary>A target that changed closes its current version; INTERSECT compares NULLs as equal.</summary>
    public const string CloseChangedTarget =
        """
        UPDATE dwh.fact_zielwert SET gueltig_bis = @now
        WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL
          AND NOT EXISTS (
              SELECT vergleich, wert, basis, stichtag, periode_von, periode_bis, wortlaut,
                     zeitraum_art, ziel_einheit, stichtag_herkunft, basis_herkunft, basis_einheit, basis_wortlaut
              INTERSECT
              SELECT @comparator, CAST(@value AS decimal(38, 10)), CAST(@baseline AS decimal(38, 10)), CAST(@deadline AS date),
                     CAST(@from AS date), CAST(@to AS date), CAST(@wording AS nvarchar(max)),
                     CAST(@PeriodKind AS nvarchar(20)), CAST(@TargetUnit AS nvarchar(400)), CAST(@DeadlineOrigin AS nvarchar(20)),
                     CAST(@BaselineOrigin AS nvarchar(20)), CAST(@BaselineUnit AS nvarchar(400)), CAST(@BaselineWording AS nvarchar(max)));
        """;

    public const string InsertTarget =
        """
        INSERT INTO dwh.fact_zielwert (indikator_code, plan_jahr, bereich_code, vergleich, wert, basis, stichtag, periode_von, periode_bis, wortlaut, gueltig_ab,
                                       zeitraum_art, ziel_einheit, stichtag_herkunft, basis_herkunft, basis_einheit, basis_wortlaut)
        SELECT @indicator, @year, @area, @comparator, @value, @baseline, @deadline, @from, @to, @wording, @now,
               @PeriodKind, @TargetUnit, @DeadlineOrigin, @BaselineOrigin, @BaselineUnit, @BaselineWording
        WHERE NOT EXISTS (SELECT 1 FROM dwh.fact_zielwert WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL);
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
               (SELECT COUNT_BIG(*) - COUNT_BIG(DISTINCT COALESCE(g.serie, N'')) + 1 FROM dwh.load_file g
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
        WHERE @areaCode IS NULL OR o.bereich_code = @areaCode
        """;

    public const string CurrentValues =
        """
        SELECT quelle AS Source, datei_id AS FileId, indikator_code AS IndicatorCode, MIN(monat) AS FirstMonth
        FROM dwh.aktuelle_werte_monat
        GROUP BY quelle, datei_id, indikator_code;
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
               (SELECT COUNT_BIG(DISTINCT CONCAT(a.zeile, N'/', COALESCE(a.blatt, N''))) FROM rpt.abgewiesene_zeilen a
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
        SET status_hinweis = CASE WHEN status_hinweis IS NULL THEN @suppressedHint ELSE status_hinweis + N'; ' + @suppressedHint END
        WHERE indikator_code = @indicator AND unterdrueckt = 1
        """;

    public const string HintsDue = "SELECT indikator_code FROM dwh.statushinweis_ausstehend";

    public const string InsertHintsDue =
        "INSERT INTO dwh.statushinweis_ausstehend (indikator_code) SELECT @indicator WHERE NOT EXISTS (SELECT 1 FROM dwh.statushinweis_ausstehend WHERE indikator_code = @indicator)";

    public const string ClearHintsDue = "DELETE FROM dwh.statushinweis_ausstehend WHERE indikator_code = @indicator";

    public const string WrittenHints = "SELECT indikator_code AS IndicatorCode, CONVERT(varchar(10), ab_monat, 23) AS FromMonth, text AS Text FROM dwh.statushinweis";

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

    public const string AssessConfidentiality =
        """
        DELETE FROM dwh.fact_geheimhaltung WHERE indikator_code IN (SELECT indikator_code FROM dwh.geheimhaltung_auftrag);
        DELETE FROM dwh.geheimhaltung_stand WHERE indikator_code IN (SELECT indikator_code FROM dwh.geheimhaltung_auftrag);
        INSERT INTO dwh.geheimhaltung_stand (indikator_code, datei_id)
        SELECT indikator_code, (SELECT COALESCE(MAX(datei_id), 0) FROM dwh.load_file) FROM dwh.geheimhaltung_auftrag;
        INSERT INTO dwh.fact_geheimhaltung (indikator_code, bereich_code, monat, geheim)
        SELECT indikator_code, bereich_code, monat, geheim FROM dwh.geheimhaltung_regel WHERE geheim = 1;
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

    /// <summary>Through ix_beobachtung_datei and ix_beobachtung_ersetzt: as many rows as the load wrote and superseded.</summary>
    public const string ChangedCells =
        """
        SELECT indikator_code AS IndicatorCode, CONVERT(varchar(10), monat, 23) AS Month FROM dwh.fact_beobachtung WHERE datei_id = @fileId
        UNION
        SELECT indikator_code, CONVERT(varchar(10), monat, 23) FROM dwh.fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
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
        "SELECT datei_id AS FileId, indikator_code AS IndicatorCode, CONVERT(varchar(10), monat, 23) AS Month FROM dwh.konsistenz_ausstehend";

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
        SELECT CONVERT(varchar(10), monat, 23) AS Month, nr AS Nr, indikator_code AS IndicatorCode, bereich_code AS AreaCode, text AS Text
        FROM dwh.konsistenz_befund
        """;

    // Each indicator's first by a TOP on its range of ix_konsistenz_befund_indikator (0022), counted by one aggregate,
    // instead of numbering every finding in a window.
    public const string ConsistencyFindingsExcerpt =
        """
        SELECT CAST(f.monat AS varchar(10)) AS Month, f.nr AS Nr, c.indikator_code AS IndicatorCode, f.bereich_code AS AreaCode, f.text AS Text,
               c.findings AS Findings
        FROM (SELECT indikator_code, COUNT_BIG(*) AS findings FROM dwh.konsistenz_befund GROUP BY indikator_code) c
        CROSS APPLY (SELECT TOP (@first) b.monat, b.nr, b.bereich_code, b.text FROM dwh.konsistenz_befund b
                     WHERE b.indikator_code = c.indikator_code ORDER BY b.monat, b.nr) f;
        """;
}
