using System.Globalization;
using Bielefeld.Etl.Deliveries;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> DecideAsync(long abweisungId, RejectDecision decision, string by, string comment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO abweisung_entscheidung (quelle, datei, blatt, zeile, grund_code, entscheidung, kommentar, entschieden_von, entschieden_um)
            SELECT f.quelle, f.datei, r.blatt, r.zeile, r.grund_code, @decision, @comment, @by, @at
            FROM rejected_row r JOIN load_file f ON f.datei_id = r.datei_id
            WHERE r.abweisung_id = @abweisungId
            """,
            new { abweisungId, decision = decision.ToStoredName(), comment, by, at = Timestamp(Time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Quelle, string Monat, string Erst, string? Zuletzt, long Dateien)>(new CommandDefinition(
            """
            SELECT o.quelle, o.monat, MIN(f.beendet_um),
                   (SELECT MAX(g.beendet_um) FROM load_file g
                    WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis),
                   (SELECT COUNT(*) - COUNT(DISTINCT coalesce(g.serie, '')) + 1 FROM load_file g
                    WHERE g.quelle = o.quelle AND g.status = 'geladen' AND o.monat BETWEEN g.zeitraum_von AND g.zeitraum_bis)
            FROM load_file_monat o
            JOIN load_file f ON f.datei_id = o.datei_id
            GROUP BY o.quelle, o.monat
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new MonthDelivery(
            r.Quelle, ParseDate(r.Monat), ParseTimestamp(r.Erst), ParseTimestamp(r.Zuletzt ?? r.Erst), (int)Math.Max(r.Dateien, 1))).ToList();
    }

    /// <inheritdoc />
    public override async Task ReplaceDeliveryStatusAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM lieferstatus", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO lieferstatus (quelle, zeitraum_von, zeitraum_bis, status, faellig_am, geliefert_um, zuletzt_um, lieferungen, tage_verspaetet, stand_am)
            VALUES (@Source, @From, @To, @State, @Due, @First, @Last, @Deliveries, @DaysLate, @AsOf)
            """,
            statuses.Select(s => new
            {
                s.Source, From = Date(s.PeriodStart), To = Date(s.PeriodEnd), State = s.State.ToStoredName(), Due = Date(s.DueDate),
                First = s.FirstDelivered is { } f ? Timestamp(f) : null, Last = s.LastDelivered is { } l ? Timestamp(l) : null,
                s.Deliveries, s.DaysLate, AsOf = Date(s.AsOf),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<CurrentValues>> CurrentValuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Source, long FileId, string IndicatorCode, string FirstMonth)>(new CommandDefinition(
            """
            SELECT quelle, datei_id, indikator_code, MIN(monat)
            FROM fact_beobachtung
            WHERE ersetzt_durch_datei_id IS NULL
            GROUP BY quelle, datei_id, indikator_code
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new CurrentValues(r.Source, r.FileId, r.IndicatorCode, ParseDate(r.FirstMonth))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ObservationVersion>> ObservationHistoryAsync(string? areaCode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            """
            SELECT o.indikator_code AS Indikator, o.monat AS Monat, o.bereich_code AS Bereich, o.quelle AS Quelle, o.serie AS Serie,
                   o.wert AS Wert, o.zaehler AS Zaehler, o.nenner AS Nenner, o.unterdrueckt AS Unterdrueckt, o.datei_id AS DateiId,
                   f.beendet_um AS GeladenUm, s.beendet_um AS ErsetztUm
            FROM fact_beobachtung o
            JOIN load_file f ON f.datei_id = o.datei_id
            LEFT JOIN load_file s ON s.datei_id = o.ersetzt_durch_datei_id
            WHERE @areaCode IS NULL OR o.bereich_code = @areaCode
            """,
            new { areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new ObservationVersion(
            r.Indikator, ParseDate(r.Monat), r.Bereich, r.Quelle, r.Serie, Decimal(r.Wert), Decimal(r.Zaehler), Decimal(r.Nenner), r.Unterdrueckt != 0,
            r.DateiId, ParseTimestamp(r.GeladenUm), r.ErsetztUm is null ? null : ParseTimestamp(r.ErsetztUm))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(
            """
            SELECT indikator_code AS Indikator, bereich_code AS Bereich, vergleich AS Vergleich, wert AS Wert, basis AS Basis,
                   stichtag AS Stichtag, periode_von AS Von, periode_bis AS Bis, wortlaut AS Wortlaut, gueltig_ab AS Ab, gueltig_bis AS BisZu
            FROM fact_zielwert
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new TargetVersion(
            r.Indikator, r.Bereich, r.Vergleich, Decimal(r.Wert), Decimal(r.Basis), r.Stichtag is null ? null : ParseDate(r.Stichtag),
            ParseDate(r.Von), ParseDate(r.Bis), r.Wortlaut, ParseTimestamp(r.Ab), r.BisZu is null ? null : ParseTimestamp(r.BisZu))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<FileRejectShare>> OpenRejectSharesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long DateiId, string Datei, string Quelle, long Gelesen, long Offen)>(new CommandDefinition(
            """
            SELECT f.datei_id AS DateiId, f.datei AS Datei, f.quelle AS Quelle, f.zeilen_gelesen AS ZeilenGelesen,
                   (SELECT COUNT(DISTINCT a.zeile || '/' || coalesce(a.blatt, '')) FROM rpt_abgewiesene_zeilen a
                    WHERE a.datei_id = f.datei_id AND a.bearbeitung = 'offen') AS Offen
            FROM load_file f
            WHERE f.status = 'geladen' AND f.zeilen_abgewiesen > 0
            """,
            cancellationToken: cancellationToken));
        return rows.Select(r => new FileRejectShare(r.DateiId, r.Datei, r.Quelle, r.Gelesen, r.Offen)).ToList();
    }

    /// <inheritdoc />
    public override async Task WriteStatusHintsAsync(IReadOnlyList<StatusHint> hints, string suppressedHint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE fact_zielerreichung SET status_hinweis = NULL WHERE status_hinweis IS NOT NULL", transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE fact_zielerreichung SET status_hinweis = @Text WHERE indikator_code = @IndicatorCode AND monat >= @From",
            hints.Select(h => new { h.Text, h.IndicatorCode, From = Date(h.FromMonth) }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE fact_zielerreichung
            SET status_hinweis = CASE WHEN status_hinweis IS NULL THEN @suppressedHint ELSE status_hinweis || '; ' || @suppressedHint END
            WHERE unterdrueckt = 1
            """,
            new { suppressedHint }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record HistoryRow(
        string Indikator, string Monat, string Bereich, string Quelle, string Serie, double? Wert, double? Zaehler, double? Nenner,
        long Unterdrueckt, long DateiId, string GeladenUm, string? ErsetztUm);

    private sealed record TargetRow(
        string Indikator, string Bereich, string Vergleich, double? Wert, double? Basis, string? Stichtag, string Von, string Bis,
        string Wortlaut, string Ab, string? BisZu);
}
