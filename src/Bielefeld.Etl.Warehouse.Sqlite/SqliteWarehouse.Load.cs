using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    /// <remarks>
    /// A first load into an empty fact defers its indexes (the engine, <c>StatementWarehouse.FirstLoad</c>). A file that
    /// stages gets a 64 MB page cache on its connection until its merge ends: staging's key index and the merge's
    /// lookups into the fact's key index touch pages in key order, not file order, and with SQLite's default of 2 MB
    /// nearly every one missed it (1 M rows: re-delivery 167 s against 87 s for the first load; with the cache for the
    /// whole load 68 s against 105 s in one run). A first load keeps the default, like the bench's baseline.
    /// </remarks>
    protected override async Task BeforeRowsAsync(DbConnection connection, DbTransaction transaction, bool direct, CancellationToken cancellationToken)
    {
        await base.BeforeRowsAsync(connection, transaction, direct, cancellationToken);
        if (!direct)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqliteSql.EnlargeCache, transaction: transaction, cancellationToken: cancellationToken));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// Not cancelled with the load: a cancelled merge gives the cache back and drops its notes too. (A load that fails
    /// before its merge leaves one pooled connection at 64 MB.)
    /// </remarks>
    protected override Task MergeEndedAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(SqliteSql.DropMergeNotes + "; " + SqliteSql.RestoreCache, transaction: transaction);

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
            _command.CommandText = directSource is null ? SqliteSql.StageObservation : SqliteSql.InsertObservationIntoFact;
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
            _parameters[5].Value = SqliteValues.Real(o.Value);
            _parameters[6].Value = SqliteValues.Real(o.Numerator);
            _parameters[7].Value = SqliteValues.Real(o.Denominator);
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
                _dates[date] = text = SqliteValues.IsoDay(date);
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
        command.CommandText = SqliteSql.InsertRejectedRow;
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
}
