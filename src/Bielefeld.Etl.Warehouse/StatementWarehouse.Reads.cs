using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Deliveries;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class StatementWarehouse
{
    /// <inheritdoc />
    public override async Task<IReadOnlyList<LoadRecord>> RecentLoadsAsync(int count, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<LoadRow>(new CommandDefinition(Sql.RecentLoads, new { count }, cancellationToken: cancellationToken));
        return rows.Select(r => new LoadRecord(
            r.DateiId, r.Datei, r.Quelle, r.Status, r.ZeilenGelesen, r.ZeilenGeladen, r.ZeilenAbgewiesen, r.ZeilenUebersprungen,
            Utc(r.GestartetUm), r.BeendetUm is { } b ? Utc(b) : null, r.Meldung)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(Sql.RejectedRows, query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, Utc(r.GeladenUm),
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, r.EntschiedenUm is { } e ? Utc(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override Task<IReadOnlyList<AttainmentRow>> LatestAttainmentAsync(CancellationToken cancellationToken) =>
        ReadAttainmentAsync(Sql.LatestAttainment, null, cancellationToken);

    /// <inheritdoc />
    public override Task<IReadOnlyList<AttainmentRow>> AttainmentSeriesAsync(string areaCode, CancellationToken cancellationToken) =>
        ReadAttainmentAsync(Sql.AttainmentSeries, new { areaCode }, cancellationToken);

    /// <inheritdoc />
    public override async Task<bool> DecideAsync(long abweisungId, RejectDecision decision, string by, string comment, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            Sql.Decide,
            new { abweisungId, decision = decision.ToStoredName(), comment, by, at = Time.GetUtcNow().UtcDateTime },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(Sql.MonthDeliveries, cancellationToken: cancellationToken));
        return rows.Select(r => new MonthDelivery(r.Quelle, Month(r.Monat), Utc(r.Erst), Utc(r.Zuletzt ?? r.Erst), (int)Math.Max(r.Dateien, 1))).ToList();
    }

    /// <inheritdoc />
    public override async Task ReplaceDeliveryStatusAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Sql.ClearDeliveryStatus, transaction: transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.InsertDeliveryStatus,
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
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(Sql.ObservationHistory, new { areaCode }, cancellationToken: cancellationToken));
        return rows.Select(r => new ObservationVersion(
            r.Indikator, Month(r.Monat), r.Bereich, r.Quelle, r.Serie, r.Wert, r.Zaehler, r.Nenner, r.Unterdrueckt,
            r.DateiId, Utc(r.GeladenUm), r.ErsetztUm is { } e ? Utc(e) : null)
        {
            FileName = r.Datei, Datenstand = r.Datenstand is { } d ? Month(d) : null,
        }).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StewardDecision>> DecisionHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(Sql.DecisionHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new StewardDecision(r.Quelle, r.Datei, r.Zeile, r.GrundCode, r.Entscheidung, r.Kommentar, r.EntschiedenVon, Utc(r.EntschiedenUm))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<CurrentValues>> CurrentValuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CurrentRow>(
            new CommandDefinition(Sql.CurrentValues, cancellationToken: cancellationToken));
        return rows.Select(r => new CurrentValues(r.Source, r.FileId, r.IndicatorCode, Month(r.FirstMonth))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(Sql.TargetHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new TargetVersion(
            r.Indikator, r.Bereich, r.Vergleich, r.Wert, r.Basis, r.Stichtag is { } s ? Month(s) : null,
            Month(r.Von), Month(r.Bis), r.Wortlaut, Utc(r.Ab), r.BisZu is { } e ? Utc(e) : null)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<FileRejectShare>> OpenRejectSharesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<FileRejectShare>(new CommandDefinition(Sql.OpenRejectShares, cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Reads <c>rpt.zielerreichung</c> in a transaction of its own, after the dialect's preparation (PostgreSQL: no JIT).</summary>
    private async Task<IReadOnlyList<AttainmentRow>> ReadAttainmentAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Sql.PrepareAttainmentRead is { } prepare)
        {
            await connection.ExecuteAsync(new CommandDefinition(prepare, transaction: transaction, cancellationToken: cancellationToken));
        }

        var rows = await connection.QueryAsync<AttainmentDbRow>(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return rows.Select(r => new AttainmentRow(
            r.IndikatorCode, r.MassnahmeCode, Month(r.Monat), r.Bereich,
            r.Istwert, r.Zielwert, r.Zielpfad, r.Zielerreichungsgrad, AttainmentStatusNames.FromReportName(r.Status))).ToList();
    }

    private sealed record RejectDbRow(
        long DateiId, string Datei, string Quelle, string? Blatt, long Zeile, string? Spalte, string? Rohwert, string GrundCode, string Grund, DateTime GeladenUm,
        long AbweisungId, string Bearbeitung, string? Entscheidung, string? Kommentar, string? EntschiedenVon, DateTime? EntschiedenUm);

    private sealed record LoadRow(
        long DateiId, string Datei, string Quelle, string Status, int ZeilenGelesen, int ZeilenGeladen, int ZeilenAbgewiesen,
        int ZeilenUebersprungen, DateTime GestartetUm, DateTime? BeendetUm, string? Meldung);

    private sealed class AttainmentDbRow
    {
        public string IndikatorCode { get; set; } = "";

        public string MassnahmeCode { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public string Bereich { get; set; } = "";

        public decimal? Istwert { get; set; }

        public decimal? Zielwert { get; set; }

        public decimal? Zielpfad { get; set; }

        public decimal? Zielerreichungsgrad { get; set; }

        public string Status { get; set; } = "";
    }

    private sealed class DeliveryRow
    {
        public string Quelle { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public DateTime Erst { get; set; }

        public DateTime? Zuletzt { get; set; }

        public long Dateien { get; set; }
    }

    private sealed class HistoryRow
    {
        public string Indikator { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public string Bereich { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string Serie { get; set; } = "";

        public decimal? Wert { get; set; }

        public decimal? Zaehler { get; set; }

        public decimal? Nenner { get; set; }

        public bool Unterdrueckt { get; set; }

        public long DateiId { get; set; }

        public DateTime GeladenUm { get; set; }

        public DateTime? ErsetztUm { get; set; }

        public string Datei { get; set; } = "";

        public object? Datenstand { get; set; }
    }

    private sealed class DecisionRow
    {
        public string Quelle { get; set; } = "";

        public string Datei { get; set; } = "";

        public long Zeile { get; set; }

        public string GrundCode { get; set; } = "";

        public string Entscheidung { get; set; } = "";

        public string Kommentar { get; set; } = "";

        public string EntschiedenVon { get; set; } = "";

        public DateTime EntschiedenUm { get; set; }
    }

    private sealed class TargetRow
    {
        public string Indikator { get; set; } = "";

        public string Bereich { get; set; } = "";

        public string Vergleich { get; set; } = "";

        public decimal? Wert { get; set; }

        public decimal? Basis { get; set; }

        public object? Stichtag { get; set; }

        public object Von { get; set; } = DateOnly.MinValue;

        public object Bis { get; set; } = DateOnly.MinValue;

        public string Wortlaut { get; set; } = "";

        public DateTime Ab { get; set; }

        public DateTime? BisZu { get; set; }
    }

    private sealed class CurrentRow
    {
        public string Source { get; set; } = "";

        public long FileId { get; set; }

        public string IndicatorCode { get; set; } = "";

        public object FirstMonth { get; set; } = DateOnly.MinValue;
    }
}
