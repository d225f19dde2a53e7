using System.Globalization;
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
            Values.ReadInstant(r.GestartetUm), Values.ReadInstantOrNull(r.BeendetUm), r.Meldung)).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RejectedRowRecord>> RejectedRowsAsync(RejectedRowQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // A column computed in a view has no declared type in SQLite, so the rows are read by property, not by constructor.
        var rows = await connection.QueryAsync<RejectDbRow>(new CommandDefinition(Sql.RejectedRows, query, cancellationToken: cancellationToken));
        return rows.Select(r => new RejectedRowRecord(
            r.DateiId, r.Datei, r.Quelle, r.Blatt, r.Zeile, r.Spalte, r.Rohwert, r.GrundCode, r.Grund, Values.ReadInstant(r.GeladenUm),
            r.AbweisungId, r.Bearbeitung, r.Entscheidung, r.Kommentar, r.EntschiedenVon, Values.ReadInstantOrNull(r.EntschiedenUm))).ToList();
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
            new { abweisungId, decision = decision.ToStoredName(), comment, by, at = Values.Instant(Time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return inserted > 0;
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DeliveryRow>(new CommandDefinition(Sql.MonthDeliveries, cancellationToken: cancellationToken));
        return rows.Select(r => new MonthDelivery(
            r.Quelle, Values.ReadDay(r.Monat), Values.ReadInstant(r.Erst), Values.ReadInstant(r.Zuletzt ?? r.Erst), (int)Math.Max(r.Dateien, 1))).ToList();
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
                s.Source, From = Values.Day(s.PeriodStart), To = Values.Day(s.PeriodEnd), State = s.State.ToStoredName(), Due = Values.Day(s.DueDate),
                First = Values.Instant(s.FirstDelivered), Last = Values.Instant(s.LastDelivered),
                s.Deliveries, s.DaysLate, AsOf = Values.Day(s.AsOf),
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
            r.Indikator, Values.ReadDay(r.Monat), r.Bereich, r.Quelle, r.Serie, Values.ReadNumber(r.Wert), Values.ReadNumber(r.Zaehler),
            Values.ReadNumber(r.Nenner), Values.ReadFlag(r.Unterdrueckt), r.DateiId, Values.ReadInstant(r.GeladenUm), Values.ReadInstantOrNull(r.ErsetztUm))
        {
            FileName = r.Datei, Datenstand = Values.ReadDayOrNull(r.Datenstand),
        }).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<StewardDecision>> DecisionHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<DecisionRow>(new CommandDefinition(Sql.DecisionHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new StewardDecision(r.Quelle, r.Datei, r.Zeile, r.GrundCode, r.Entscheidung, r.Kommentar, r.EntschiedenVon, Values.ReadInstant(r.EntschiedenUm))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<CurrentValues>> CurrentValuesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<CurrentRow>(
            new CommandDefinition(Sql.CurrentValues, cancellationToken: cancellationToken));
        return rows.Select(r => new CurrentValues(r.Source, r.FileId, r.IndicatorCode, Values.ReadDay(r.FirstMonth))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TargetRow>(new CommandDefinition(Sql.TargetHistory, cancellationToken: cancellationToken));
        return rows.Select(r => new TargetVersion(
            r.Indikator, r.Bereich, r.Vergleich, Values.ReadNumber(r.Wert), Values.ReadNumber(r.Basis), Values.ReadDayOrNull(r.Stichtag),
            Values.ReadDay(r.Von), Values.ReadDay(r.Bis), r.Wortlaut, Values.ReadInstant(r.Ab), Values.ReadInstantOrNull(r.BisZu))).ToList();
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<FileRejectShare>> OpenRejectSharesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // Offen is a subquery's count: in SQLite without a declared type, so read as it comes.
        var rows = await connection.QueryAsync<RejectShareRow>(new CommandDefinition(Sql.OpenRejectShares, cancellationToken: cancellationToken));
        return rows.Select(r => new FileRejectShare(r.DateiId, r.Datei, r.Quelle, r.ZeilenGelesen, Convert.ToInt64(r.Offen, CultureInfo.InvariantCulture))).ToList();
    }

    /// <summary>Reads <c>rpt.zielerreichung</c> (latest month or one area's series).</summary>
    private async Task<IReadOnlyList<AttainmentRow>> ReadAttainmentAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AttainmentDbRow>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        // The view's figures are CASE expressions (suppression): in SQLite without a declared type, so read as they come.
        return rows.Select(r => new AttainmentRow(
            r.IndikatorCode, r.MassnahmeCode, Values.ReadDay(r.Monat), r.Bereich, Values.ReadNumber(r.Istwert), Values.ReadNumber(r.Zielwert),
            Values.ReadNumber(r.Zielpfad), Values.ReadNumber(r.Zielerreichungsgrad), AttainmentStatusNames.FromReportName(r.Status))).ToList();
    }

    private sealed class RejectDbRow
    {
        public long DateiId { get; set; }

        public string Datei { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string? Blatt { get; set; }

        public long Zeile { get; set; }

        public string? Spalte { get; set; }

        public string? Rohwert { get; set; }

        public string GrundCode { get; set; } = "";

        public string Grund { get; set; } = "";

        public object GeladenUm { get; set; } = DateTime.MinValue;

        public long AbweisungId { get; set; }

        public string Bearbeitung { get; set; } = "";

        public string? Entscheidung { get; set; }

        public string? Kommentar { get; set; }

        public string? EntschiedenVon { get; set; }

        public object? EntschiedenUm { get; set; }
    }

    private sealed class LoadRow
    {
        public long DateiId { get; set; }

        public string Datei { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string Status { get; set; } = "";

        public long ZeilenGelesen { get; set; }

        public long ZeilenGeladen { get; set; }

        public long ZeilenAbgewiesen { get; set; }

        public long ZeilenUebersprungen { get; set; }

        public object GestartetUm { get; set; } = DateTime.MinValue;

        public object? BeendetUm { get; set; }

        public string? Meldung { get; set; }
    }

    private sealed class AttainmentDbRow
    {
        public string IndikatorCode { get; set; } = "";

        public string MassnahmeCode { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public string Bereich { get; set; } = "";

        public object? Istwert { get; set; }

        public object? Zielwert { get; set; }

        public object? Zielpfad { get; set; }

        public object? Zielerreichungsgrad { get; set; }

        public string Status { get; set; } = "";
    }

    private sealed class DeliveryRow
    {
        public string Quelle { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public object Erst { get; set; } = DateTime.MinValue;

        public object? Zuletzt { get; set; }

        public long Dateien { get; set; }
    }

    private sealed class HistoryRow
    {
        public string Indikator { get; set; } = "";

        public object Monat { get; set; } = DateOnly.MinValue;

        public string Bereich { get; set; } = "";

        public string Quelle { get; set; } = "";

        public string Serie { get; set; } = "";

        public object? Wert { get; set; }

        public object? Zaehler { get; set; }

        public object? Nenner { get; set; }

        public object Unterdrueckt { get; set; } = false;

        public long DateiId { get; set; }

        public object GeladenUm { get; set; } = DateTime.MinValue;

        public object? ErsetztUm { get; set; }

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

        public object EntschiedenUm { get; set; } = DateTime.MinValue;
    }

    private sealed class TargetRow
    {
        public string Indikator { get; set; } = "";

        public string Bereich { get; set; } = "";

        public string Vergleich { get; set; } = "";

        public object? Wert { get; set; }

        public object? Basis { get; set; }

        public object? Stichtag { get; set; }

        public object Von { get; set; } = DateOnly.MinValue;

        public object Bis { get; set; } = DateOnly.MinValue;

        public string Wortlaut { get; set; } = "";

        public object Ab { get; set; } = DateTime.MinValue;

        public object? BisZu { get; set; }
    }

    private sealed class RejectShareRow
    {
        public long DateiId { get; set; }

        public string Datei { get; set; } = "";

        public string Quelle { get; set; } = "";

        public long ZeilenGelesen { get; set; }

        public object Offen { get; set; } = 0L;
    }

    private sealed class CurrentRow
    {
        public string Source { get; set; } = "";

        public long FileId { get; set; }

        public string IndicatorCode { get; set; } = "";

        public object FirstMonth { get; set; } = DateOnly.MinValue;
    }
}
