using Bielefeld.Etl.Deliveries;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> DecideAsync(long abweisungId, RejectDecision decision, string by, string comment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            PostgresSql.Decide,
            new { abweisungId, decision = decision.ToStoredName(), comment, by, at = Time.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(PostgresSql.MonthDeliveries, cancellationToken: cancellationToken));
        return rows.Select(r => new MonthDelivery(r.Quelle, r.Monat, Utc(r.Erst), Utc(r.Zuletzt ?? r.Erst), (int)Math.Max(r.Dateien, 1))).ToList();
    }

    /// <inheritdoc />
    public override async Task ReplaceDeliveryStatusAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.ClearDeliveryStatus, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            PostgresSql.InsertDeliveryStatus,
            statuses.Select(s => new
            {
                s.Source, From = Day(s.PeriodStart), To = Day(s.PeriodEnd), State = s.State.ToStoredName(), Due = Day(s.DueDate),
                First = s.FirstDelivered?.UtcDateTime, Last = s.LastDelivered?.UtcDateTime, s.Deliveries, s.DaysLate, AsOf = Day(s.AsOf),
            }),
            transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<ObservationVersion>> ObservationHistoryAsync(string? areaCode, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(PostgresSql.ObservationHistory, new { areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new ObservationVersion(
            r.Indikator, r.Monat, r.Bereich, r.Quelle, r.Serie, r.Wert, r.Zaehler, r.Nenner, r.Unterdrueckt,
            r.DateiId, Utc(r.GeladenUm), r.ErsetztUm is { } e ? Utc(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<CurrentValues>> CurrentValuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Source, long FileId, string IndicatorCode, DateOnly FirstMonth)>(
            new CommandDefinition(PostgresSql.CurrentValues, cancellationToken: cancellationToken));
        return rows.Select(r => new CurrentValues(r.Source, r.FileId, r.IndicatorCode, r.FirstMonth)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(PostgresSql.TargetHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new TargetVersion(
            r.Indikator, r.Bereich, r.Vergleich, r.Wert, r.Basis, r.Stichtag,
            r.Von, r.Bis, r.Wortlaut, Utc(r.Ab), r.BisZu is { } e ? Utc(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<FileRejectShare>> OpenRejectSharesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRejectShare>(new CommandDefinition(PostgresSql.OpenRejectShares, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <inheritdoc />
    public override async Task WriteStatusHintsAsync(IReadOnlyList<StatusHint> hints, string suppressedHint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.LockAttainment, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.ClearStatusHints, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            PostgresSql.SetStatusHint, hints.Select(h => new { h.Text, h.IndicatorCode, From = Day(h.FromMonth) }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.AppendSuppressedHint, new { suppressedHint }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static DateTimeOffset Utc(DateTime at) => new(DateTime.SpecifyKind(at, DateTimeKind.Utc));

    private sealed record DeliveryRow(string Quelle, DateOnly Monat, DateTime Erst, DateTime? Zuletzt, long Dateien);

    private sealed record HistoryRow(
        string Indikator, DateOnly Monat, string Bereich, string Quelle, string Serie, decimal? Wert, decimal? Zaehler, decimal? Nenner,
        bool Unterdrueckt, long DateiId, DateTime GeladenUm, DateTime? ErsetztUm);

    private sealed record TargetRow(
        string Indikator, string Bereich, string Vergleich, decimal? Wert, decimal? Basis, DateOnly? Stichtag, DateOnly Von, DateOnly Bis,
        string Wortlaut, DateTime Ab, DateTime? BisZu);
}
