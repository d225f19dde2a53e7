namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// The statements of a re-delivery's merge (parameters <c>@fileId</c>, <c>@Source</c>, <c>@SeriesKey</c>, <c>@from</c>,
/// <c>@to</c>). Every lookup goes through a key index: staging by <c>ix_stg_observation_schluessel</c>, the current
/// fact by <c>ux_beobachtung_aktuell</c>, so a merge grows with the rows it touches, never with their square.
/// </summary>
internal static class SqliteMergeSql
{
    /// <summary>Per value: a value with an older Datenstand than the current one arrived late; kept in history, superseded at once.</summary>
    public const string KeepLateValues =
        """
        INSERT INTO fact_beobachtung (indikator_code, monat, bereich_code, quelle, serie, wert, zaehler, nenner, unterdrueckt, datenstand, datei_id, ersetzt_durch_datei_id)
        SELECT s.indikator_code, s.monat, s.bereich_code, @Source, s.serie, s.wert, s.zaehler, s.nenner, s.unterdrueckt, s.datenstand, s.datei_id, b.datei_id
        FROM stg_observation s
        JOIN fact_beobachtung b ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
         AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
        WHERE s.datei_id = @fileId AND s.datenstand < b.datenstand
        """;

    /// <summary>Per value: the late values just kept leave staging.</summary>
    public const string DropLateValues =
        """
        DELETE FROM stg_observation
        WHERE datei_id = @fileId AND EXISTS (
            SELECT 1 FROM fact_beobachtung b
            WHERE b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = stg_observation.indikator_code
              AND b.monat = stg_observation.monat AND b.bereich_code = stg_observation.bereich_code
              AND b.serie = stg_observation.serie AND stg_observation.datenstand < b.datenstand)
        """;

    /// <summary>
    /// Per value: values the file contains with another figure are superseded; what it does not contain stays. Driven
    /// by the staged rows, each joined to its current value: the work grows with the file, not with the fact.
    /// </summary>
    public const string SupersedeContained =
        """
        UPDATE fact_beobachtung SET ersetzt_durch_datei_id = @fileId
        WHERE beobachtung_id IN (
            SELECT b.beobachtung_id
            FROM stg_observation s
            JOIN fact_beobachtung b ON b.ersetzt_durch_datei_id IS NULL AND b.indikator_code = s.indikator_code
             AND b.monat = s.monat AND b.bereich_code = s.bereich_code AND b.serie = s.serie
            WHERE s.datei_id = @fileId AND b.quelle = @Source
              AND NOT (s.wert IS b.wert AND s.zaehler IS b.zaehler AND s.nenner IS b.nenner AND s.unterdrueckt = b.unterdrueckt))
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
}
