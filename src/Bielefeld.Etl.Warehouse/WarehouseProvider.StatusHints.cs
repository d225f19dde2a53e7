using System.Data.Common;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Brings <c>status_hinweis</c> of the attainment figures in line with <paramref name="hints"/>: each hint applies to
    /// its indicator's months from <see cref="StatusHint.FromMonth"/> on (in the given order, later hints overwriting);
    /// figures that depend on suppressed values get <paramref name="suppressedHint"/> appended. Only indicators whose
    /// hints differ from those last written, or whose figures a recomputation wrote since, are written: the figures of
    /// the others already carry exactly these hints, and a night with nothing new writes none.
    /// </summary>
    public async Task WriteStatusHintsAsync(IReadOnlyList<StatusHint> hints, string suppressedHint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Task<int> Execute(string sql, object? args) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));
        // After any recomputation in progress, whose figures would otherwise come without their hints.
        await LockAsync(connection, transaction, Sql.LockAttainment, null, cancellationToken);

        var due = (await connection.QueryAsync<string>(new CommandDefinition(Sql.HintsDue, transaction: transaction, cancellationToken: cancellationToken)))
            .ToHashSet(StringComparer.Ordinal);
        var written = (await connection.QueryAsync<(string IndicatorCode, string FromMonth, string Text)>(new CommandDefinition(
                Sql.WrittenHints, transaction: transaction, cancellationToken: cancellationToken)))
            .Select(w => new StatusHint(w.IndicatorCode, ParseMonth(w.FromMonth), w.Text))
            .ToLookup(w => w.IndicatorCode, StringComparer.Ordinal);
        var wanted = hints.ToLookup(h => h.IndicatorCode, StringComparer.Ordinal);
        var changed = wanted.Select(g => g.Key).Concat(written.Select(g => g.Key)).Distinct(StringComparer.Ordinal)
            .Where(code => !wanted[code].OrderBy(h => h.FromMonth).SequenceEqual(written[code].OrderBy(h => h.FromMonth)));
        // In code order, so that two writers never wait for each other's rows crosswise.
        foreach (var indicator in due.Union(changed, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            await Execute(Sql.ClearStatusHints, new { indicator });
            await Execute(Sql.SetStatusHint, wanted[indicator].Select(h => new { indicator, text = h.Text, from = MonthText(h.FromMonth) }));
            await Execute(Sql.AppendSuppressedHint, new { indicator, suppressedHint });
            await Execute(Sql.ClearWrittenHints, new { indicator });
            await Execute(Sql.InsertWrittenHint, wanted[indicator].Select(h => new { indicator, text = h.Text, from = MonthText(h.FromMonth) }));
            await Execute(Sql.ClearHintsDue, new { indicator });
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>In a recomputation's transaction: its indicators' figures come without hints, so their hints are due.</summary>
    private Task<int> MarkHintsDueAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> indicators, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            Sql.InsertHintsDue,
            indicators.Order(StringComparer.Ordinal).Select(indicator => new { indicator }), transaction, cancellationToken: cancellationToken));
}
