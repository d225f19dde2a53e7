using System.Data.Common;
using System.Globalization;
using Bielefeld.Etl.Consistency;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// What the delivery-status-and-hints step needs about the current values is kept in the load's own transaction
/// (migration 0019): per indicator and month the files with current values there (<c>aktuelle_werte_monat</c>), and the
/// cells the consistency check has not read since a load changed them (<c>konsistenz_ausstehend</c>). The check keeps its
/// findings month by month (<c>konsistenz_befund</c>). So a run works in proportion to what the loads changed: a night
/// with nothing new reads none of <c>fact_beobachtung</c>, a load of one month has one month checked again.
/// </summary>
public abstract partial class WarehouseProvider
{
    /// <summary>
    /// In the load's transaction: the cells (indicator and month) whose values the load wrote or superseded get their
    /// files with current values read again from the fact, and are left to the consistency check. A load straight into
    /// the fact (<paramref name="delivered"/>, a source's first) superseded nothing: its cells are those it delivered.
    /// </summary>
    private async Task RecordChangedCellsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, string source, IReadOnlyCollection<(string Indicator, DateOnly Month)>? delivered,
        CancellationToken cancellationToken)
    {
        var cells = delivered?.Select(c => new { indicator = c.Indicator, month = MonthText(c.Month), fileId, source }).ToList()
            ?? [.. (await connection.QueryAsync<(string IndicatorCode, string Month)>(new CommandDefinition(
                    Sql.ChangedCells, new { fileId }, transaction, cancellationToken: cancellationToken)))
                .Select(c => new { indicator = c.IndicatorCode, month = c.Month[..10], fileId, source })];
        // In key order, so that two loads never wait for each other's rows crosswise.
        cells = [.. cells.OrderBy(c => c.indicator, StringComparer.Ordinal).ThenBy(c => c.month, StringComparer.Ordinal)];
        // A cell's rows are cleared and read again from the fact in two statements: a load of another series of the same
        // cell committing in between would leave a row twice (or a superseded file's row behind). Held to the commit.
        await LockAsync(connection, transaction, Sql.LockCurrentCells, null, cancellationToken);
        if (delivered is null)
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql.ClearCurrentCell, cells, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(Sql.RecordCurrentCell, cells, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(Sql.RecordDeliveredCell, cells, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(Sql.InsertPendingConsistency, cells, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// The fingerprint of the rules the stored findings were checked with (null before the first check) and the cells
    /// loads changed since.
    /// </summary>
    public async Task<ConsistencyCheckState> ConsistencyCheckStateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rules = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(Sql.ConsistencyState, cancellationToken: cancellationToken));
        var pending = await connection.QueryAsync<(long FileId, string IndicatorCode, string Month)>(new CommandDefinition(
            Sql.PendingConsistency, cancellationToken: cancellationToken));
        return new ConsistencyCheckState(rules, [.. pending.Select(p => new ChangedCell(p.FileId, p.IndicatorCode, ParseMonth(p.Month)))]);
    }

    /// <summary>
    /// Stores what the check found in <paramref name="months"/> (every month when null: the rules changed) in place of
    /// what it found there before, with the rules' fingerprint, and clears the changed cells of the loads it read, in one
    /// transaction. A load that committed after the state was read stays pending for the next check.
    /// </summary>
    /// <param name="rules">The fingerprint of the rules checked.</param>
    /// <param name="months">The months checked; null for all.</param>
    /// <param name="findings">The violations found in them, in the order the check reports them.</param>
    /// <param name="readLoads">The loads whose changed cells the check read.</param>
    /// <param name="cancellationToken">Cancels the whole replacement.</param>
    public async Task ReplaceConsistencyFindingsAsync(
        string rules, IReadOnlyCollection<DateOnly>? months, IReadOnlyList<ConsistencyViolation> findings, IReadOnlyCollection<long> readLoads,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task<int> Execute(string sql, object? args = null) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        // One check's findings at a time: two checks that ran beside each other store whole months, never a mix.
        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);

        if (months is null)
        {
            await Execute(Sql.ClearConsistencyFindings);
        }
        else
        {
            await Execute(Sql.ClearConsistencyFindingsOfMonth, months.Order().Select(m => new { month = MonthText(m) }));
        }

        // Numbered per month in the check's order, so that a read gives them back in that order.
        await InsertConsistencyFindingsAsync(
            connection, transaction, [.. findings.GroupBy(f => f.Month).SelectMany(g => g.Select((f, i) => new NumberedFinding(i + 1, f)))], cancellationToken);
        await Execute(Sql.ClearConsistencyState);
        await Execute(Sql.RecordConsistencyState, new { rules });
        await Execute(Sql.ClearPendingConsistency, readLoads.Order().Select(fileId => new { fileId }));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the findings of a check in its replacement's transaction: one statement per finding, which a provider with
    /// a bulk path replaces (the bench's random data breaks a rule in half of its cells: 49,769 single inserts took
    /// 8.9 s of a 1 M-row first load on PostgreSQL).
    /// </summary>
    protected virtual Task InsertConsistencyFindingsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<NumberedFinding> findings, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(Sql.InsertConsistencyFinding, findings.Select(n => new
        {
            month = MonthText(n.Finding.Month), nr = n.Nr, indicator = n.Finding.IndicatorCode, area = n.Finding.AreaCode, text = n.Finding.Text,
        }), transaction, cancellationToken: cancellationToken));

    /// <summary>Every stored finding, ordered as the check reports them: by indicator (ordinal), month, area (ordinal).</summary>
    public async Task<IReadOnlyList<ConsistencyViolation>> ConsistencyFindingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Month, int Nr, string IndicatorCode, string AreaCode, string Text)>(new CommandDefinition(
            Sql.ConsistencyFindings, cancellationToken: cancellationToken));
        return [.. rows
            .Select(r => (Finding: new ConsistencyViolation(r.IndicatorCode, ParseMonth(r.Month), r.AreaCode, r.Text), r.Nr))
            .OrderBy(r => r.Finding.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Finding.Month)
            .ThenBy(r => r.Finding.AreaCode, StringComparer.Ordinal).ThenBy(r => r.Nr)
            .Select(r => r.Finding)];
    }

    /// <summary>
    /// Of each indicator's stored findings the first <paramref name="firstPerIndicator"/>, ordered as
    /// <see cref="ConsistencyFindingsAsync"/> orders them all, and how many each indicator has: a run shows the first and
    /// counts the rest, so it does not read every finding back (500 k in the 10 M bench, 7.7 s of its run with nothing new).
    /// </summary>
    public async Task<ConsistencyFindingsExcerpt> ConsistencyFindingsExcerptAsync(int firstPerIndicator, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = (await connection.QueryAsync<(string Month, int Nr, string IndicatorCode, string AreaCode, string Text, long Findings)>(new CommandDefinition(
            Sql.ConsistencyFindingsExcerpt, new { first = firstPerIndicator }, cancellationToken: cancellationToken))).ToList();
        return new ConsistencyFindingsExcerpt(
            [.. rows
                .Select(r => (Finding: new ConsistencyViolation(r.IndicatorCode, ParseMonth(r.Month), r.AreaCode, r.Text), r.Nr))
                .OrderBy(r => r.Finding.IndicatorCode, StringComparer.Ordinal).ThenBy(r => r.Finding.Month)
                .ThenBy(r => r.Finding.AreaCode, StringComparer.Ordinal).ThenBy(r => r.Nr)
                .Select(r => r.Finding)],
            rows.GroupBy(r => r.IndicatorCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (int)g.First().Findings, StringComparer.Ordinal));
    }

    /// <summary>A month as the statements take it in every dialect (the check's, the attainment figures' keys): ISO text, which each casts to its date type.</summary>
    private protected static string MonthText(DateOnly month) => month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseMonth(string text) => DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the consistency check left stored: the rules it checked with and the cells changed since.</summary>
/// <param name="Rules">The fingerprint of the rules of the stored findings; null before the first check.</param>
/// <param name="Changed">The cells loads changed that no check has read since.</param>
public sealed record ConsistencyCheckState(string? Rules, IReadOnlyList<ChangedCell> Changed);

/// <summary>A consistency finding with its number within its month (the order the check reported it in).</summary>
/// <param name="Nr">1 for the month's first finding.</param>
/// <param name="Finding">The finding.</param>
public sealed record NumberedFinding(int Nr, ConsistencyViolation Finding);

/// <summary>The first stored findings of each indicator, and how many each has.</summary>
/// <param name="First">Each indicator's first findings, in the check's order.</param>
/// <param name="PerIndicator">The number of stored findings per indicator.</param>
public sealed record ConsistencyFindingsExcerpt(IReadOnlyList<ConsistencyViolation> First, IReadOnlyDictionary<string, int> PerIndicator)
{
    /// <summary>How many findings are stored.</summary>
    public int Count => PerIndicator.Values.Sum();

    /// <summary>Whether <see cref="First"/> holds every finding.</summary>
    public bool IsComplete => First.Count == Count;
}

/// <summary>An indicator's month whose current values a load changed.</summary>
/// <param name="FileId">The load.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="Month">The month.</param>
public sealed record ChangedCell(long FileId, string IndicatorCode, DateOnly Month);
