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
            SqliteSql.Decide,
            new { abweisungId, decision = decision.ToStoredName(), comment, by, at = Timestamp(Time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Quelle, string Monat, string Erst, string? Zuletzt, long Dateien)>(new CommandDefinition(
            SqliteSql.MonthDeliveries,
            cancellationToken: cancellationToken));
        return rows.Select(r => new MonthDelivery(
            r.Quelle, ParseDate(r.Monat), ParseTimestamp(r.Erst), ParseTimestamp(r.Zuletzt ?? r.Erst), (int)Math.Max(r.Dateien, 1))).ToList();
    }

    /// <inheritdoc />
    public override async Task ReplaceDeliveryStatusAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(SqliteSql.ClearDeliveryStatus, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.InsertDeliveryStatus,
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
            SqliteSql.CurrentValues,
            cancellationToken: cancellationToken));
        return rows.Select(r => new CurrentValues(r.Source, r.FileId, r.IndicatorCode, ParseDate(r.FirstMonth))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ObservationVersion>> ObservationHistoryAsync(string? areaCode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            SqliteSql.ObservationHistory,
            new { areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new ObservationVersion(
            r.Indikator, ParseDate(r.Monat), r.Bereich, r.Quelle, r.Serie, Decimal(r.Wert), Decimal(r.Zaehler), Decimal(r.Nenner), r.Unterdrueckt != 0,
            r.DateiId, ParseTimestamp(r.GeladenUm), r.ErsetztUm is null ? null : ParseTimestamp(r.ErsetztUm))
        {
            FileName = r.Datei, Datenstand = r.Datenstand is null ? null : ParseDate(r.Datenstand),
        }).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StewardDecision>> DecisionHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(SqliteSql.DecisionHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new StewardDecision(r.Quelle, r.Datei, r.Zeile, r.GrundCode, r.Entscheidung, r.Kommentar, r.EntschiedenVon, ParseTimestamp(r.EntschiedenUm))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(
            SqliteSql.TargetHistory,
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
            SqliteSql.OpenRejectShares,
            cancellationToken: cancellationToken));
        return rows.Select(r => new FileRejectShare(r.DateiId, r.Datei, r.Quelle, r.Gelesen, r.Offen)).ToList();
    }

    private static DateTimeOffset ParseTimestamp(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed record HistoryRow(
        string Indikator, string Monat, string Bereich, string Quelle, string Serie, double? Wert, double? Zaehler, double? Nenner,
        long Unterdrueckt, long DateiId, string GeladenUm, string? ErsetztUm, string Datei, string? Datenstand);

    private sealed record DecisionRow(
        string Quelle, string Datei, long Zeile, string GrundCode, string Entscheidung, string Kommentar, string EntschiedenVon, string EntschiedenUm);

    private sealed record TargetRow(
        string Indikator, string Bereich, string Vergleich, double? Wert, double? Basis, string? Stichtag, string Von, string Bis,
        string Wortlaut, string Ab, string? BisZu);
}
