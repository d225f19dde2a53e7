using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    public override async Task RecordUnloadedAsync(
        ExtractFile file, FileLoadStatus status, string reasonCode, string message, DateTimeOffset started, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The same bytes refused for the same reason are recorded once, not every night again.
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.RecordUnloaded,
            new
            {
                file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, status = status.ToStoredName(), reasonCode, message,
                started = Timestamp(started), finished = Timestamp(Time.GetUtcNow()),
            },
            cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    protected override async Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqliteSql.Claim,
                new { file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, started = Timestamp(started) },
                transaction, cancellationToken: cancellationToken));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SqliteConstraint)
        {
            return null;
        }
    }

    /// <inheritdoc />
    /// <remarks>The claim's insert already holds SQLite's write lock: no other load runs until this one commits.</remarks>
    /// <remarks>
    /// A file that stages gets a 64 MB page cache on its connection until its merge ends: staging's key index and the
    /// merge's lookups into the fact's key index touch pages in key order, not file order, and with SQLite's default of
    /// 2 MB nearly every one missed it (1 M rows: re-delivery 167 s against 87 s for the first load; with the cache for
    /// the whole load 68 s against 105 s in one run). A first load keeps the default, like the bench's baseline.
    /// </remarks>
    protected override async Task<bool> CanWriteDirectAsync(
        DbConnection connection, DbTransaction transaction, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var direct = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            SqliteSql.SourceHasCurrentValues,
            new { scope.Source }, transaction, cancellationToken: cancellationToken)) == 0;
        if (direct)
        {
            await DeferFactIndexesIfEmptyAsync(connection, transaction, cancellationToken);
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(SqliteSql.EnlargeCache, transaction: transaction, cancellationToken: cancellationToken));
        }

        return direct;
    }

    /// <inheritdoc />
    protected override ObservationWriter CreateObservationWriter(DbConnection connection, DbTransaction transaction, long fileId, string source, bool direct) =>
        new PreparedWriter(connection, transaction, fileId, direct ? source : null);

    /// <summary>One prepared insert for the whole file, into staging or with a source straight into the fact.</summary>
    private sealed class PreparedWriter : ObservationWriter
    {
        private readonly DbCommand _command;
        private readonly DbParameter[] _parameters;
        private readonly Dictionary<DateOnly, string> _dates = [];
        private bool _prepared;

        public PreparedWriter(DbConnection connection, DbTransaction transaction, long fileId, string? directSource)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = directSource is null
                ? SqliteSql.StageObservation
                : SqliteSql.InsertObservationIntoFact;
            _parameters = AddParameters(_command, "$datei", "$indikator", "$monat", "$bereich", "$serie", "$wert", "$zaehler", "$nenner", "$unterdrueckt", "$datenstand", "$quelle");
            _parameters[0].Value = fileId;
            _parameters[10].Value = (object?)directSource ?? DBNull.Value;
            if (directSource is null)
            {
                _command.Parameters.Remove(_parameters[10]);
            }
        }

        public override async ValueTask WriteAsync(Observation o, CancellationToken cancellationToken)
        {
            if (!_prepared)
            {
                await _command.PrepareAsync(cancellationToken);
                _prepared = true;
            }

            _parameters[1].Value = o.IndicatorCode;
            _parameters[2].Value = CachedDate(o.Month);
            _parameters[3].Value = o.AreaCode;
            _parameters[4].Value = o.SeriesKey;
            _parameters[5].Value = Number(o.Value);
            _parameters[6].Value = Number(o.Numerator);
            _parameters[7].Value = Number(o.Denominator);
            _parameters[8].Value = o.Suppressed ? 1 : 0;
            _parameters[9].Value = o.Vintage is { } vintage ? CachedDate(vintage) : DBNull.Value;
            // SQLite runs in process: the synchronous call saves the async state machine per row.
            _command.ExecuteNonQuery();
        }

        public override ValueTask FlushAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        /// <summary>A file names few months and Datenstände: each one's text is made once, not once per row.</summary>
        private string CachedDate(DateOnly date)
        {
            if (!_dates.TryGetValue(date, out var text))
            {
                _dates[date] = text = Date(date);
            }

            return text;
        }

        public override async ValueTask DisposeAsync()
        {
            await _command.DisposeAsync();
            await base.DisposeAsync();
        }
    }

    /// <inheritdoc />
    protected override async Task InsertRejectedRowsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<RejectedRow> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            SqliteSql.InsertRejectedRow;
        var parameters = AddParameters(command, "$datei", "$blatt", "$zeile", "$spalte", "$rohwert", "$code", "$grund");
        await command.PrepareAsync(cancellationToken);
        parameters[0].Value = fileId;
        foreach (var r in batch)
        {
            parameters[1].Value = (object?)r.Sheet ?? DBNull.Value;
            parameters[2].Value = r.Row;
            parameters[3].Value = (object?)r.Column ?? DBNull.Value;
            parameters[4].Value = (object?)r.RawValue ?? DBNull.Value;
            parameters[5].Value = r.Reason.Code;
            parameters[6].Value = r.Message;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var args = new { fileId, scope.Source, scope.SeriesKey, from = Date(scope.FirstMonth), to = Date(scope.LastMonth) };
        Task<int> Execute(string sql) => connection.ExecuteAsync(new CommandDefinition(sql, args, transaction, cancellationToken: cancellationToken));

        // The cache enlarged for staging (CanWriteDirectAsync) is given back when the merge ends, so that a pooled
        // connection does not keep it. (A load that fails before its merge leaves one pooled connection at 64 MB.)
        try
        {
            if (scope.Mode == SupersedeMode.PerValue)
            {
                await Execute(SqliteSql.KeepLateValues);
                await Execute(SqliteSql.DropLateValues);
                await Execute(SqliteSql.SupersedeContained);
            }
            else
            {
                await Execute(SqliteSql.Supersede);
            }

            await Execute(SqliteSql.InsertNew);
            var changed = await connection.QueryAsync<string>(new CommandDefinition(SqliteSql.ChangedIndicators, args, transaction, cancellationToken: cancellationToken));
            await Execute(SqliteSql.ClearStaging);
            return changed.ToList();
        }
        finally
        {
            await connection.ExecuteAsync(SqliteSql.RestoreCache, transaction: transaction);
        }
    }

    /// <inheritdoc />
    /// <remarks>The first step after the rows: the fact's indexes a first load deferred are built here, before any statement reads it.</remarks>
    protected override async Task RecordFileMonthsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, string source, IReadOnlyList<DateOnly> months, CancellationToken cancellationToken)
    {
        await RestoreFactIndexesAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.RecordFileMonth,
            months.Select(m => new { fileId, source, month = Date(m) }),
            transaction, cancellationToken: cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>The indexes a first load deferred are built at the latest here (normally already after the rows).</remarks>
    protected override async Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken)
    {
        await RestoreFactIndexesAsync(connection, transaction, cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            SqliteSql.Complete,
            new
            {
                fileId, scope.SeriesKey, from = Date(scope.FirstMonth), to = Date(scope.LastMonth),
                counts.Read, counts.Loaded, counts.Rejected, counts.Skipped, finished = Timestamp(finished),
            },
            transaction, cancellationToken: cancellationToken));
    }
}
