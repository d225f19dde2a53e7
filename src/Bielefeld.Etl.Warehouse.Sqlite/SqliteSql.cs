namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// Every statement the SQLite provider issues, in one place (migrations live in sql/sqlite). The names the engine
/// asks for (<see cref="WarehouseStatements"/>) are the same in every dialect. SQLite has no lock statements: the
/// claim's insert takes the database's write lock, which serialises loads and recomputations already.
/// </summary>
internal static class SqliteSql
{
    /// <summary>WAL lets readers read while a load writes; a property of the file, set before the migrations.</summary>
    public const string JournalModeWal = "PRAGMA journal_mode = WAL;";

    public const string RecentLoads =
        """
        SELECT datei_id AS DateiId, datei AS Datei, quelle AS Quelle, status AS Status,
               zeilen_gelesen AS ZeilenGelesen, zeilen_geladen AS ZeilenGeladen,
               zeilen_abgewiesen AS ZeilenAbgewiesen, zeilen_uebersprungen AS ZeilenUebersprungen,
               gestartet_um AS GestartetUm, beendet_um AS BeendetUm, meldung AS Meldung
        FROM rpt_ladeprotokoll ORDER BY datei_id DESC LIMIT @count
        """;

    public const string RejectedRows =
        """
        SELECT datei_id AS DateiId, datei AS Datei, quelle AS Quelle, blatt AS Blatt, zeile AS Zeile, spalte AS Spalte,
               rohwert AS Rohwert, grund_code AS GrundCode, grund AS Grund, geladen_um AS GeladenUm,
               abweisung_id AS AbweisungId, bearbeitung AS Bearbeitung, entscheidung AS Entscheidung, kommentar AS Kommentar,
               entschieden_von AS EntschiedenVon, entschieden_um AS EntschiedenUm
        FROM dwh_abgewiesene_zeilen
        WHERE (@FileId IS NULL OR datei_id = @FileId)
          AND (@OpenOnly = 0 OR bearbeitung = 'offen')
          AND (@File IS NULL OR datei = @File)
          AND (@Source IS NULL OR quelle = @Source)
          AND (@Reason IS NULL OR grund_code = @Reason)
        ORDER BY datei_id DESC, blatt, zeile, spalte
        LIMIT @Limit
        """;

    /// <summary>
    /// Per indicator and area the attainment of its latest month with an actual, as kept when attainment was recomputed
    /// (<see cref="StoreLatestAttainment"/>): a lookup, not two windows over every figure. The measure and the area's name
    /// are read now; a pending indicator shows nothing, as in rpt_zielerreichung.
    /// </summary>
    public const string LatestAttainment =
        """
        SELECT l.indikator_code AS IndikatorCode, i.massnahme_code AS MassnahmeCode, l.monat AS Monat, b.name AS Bereich,
               l.istwert AS Istwert, l.zielwert AS Zielwert, l.zielpfad AS Zielpfad, l.grad AS Zielerreichungsgrad, l.status AS Status
        FROM zielerreichung_letzte l
        JOIN dim_indikator i ON i.indikator_code = l.indikator_code
        JOIN dim_bereich b ON b.bereich_code = l.bereich_code
        WHERE NOT EXISTS (SELECT 1 FROM zielerreichung_ausstehend p WHERE p.indikator_code = l.indikator_code)
        ORDER BY i.massnahme_code, l.indikator_code, b.name
        """;

    /// <summary>Keeps the latest attainment of one indicator (<c>@indicator</c>) as rpt_zielerreichung publishes it.</summary>
    public const string StoreLatestAttainment =
        """
        DELETE FROM zielerreichung_letzte WHERE indikator_code = @indicator;
        INSERT INTO zielerreichung_letzte (indikator_code, bereich_code, monat, istwert, zielwert, zielpfad, grad, status)
        SELECT letzte.indikator_code, letzte.bereich_code, letzte.monat, letzte.istwert, letzte.zielwert, letzte.zielpfad, letzte.zielerreichungsgrad, letzte.status
        FROM (SELECT v.indikator_code, v.bereich_code, v.monat, v.istwert, v.zielwert, v.zielpfad, v.zielerreichungsgrad, v.status,
                     MAX(CASE WHEN v.istwert IS NOT NULL THEN v.monat END) OVER (PARTITION BY v.indikator_code, v.bereich_code) AS letzter_monat
              FROM rpt_zielerreichung v
              WHERE v.indikator_code = @indicator) letzte
        WHERE letzte.monat = letzte.letzter_monat;
        """;

    public const string LatestAttainmentIndicators = "SELECT indikator_code FROM dim_indikator ORDER BY indikator_code";

    public const string VerdictCatalog =
        """
        SELECT 'indikator' AS Kind, indikator_code AS Code, art AS Value FROM dim_indikator
        UNION ALL SELECT 'bereich', bereich_code, ebene FROM dim_bereich
        UNION ALL SELECT 'menge', menge_code, bereich_code FROM dim_bereich_menge
        """;

    public const string AttainmentSeries =
        """
        SELECT indikator_code AS IndikatorCode, massnahme_code AS MassnahmeCode, monat AS Monat, bereich AS Bereich,
               istwert AS Istwert, zielwert AS Zielwert, zielpfad AS Zielpfad, zielerreichungsgrad AS Zielerreichungsgrad, status AS Status
        FROM rpt_zielerreichung
        WHERE bereich_code = @areaCode
        ORDER BY indikator_code, monat
        """;

    public const string RecordUnloaded =
        """
        INSERT INTO load_file (quelle, datei, pfad, sha256, groesse, status, grund_code, meldung, gestartet_um, beendet_um)
        SELECT @Pipeline, @Name, @Path, @Sha256, @Size, @status, @reasonCode, @message, @started, @finished
        WHERE NOT EXISTS (
            SELECT 1 FROM load_file
            WHERE datei_id = (SELECT MAX(datei_id) FROM load_file WHERE sha256 = @Sha256)
              AND status = @status AND grund_code = @reasonCode)
        """;

    public const string Claim =
        """
        INSERT INTO load_file (quelle, datei, pfad, sha256, groesse, status, gestartet_um)
        VALUES (@Pipeline, @Name, @Path, @Sha256, @Size, 'geladen', @started)
        RETURNING datei_id
        """;

    public const string SourceHasCurrentValues = "SELECT EXISTS (SELECT 1 FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL AND quelle = @Source)";

    /// <summary>Whether the fact holds no row at all, current or superseded: a new warehouse's first load.</summary>
    public const string FactIsEmpty = "SELECT NOT EXISTS (SELECT 1 FROM fact_beobachtung)";

    /// <summary>The fact's own indexes (not the primary key) as the schema defines them.</summary>
    public const string FactIndexes =
        """
        SELECT 'DROP INDEX "' || replace(name, '"', '""') || '"' AS "Drop", sql AS "Create"
        FROM sqlite_master WHERE type = 'index' AND tbl_name = 'fact_beobachtung' AND sql IS NOT NULL ORDER BY name
        """;

    public const string StageObservation =
        """
        INSERT INTO stg_observation (datei_id, indikator_code, monat, bereich_code, serie, wert, zaehler, nenner, unterdrueckt, datenstand)
        VALUES ($datei, $indikator, $monat, $bereich, $serie, $wert, $zaehler, $nenner, $unterdrueckt, $datenstand)
        """;

    public const string InsertObservationIntoFact =
        """
        INSERT INTO fact_beobachtung (datei_id, indikator_code, monat, bereich_code, serie, wert, zaehler, nenner, unterdrueckt, datenstand, quelle)
        VALUES ($datei, $indikator, $monat, $bereich, $serie, $wert, $zaehler, $nenner, $unterdrueckt, $datenstand, $quelle)
        """;

    public const string InsertRejectedRow =
        """
        INSERT INTO rejected_row (datei_id, blatt, zeile, spalte, rohwert, grund_code, grund)
        VALUES ($datei, $blatt, $zeile, $spalte, $rohwert, $code, $grund)
        """;

    public const string RecordFileMonth = "INSERT INTO load_file_monat (datei_id, quelle, monat) VALUES (@fileId, @source, @month)";

    public const string Complete =
        """
        UPDATE load_file
        SET serie = @SeriesKey, zeitraum_von = @from, zeitraum_bis = @to,
            zeilen_gelesen = @Read, zeilen_geladen = @Loaded, zeilen_abgewiesen = @Rejected, zeilen_uebersprungen = @Skipped,
            beendet_um = @finished
        WHERE datei_id = @fileId
        """;

    public const string MonthlyActuals =
        """
        SELECT bereich_code AS Area, monat AS Month, SUM(wert) AS Value, SUM(zaehler) AS Numerator, SUM(nenner) AS Denominator,
               MAX(unterdrueckt) AS Suppressed
        FROM fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = @indicator AND monat BETWEEN @from AND @to
        GROUP BY bereich_code, monat
        ORDER BY bereich_code, monat
        """;

    public const string ActualAreas =
        "SELECT DISTINCT indikator_code AS Indicator, bereich_code AS Area FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL AND indikator_code IN (SELECT value FROM json_each(@indicators))";

    public const string StoredAttainment =
        """
        SELECT monat AS Month, bereich_code AS Area, istwert AS Actual, zielwert AS Target, zielpfad AS Path, grad AS Degree, status AS Status,
               prognose AS Projection, unterdrueckt AS Suppressed, erreicht AS Met, basis AS Baseline, basis_monat AS BaselineMonth,
               ziel_bereich_code AS TargetArea
        FROM fact_zielerreichung
        WHERE indikator_code = @indicator
        """;

    public const string DeleteAttainmentFigures =
        """
        DELETE FROM fact_zielerreichung
        WHERE indikator_code = @indicator
          AND (monat, bereich_code) IN (SELECT m.value, a.value FROM json_each(@months) m JOIN json_each(@areas) a ON a.key = m.key)
        """;

    public const string RecordAttainmentComputed =
        """
        INSERT INTO zielerreichung_stand (indikator_code, berechnet_um) SELECT value, @computed FROM json_each(@indicators) WHERE true
        ON CONFLICT (indikator_code) DO UPDATE SET berechnet_um = excluded.berechnet_um
        """;

    public const string HiddenCells =
        """
        SELECT indikator_code AS Indicator, bereich_code AS Area, monat AS Month FROM fact_geheimhaltung
        WHERE indikator_code IN (SELECT value FROM json_each(@indicators))
        ORDER BY indikator_code, bereich_code, monat
        """;

    public const string InsertAttainment =
        """
        INSERT INTO fact_zielerreichung (indikator_code, monat, bereich_code, istwert, zielwert, zielpfad, grad, status, prognose, unterdrueckt, berechnet_um,
                                         erreicht, basis, basis_monat, ziel_bereich_code)
        VALUES ($indikator, $monat, $bereich, $ist, $ziel, $pfad, $grad, $status, $prognose, $unterdrueckt, $berechnet,
                $erreicht, $basis, $basis_monat, $ziel_bereich)
        """;

    public const string UpsertArea =
        """
        INSERT INTO dim_bereich (bereich_code, name, ebene, eltern_bereich_code) VALUES (@Code, @Name, @level, @ParentCode)
        ON CONFLICT (bereich_code) DO UPDATE SET name = excluded.name, ebene = excluded.ebene, eltern_bereich_code = excluded.eltern_bereich_code
        """;

    public const string UpsertMeasure =
        """
        INSERT INTO dim_massnahme (massnahme_code, plan_jahr, titel, organisationseinheit, handlungsfeld, zielgruppe, schwerpunktthema, leitsaetze, aufwand_eur, aufwand_text)
        VALUES (@Code, @year, @Title, @OrgUnit, @PolicyArea, @TargetGroup, @FocalTheme, @principles, @CostEurosPerYear, @CostText)
        ON CONFLICT (massnahme_code) DO UPDATE SET
            plan_jahr = excluded.plan_jahr, titel = excluded.titel, organisationseinheit = excluded.organisationseinheit,
            handlungsfeld = excluded.handlungsfeld, zielgruppe = excluded.zielgruppe, schwerpunktthema = excluded.schwerpunktthema,
            leitsaetze = excluded.leitsaetze, aufwand_eur = excluded.aufwand_eur, aufwand_text = excluded.aufwand_text
        """;

    public const string UpsertIndicator =
        """
        INSERT INTO dim_indikator (indikator_code, massnahme_code, bezeichnung, einheit, art, richtung, eltern_indikator_code, nachrichtlich, datenquelle)
        VALUES (@Code, @MeasureCode, @Name, @Unit, @kind, @direction, @ParentCode, @Informational, @DataSource)
        ON CONFLICT (indikator_code) DO UPDATE SET
            massnahme_code = excluded.massnahme_code, bezeichnung = excluded.bezeichnung, einheit = excluded.einheit,
            art = excluded.art, richtung = excluded.richtung, eltern_indikator_code = excluded.eltern_indikator_code,
            nachrichtlich = excluded.nachrichtlich, datenquelle = excluded.datenquelle
        """;

    public const string ClearAreaSets = "DELETE FROM dim_bereich_menge";

    public const string InsertAreaSetMember = "INSERT INTO dim_bereich_menge (menge_code, bereich_code, position) VALUES (@set, @member, @position)";

    public const string CatalogState = "SELECT fingerprint FROM katalog_stand";

    public const string ClearCatalogState = "DELETE FROM katalog_stand";

    public const string RecordCatalogState = "INSERT INTO katalog_stand (fingerprint) VALUES (@fingerprint)";

    public const string CloseChangedTarget =
        """
        UPDATE fact_zielwert SET gueltig_bis = @now
        WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL
          AND NOT (vergleich = @comparator AND wert IS @value AND basis IS @baseline AND stichtag IS @deadline
                   AND periode_von = @from AND periode_bis = @to AND wortlaut = @wording
                   AND zeitraum_art IS @PeriodKind AND ziel_einheit IS @TargetUnit AND stichtag_herkunft IS @DeadlineOrigin
                   AND basis_herkunft IS @BaselineOrigin AND basis_einheit IS @BaselineUnit AND basis_wortlaut IS @BaselineWording)
        """;

    public const string InsertTarget =
        """
        INSERT INTO fact_zielwert (indikator_code, plan_jahr, bereich_code, vergleich, wert, basis, stichtag, periode_von, periode_bis, wortlaut, gueltig_ab,
                                   zeitraum_art, ziel_einheit, stichtag_herkunft, basis_herkunft, basis_einheit, basis_wortlaut)
        SELECT @indicator, @year, @area, @comparator, @value, @baseline, @deadline, @from, @to, @wording, @now,
               @PeriodKind, @TargetUnit, @DeadlineOrigin, @BaselineOrigin, @BaselineUnit, @BaselineWording
        WHERE NOT EXISTS (SELECT 1 FROM fact_zielwert WHERE indikator_code = @indicator AND plan_jahr = @year AND bereich_code = @area AND gueltig_bis IS NULL)
        """;

    public const string Decide =
        """
        INSERT INTO abweisung_entscheidung (quelle, datei, blatt, zeile, grund_code, entscheidung, kommentar, entschieden_von, entschieden_um)
        SELECT f.quelle, f.datei, r.blatt, r.zeile, r.grund_code, @decision, @comment, @by, @at
        FROM rejected_row r JOIN load_file f ON f.datei_id = r.datei_id
        WHERE r.abweisung_id = @abweisungId
        """;

    public const string MonthDeliveries =
        """
        SELECT o.quelle AS Quelle, o.monat AS Monat, MIN(f.beendet_um) AS Erst,
               (SELECT MAX(g.beendet_um) FROM load_file g
                WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis) AS Zuletzt,
               (SELECT COUNT(*) - COUNT(DISTINCT coalesce(g.serie, '')) + 1 FROM load_file g
                WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis) AS Dateien
        FROM load_file_monat o
        JOIN load_file f ON f.datei_id = o.datei_id
        GROUP BY o.quelle, o.monat
        """;

    public const string ClearDeliveryStatus = "DELETE FROM lieferstatus";

    public const string InsertDeliveryStatus =
        """
        INSERT INTO lieferstatus (quelle, zeitraum_von, zeitraum_bis, status, faellig_am, geliefert_um, zuletzt_um, lieferungen, tage_verspaetet, stand_am)
        VALUES (@Source, @From, @To, @State, @Due, @First, @Last, @Deliveries, @DaysLate, @AsOf)
        """;

    public const string CurrentValues =
        """
        SELECT quelle AS Source, datei_id AS FileId, indikator_code AS IndicatorCode, MIN(monat) AS FirstMonth
        FROM aktuelle_werte_monat
        GROUP BY quelle, datei_id, indikator_code
        """;

    public const string ObservationHistory =
        """
        SELECT o.indikator_code AS Indikator, o.monat AS Monat, o.bereich_code AS Bereich, o.quelle AS Quelle, o.serie AS Serie,
               o.wert AS Wert, o.zaehler AS Zaehler, o.nenner AS Nenner, o.unterdrueckt AS Unterdrueckt, o.datei_id AS DateiId,
               f.beendet_um AS GeladenUm, s.beendet_um AS ErsetztUm, f.datei AS Datei, o.datenstand AS Datenstand
        FROM fact_beobachtung o
        JOIN load_file f ON f.datei_id = o.datei_id
        LEFT JOIN load_file s ON s.datei_id = o.ersetzt_durch_datei_id
        WHERE @areaCode IS NULL OR o.bereich_code = @areaCode
        """;

    public const string DecisionHistory =
        """
        SELECT quelle AS Quelle, datei AS Datei, zeile AS Zeile, grund_code AS GrundCode, entscheidung AS Entscheidung,
               kommentar AS Kommentar, entschieden_von AS EntschiedenVon, entschieden_um AS EntschiedenUm
        FROM abweisung_entscheidung
        ORDER BY entschieden_um, entscheidung_id
        """;

    public const string TargetHistory =
        """
        SELECT indikator_code AS Indikator, bereich_code AS Bereich, vergleich AS Vergleich, wert AS Wert, basis AS Basis,
               stichtag AS Stichtag, periode_von AS Von, periode_bis AS Bis, wortlaut AS Wortlaut, gueltig_ab AS Ab, gueltig_bis AS BisZu
        FROM fact_zielwert
        """;

    public const string OpenRejectShares =
        """
        SELECT f.datei_id AS DateiId, f.datei AS Datei, f.quelle AS Quelle, f.zeilen_gelesen AS ZeilenGelesen,
               (SELECT COUNT(DISTINCT a.zeile || '/' || coalesce(a.blatt, '')) FROM rpt_abgewiesene_zeilen a
                WHERE a.datei_id = f.datei_id AND a.bearbeitung = 'offen') AS Offen
        FROM load_file f
        WHERE f.status = 'geladen' AND f.zeilen_abgewiesen > 0
        """;

    // The status hints, indicator by indicator (WarehouseProvider.StatusHints): only those whose hints changed or whose
    // figures a recomputation wrote since (statushinweis, statushinweis_ausstehend; migration 0019).

    public const string ClearStatusHints = "UPDATE fact_zielerreichung SET status_hinweis = NULL WHERE indikator_code = @indicator AND status_hinweis IS NOT NULL";

    public const string SetStatusHint = "UPDATE fact_zielerreichung SET status_hinweis = @text WHERE indikator_code = @indicator AND monat >= @from";

    public const string AppendSuppressedHint =
        """
        UPDATE fact_zielerreichung
        SET status_hinweis = CASE WHEN status_hinweis IS NULL THEN @suppressedHint ELSE status_hinweis || '; ' || @suppressedHint END
        WHERE indikator_code = @indicator AND unterdrueckt = 1
        """;

    public const string HintsDue = "SELECT indikator_code FROM statushinweis_ausstehend";

    public const string InsertHintsDue =
        "INSERT INTO statushinweis_ausstehend (indikator_code) SELECT @indicator WHERE NOT EXISTS (SELECT 1 FROM statushinweis_ausstehend WHERE indikator_code = @indicator)";

    public const string ClearHintsDue = "DELETE FROM statushinweis_ausstehend WHERE indikator_code = @indicator";

    public const string WrittenHints = "SELECT indikator_code AS IndicatorCode, ab_monat AS FromMonth, text AS Text FROM statushinweis";

    public const string ClearWrittenHints = "DELETE FROM statushinweis WHERE indikator_code = @indicator";

    public const string InsertWrittenHint = "INSERT INTO statushinweis (indikator_code, ab_monat, text) VALUES (@indicator, @from, @text)";

    // The statements of a re-delivery's merge (parameters @fileId, @Source, @SeriesKey, @from,
    // @to). Every lookup goes through a key index: staging by ix_stg_observation_schluessel, the current
    // fact by ux_beobachtung_aktuell, so a merge grows with the rows it touches, never with their square.
    /// <summary>
    /// Per value, one pass over the staged file: each staged value is looked up in the current fact once, and only those
    /// that change something are noted in <c>temp.merge_wahl</c> (art 1: an older Datenstand than the current one, i.e.
    /// late, kept in history and superseded at once; art 2: another figure of this source's current value); unchanged
    /// values and values another source holds are settled by that lookup. The late values are kept here; they stay in staging, where
    /// <see cref="InsertNew"/> passes over them (they have a current value). Three passes of lookups (keep, drop,
    /// supersede) took 9.2–10.2 s of CPU for a 500 k-row re-delivery.
    /// </summary>
    public const string KeepLateValues =
        """
        DROP TABLE IF EXISTS temp.merge_wahl;
        CREATE TEMP TABLE merge_wahl AS
        SELECT stg_id, aktuell_id, aktuell_datei_id, art FROM (
            SELECT s.rowid AS stg_id, b.beobachtung_id AS aktuell_id, b.datei_id AS aktuell_datei_id,
                   CASE WHEN s.datenstand < b.datenstand THEN 1
                        WHEN b.quelle = @Source AND NOT (s.wert IS b.wert AND s.zaehler IS b.zaehler AND s.nenner IS b.nenner
                                                         AND s.unterdrueckt = b.unterdrueckt) THEN 2
                   END AS art
            FROM stg_observation s
            JOIN fact_beobachtung b ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
             AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
            WHERE s.datei_id = @fileId)
        WHERE art IS NOT NULL;
        INSERT INTO fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id, ersetzt_durch_datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id, w.aktuell_datei_id
        FROM merge_wahl w JOIN stg_observation s ON s.rowid = w.stg_id
        WHERE w.art = 1
        """;

    /// <summary>Per value: the values noted as another figure are superseded; what the file does not contain stays.</summary>
    public const string SupersedeContained =
        """
        UPDATE fact_beobachtung SET ersetzt_durch_datei_id = @fileId
        WHERE beobachtung_id IN (SELECT aktuell_id FROM merge_wahl WHERE art = 2)
        """;

    /// <summary>
    /// Full snapshot: values in the file's scope that it no longer contains, or contains with another figure, are
    /// superseded. The scope's current values (ix_beobachtung_scope) each look up their staged twin by key.
    /// </summary>
    public const string Supersede =
        """
        UPDATE fact_beobachtung SET ersetzt_durch_datei_id = @fileId
        WHERE ersetzt_durch_datei_id IS NULL AND quelle = @Source AND serie = @SeriesKey AND monat BETWEEN @from AND @to
          AND NOT EXISTS (
              SELECT 1 FROM stg_observation s
              WHERE s.datei_id = @fileId AND s.indikator_code = fact_beobachtung.indikator_code
                AND s.monat = fact_beobachtung.monat AND s.bereich_code = fact_beobachtung.bereich_code
                AND s.serie = fact_beobachtung.serie AND s.wert IS fact_beobachtung.wert
                AND s.zaehler IS fact_beobachtung.zaehler AND s.nenner IS fact_beobachtung.nenner
                AND s.unterdrueckt = fact_beobachtung.unterdrueckt)
        """;

    /// <summary>What is new or changed is inserted; unchanged values keep the file that first delivered them.</summary>
    public const string InsertNew =
        """
        INSERT INTO fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id
        FROM stg_observation s
        WHERE s.datei_id = @fileId
          AND NOT EXISTS (
              SELECT 1 FROM fact_beobachtung b
              WHERE b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
                AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie)
        """;

    /// <summary>The indicators whose current values the file changed (ix_beobachtung_ersetzt, ix_beobachtung_datei).</summary>
    public const string ChangedIndicators =
        """
        SELECT indikator_code FROM fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
        UNION
        SELECT indikator_code FROM fact_beobachtung WHERE datei_id = @fileId
        """;

    public const string ClearStaging = "DELETE FROM stg_observation WHERE datei_id = @fileId";

    /// <summary>64 MB of page cache for this connection while it stages and merges (a negative size is in KiB).</summary>
    public const string EnlargeCache = "PRAGMA cache_size = -65536";

    /// <summary>Back to SQLite's default of 2 MB, and the pages above it freed.</summary>
    public const string RestoreCache = "PRAGMA cache_size = -2000; PRAGMA shrink_memory;";

    /// <summary>The per-value merge's notes (<see cref="KeepLateValues"/>), gone with the merge.</summary>
    public const string DropMergeNotes = "DROP TABLE IF EXISTS temp.merge_wahl";

    // The follow-up of loads and recomputations (WarehouseProvider.FollowUp) and provenance, written for every dialect alike.

    public const string InsertNormalisation =
        """
        INSERT INTO load_normalisierung (datei_id, nr, code, blatt, zeile, spalte, rohwert, meldung, anzahl)
        VALUES (@fileId, @nr, @Code, @Sheet, @Row, @Column, @Raw, @Message, @Count)
        """;

    public const string InsertPendingAttainment = "INSERT INTO zielerreichung_ausstehend (datei_id, indikator_code) VALUES (@fileId, @indicator)";

    public const string InsertPendingReport = "INSERT INTO bericht_ausstehend (datei_id) VALUES (@fileId)";

    public const string PendingAttainment = "SELECT DISTINCT indikator_code FROM zielerreichung_ausstehend";

    public const string ClearPendingAttainment = "DELETE FROM zielerreichung_ausstehend WHERE indikator_code = @indicator";

    public const string PendingStewardReports =
        """
        SELECT b.datei_id, f.datei FROM bericht_ausstehend b
        JOIN load_file f ON f.datei_id = b.datei_id
        ORDER BY b.datei_id
        """;

    public const string StewardReportWritten = "DELETE FROM bericht_ausstehend WHERE datei_id = @fileId";

    public const string OrderConfidentiality = "INSERT INTO geheimhaltung_auftrag (indikator_code) VALUES (@indicator)";

    public const string AssessConfidentiality =
        """
        DELETE FROM fact_geheimhaltung WHERE indikator_code IN (SELECT indikator_code FROM geheimhaltung_auftrag);
        DELETE FROM geheimhaltung_stand WHERE indikator_code IN (SELECT indikator_code FROM geheimhaltung_auftrag);
        INSERT INTO geheimhaltung_stand (indikator_code, datei_id)
        SELECT indikator_code, (SELECT COALESCE(MAX(datei_id), 0) FROM load_file) FROM geheimhaltung_auftrag;
        INSERT INTO fact_geheimhaltung (indikator_code, bereich_code, monat)
        SELECT indikator_code, bereich_code, monat FROM geheimhaltung_regel WHERE geheim = 1;
        DELETE FROM geheimhaltung_auftrag;
        """;

    /// <summary>Dates as the dialect stores them (<see cref="SqliteValues"/> reads them); sorted by the caller.</summary>
    public const string Provenance =
        """
        SELECT indikator_code AS IndikatorCode, monat AS Monat, bereich_code AS BereichCode, zielbereich_code AS ZielbereichCode,
               vergleich AS Vergleich, zielwert_text AS ZielwertText, stichtag_herkunft AS StichtagHerkunft, basis_herkunft AS BasisHerkunft,
               datei_id AS DateiId, quelle AS Quelle, datei AS Datei, datenstand AS Datenstand, geladen_um AS GeladenUm,
               werte AS Werte, entscheidungen AS Entscheidungen, entscheidungen_text AS EntscheidungenText
        FROM dwh_herkunft WHERE indikator_code = @indicator
        """;

    /// <summary>As <see cref="Provenance"/>, for the figures of one area that came from a file.</summary>
    public const string AreaProvenance =
        """
        SELECT indikator_code AS IndikatorCode, monat AS Monat, bereich_code AS BereichCode, zielbereich_code AS ZielbereichCode,
               vergleich AS Vergleich, zielwert_text AS ZielwertText, stichtag_herkunft AS StichtagHerkunft, basis_herkunft AS BasisHerkunft,
               datei_id AS DateiId, quelle AS Quelle, datei AS Datei, datenstand AS Datenstand, geladen_um AS GeladenUm,
               werte AS Werte, entscheidungen AS Entscheidungen, entscheidungen_text AS EntscheidungenText
        FROM dwh_herkunft WHERE bereich_code = @areaCode AND datei_id IS NOT NULL
        """;

    // What the delivery-status-and-hints step needs, kept at load time (migration 0019, WarehouseProvider.CheckState).

    /// <summary>Through ix_beobachtung_datei and ix_beobachtung_ersetzt: as many rows as the load wrote and superseded.</summary>
    public const string ChangedCells =
        """
        SELECT indikator_code AS IndicatorCode, monat AS Month FROM fact_beobachtung WHERE datei_id = @fileId
        UNION
        SELECT indikator_code, monat FROM fact_beobachtung WHERE ersetzt_durch_datei_id = @fileId
        """;

    public const string ClearCurrentCell = "DELETE FROM aktuelle_werte_monat WHERE indikator_code = @indicator AND monat = @month";

    /// <summary>One cell's current values (ux_beobachtung_aktuell): a few thousand index entries, not the fact.</summary>
    public const string RecordCurrentCell =
        """
        INSERT INTO aktuelle_werte_monat (indikator_code, monat, datei_id, quelle)
        SELECT DISTINCT indikator_code, monat, datei_id, quelle FROM fact_beobachtung
        WHERE ersetzt_durch_datei_id IS NULL AND indikator_code = @indicator AND monat = @month
        """;

    public const string RecordDeliveredCell =
        "INSERT INTO aktuelle_werte_monat (indikator_code, monat, datei_id, quelle) VALUES (@indicator, @month, @fileId, @source)";

    public const string InsertPendingConsistency =
        "INSERT INTO konsistenz_ausstehend (datei_id, indikator_code, monat) VALUES (@fileId, @indicator, @month)";

    public const string PendingConsistency =
        "SELECT datei_id AS FileId, indikator_code AS IndicatorCode, monat AS Month FROM konsistenz_ausstehend";

    public const string ClearPendingConsistency = "DELETE FROM konsistenz_ausstehend WHERE datei_id = @fileId";

    public const string ConsistencyState = "SELECT regeln FROM konsistenz_stand";

    public const string ClearConsistencyState = "DELETE FROM konsistenz_stand";

    public const string RecordConsistencyState = "INSERT INTO konsistenz_stand (regeln) VALUES (@rules)";

    public const string ClearConsistencyFindings = "DELETE FROM konsistenz_befund";

    public const string ClearConsistencyFindingsOfMonth = "DELETE FROM konsistenz_befund WHERE monat = @month";

    public const string InsertConsistencyFinding =
        "INSERT INTO konsistenz_befund (monat, nr, indikator_code, bereich_code, text) VALUES (@month, @nr, @indicator, @area, @text)";

    public const string ConsistencyFindings =
        """
        SELECT monat AS Month, nr AS Nr, indikator_code AS IndicatorCode, bereich_code AS AreaCode, text AS Text
        FROM konsistenz_befund
        """;

    /// <summary>
    /// Each indicator's first <c>@first</c> findings by month and number, with how many it has: the counts from one pass
    /// over ix_konsistenz_befund_indikator, each indicator's first findings as a LIMIT on it (SQLite has no LATERAL). A
    /// window numbering every finding read all 498,604 of the 10 M bench with their texts: 3.6–4.2 s against 0.06–0.09 s.
    /// </summary>
    public const string ConsistencyFindingsExcerpt =
        """
        SELECT b.monat AS Month, b.nr AS Nr, b.indikator_code AS IndicatorCode, b.bereich_code AS AreaCode, b.text AS Text, n.Findings
        FROM (SELECT indikator_code, COUNT(*) AS Findings FROM konsistenz_befund GROUP BY indikator_code) n
        JOIN konsistenz_befund b ON (b.monat, b.nr) IN (
            SELECT x.monat, x.nr FROM konsistenz_befund x WHERE x.indikator_code = n.indikator_code ORDER BY x.monat, x.nr LIMIT @first)
        ORDER BY b.indikator_code, b.monat, b.nr
        """;
}
