using System.Data;
using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Microsoft.Data.SqlClient;

namespace Bielefeld.Etl.Warehouse.SqlServer;

public sealed partial class SqlServerWarehouse
{
    private const int UniqueIndexViolation = 2601;
    private const int UniqueConstraintViolation = 2627;

    /// <inheritdoc />
    /// <remarks>SQL Server's claim cannot skip a duplicate fingerprint: it fails on the unique index instead.</remarks>
    protected override bool IsDuplicateKey(Exception exception) =>
        exception is SqlException { Number: UniqueIndexViolation or UniqueConstraintViolation };

    /// <inheritdoc />
    protected override ObservationWriter CreateObservationWriter(DbConnection connection, DbTransaction transaction, long fileId, string source, bool direct) =>
        new BulkWriter(connection, transaction, fileId, direct ? source : null);

    /// <summary>SqlBulkCopy of one batch at a time, into staging or with a source straight into the fact.</summary>
    private sealed class BulkWriter : ObservationWriter
    {
        private readonly DbConnection _connection;
        private readonly DbTransaction _transaction;
        private readonly long _fileId;
        private readonly string? _directSource;
        private readonly DataTable _table = new() { Locale = System.Globalization.CultureInfo.InvariantCulture };

        public BulkWriter(DbConnection connection, DbTransaction transaction, long fileId, string? directSource)
        {
            (_connection, _transaction, _fileId, _directSource) = (connection, transaction, fileId, directSource);
            _table.Columns.Add("datei_id", typeof(long));
            _table.Columns.Add("indikator_code", typeof(string));
            _table.Columns.Add("monat", typeof(DateTime));
            _table.Columns.Add("bereich_code", typeof(string));
            _table.Columns.Add("serie", typeof(string));
            _table.Columns.Add("wert", typeof(decimal));
            _table.Columns.Add("zaehler", typeof(decimal));
            _table.Columns.Add("nenner", typeof(decimal));
            _table.Columns.Add("unterdrueckt", typeof(bool));
            _table.Columns.Add("datenstand", typeof(DateTime));
            if (directSource is not null)
            {
                _table.Columns.Add("quelle", typeof(string));
            }
        }

        public override async ValueTask WriteAsync(Observation o, CancellationToken cancellationToken)
        {
            var row = _table.Rows.Add(_fileId, o.IndicatorCode, Day(o.Month), o.AreaCode, o.SeriesKey,
                (object?)o.Value ?? DBNull.Value, (object?)o.Numerator ?? DBNull.Value, (object?)o.Denominator ?? DBNull.Value, o.Suppressed,
                o.Vintage is { } vintage ? Day(vintage) : DBNull.Value);
            if (_directSource is not null)
            {
                row["quelle"] = _directSource;
            }

            if (_table.Rows.Count >= BatchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public override async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            if (_table.Rows.Count == 0)
            {
                return;
            }

            await BulkCopyAsync(_connection, _transaction, _directSource is null ? SqlServerNames.StagingTable : SqlServerNames.FactTable, _table, cancellationToken);
            _table.Clear();
        }

        public override async ValueTask DisposeAsync()
        {
            _table.Dispose();
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

        using var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("datei_id", typeof(long));
        table.Columns.Add("blatt", typeof(string));
        table.Columns.Add("zeile", typeof(int));
        table.Columns.Add("spalte", typeof(string));
        table.Columns.Add("rohwert", typeof(string));
        table.Columns.Add("grund_code", typeof(string));
        table.Columns.Add("grund", typeof(string));
        foreach (var r in batch)
        {
            table.Rows.Add(fileId, (object?)r.Sheet ?? DBNull.Value, r.Row, (object?)r.Column ?? DBNull.Value,
                (object?)r.RawValue ?? DBNull.Value, r.Reason.Code, r.Message);
        }

        await BulkCopyAsync(connection, transaction, SqlServerNames.RejectedRowTable, table, cancellationToken);
    }

    private static async Task BulkCopyAsync(DbConnection connection, DbTransaction transaction, string destination, DataTable table, CancellationToken cancellationToken)
    {
        // FireTriggers: the fact's file references are checked by its trigger, once per batch (migration 0017).
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints | SqlBulkCopyOptions.FireTriggers, (SqlTransaction)transaction)
        {
            DestinationTableName = destination,
            BatchSize = table.Rows.Count,
            BulkCopyTimeout = 0,
        };
        foreach (DataColumn column in table.Columns)
        {
            bulk.ColumnMappings.Add(column.ColumnName, column.ColumnName);
        }

        await bulk.WriteToServerAsync(table, cancellationToken);
    }
}
