using System.Data.Common;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// What a load leaves to do after its commit (attainment for the indicators it changed, the steward report of its
/// rejected rows) is recorded in the load's own transaction and cleared once done. Whatever stops that work (a
/// timeout, a full disk, an unwritable reports folder) does not change the load's outcome: the next run finds the
/// work still pending and does it.
/// </summary>
public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Whether <paramref name="exception"/> says the database accepts no writes (a read-only database or file): no
    /// file can be loaded or even recorded until an operator changes that, so the run stops instead of failing file
    /// after file. Each provider knows its driver's codes; the default knows none.
    /// </summary>
    public virtual bool IsReadOnly(Exception exception) => false;

    /// <summary>The indicators whose attainment a committed load changed and no recomputation has covered since.</summary>
    public async Task<IReadOnlyList<string>> PendingAttainmentAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var codes = await connection.QueryAsync<string>(new CommandDefinition(
            Sql.PendingAttainment, cancellationToken: cancellationToken));
        return [.. codes.Order(StringComparer.Ordinal)];
    }

    /// <summary>Loads with rejected rows whose steward report has not been written yet, oldest first.</summary>
    public async Task<IReadOnlyList<PendingStewardReport>> PendingStewardReportsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(long FileId, string Name)>(new CommandDefinition(
            Sql.PendingStewardReports, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new PendingStewardReport(r.FileId, r.Name))];
    }

    /// <summary>Marks the steward report of load <paramref name="fileId"/> as written.</summary>
    public async Task StewardReportWrittenAsync(long fileId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.StewardReportWritten, new { fileId }, cancellationToken: cancellationToken));
    }

    /// <summary>In the load's transaction: the indicators to recompute and, with rejected rows, the steward report to write.</summary>
    private async Task RecordFollowUpAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyCollection<string> indicators, bool report, CancellationToken cancellationToken)
    {
        // Until their recomputation has assessed them again, every cell of the indicators pending here is hidden (the
        // views read this table): one row per indicator, however many cells it has.
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.InsertPendingAttainment,
            indicators.Order(StringComparer.Ordinal).Select(indicator => new { fileId, indicator }), transaction, cancellationToken: cancellationToken));
        if (report)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.InsertPendingReport, new { fileId }, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// Applies the cell suppression rule (<c>geheimhaltung_regel</c>, docs/data-dictionary.md "Small counts") to the
    /// current values of <paramref name="indicators"/> and keeps the cells it hides in <c>fact_geheimhaltung</c>, which
    /// the reporting views read by key (a cell without a row is shown, once its indicator is no longer pending). The rule
    /// reads only the indicators listed in <c>geheimhaltung_auftrag</c>, which holds them for this statement only; other
    /// transactions never see its rows.
    /// </summary>
    private async Task AssessConfidentialityAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> indicators, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.OrderConfidentiality,
            indicators.Order(StringComparer.Ordinal).Select(indicator => new { indicator }), transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.AssessConfidentiality,
            transaction: transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Takes the dialect's lock, where it has one (SQLite needs none: its writers are serialised by the file).</summary>
    protected static async Task LockAsync(DbConnection connection, DbTransaction transaction, string? statement, object? args, CancellationToken cancellationToken)
    {
        if (statement is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition(statement, args, transaction, cancellationToken: cancellationToken));
        }
    }

    /// <summary>
    /// In the recomputation's transaction, before anything is read: the indicators it covers are no longer pending.
    /// A load that commits after this statement leaves its indicators pending again, so nothing it changed is lost.
    /// </summary>
    private Task<int> ClearPendingAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IEnumerable<string> indicators, CancellationToken cancellationToken) =>
        // In code order, so that two recomputations never wait for each other's rows crosswise.
        connection.ExecuteAsync(new CommandDefinition(
            Sql.ClearPendingAttainment,
            indicators.Order(StringComparer.Ordinal).Select(indicator => new { indicator }), transaction, cancellationToken: cancellationToken));
}

/// <summary>A load whose steward report is still to be written.</summary>
/// <param name="FileId">The load's number (<c>datei_id</c>).</param>
/// <param name="Name">The file name, as the report names it.</param>
public sealed record PendingStewardReport(long FileId, string Name);
