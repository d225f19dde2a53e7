using System.Data;
using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;
using Microsoft.Data.SqlClient;

namespace Bielefeld.Etl.Warehouse.SqlServer;

public sealed partial class SqlServerWarehouse
{
    private const int UniqueIndexViolation = 2601;
    private const int UniqueConstraintViolation = 2627;

    /// <inheritdoc />
    protected override async Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken)
    {
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SqlServerSql.Claim,
                new { file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, started = started.UtcDateTime },
                transaction, cancellationToken: cancellationToken));
        }
        catch (SqlException ex) when (ex.Number is UniqueIndexViolation or UniqueConstraintViolation)
        {
            return null;
        }
    }

    /// <inheritdoc />
    protected override async Task StageObservationsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<Observation> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        using var table = new DataTable { Locale = System.Globalization.CultureInfo.InvariantCulture };
        table.Columns.Add("datei_id", typeof(long));
        table.Columns.Add("indikator_code", typeof(string));
        table.Columns.Add("monat", typeof(DateTime));
        table.Columns.Add("bereich_code", typeof(string));
        table.Columns.Add("serie", typeof(string));
        table.Columns.Add("wert", typeof(decimal));
        table.Columns.Add("zaehler", typeof(decimal));
        table.Columns.Add("nenner", typeof(decimal));
        table.Columns.Add("unterdrueckt", typeof(bool));
        table.Columns.Add("datenstand", typeof(DateTime));
        foreach (var o in batch)
        {
            table.Rows.Add(fileId, o.IndicatorCode, Day(o.Month), o.AreaCode, o.SeriesKey,
                (object?)o.Value ?? DBNull.Value, (object?)o.Numerator ?? DBNull.Value, (object?)o.Denominator ?? DBNull.Value, o.Suppressed,
                o.Vintage is { } vintage ? Day(vintage) : DBNull.Value);
        }

        await BulkCopyAsync(connection, transaction, SqlServerNames.StagingTable, table, cancellationToken);
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

    /// <inheritdoc />
    protected override async Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var resource = $"bielefeld-etl/scope/{scope.Source}/{scope.SeriesKey ?? "*"}";
        var args = new
        {
            fileId, scope.Source, scope.SeriesKey, from = Day(scope.FirstMonth), to = Day(scope.LastMonth),
            resource = resource.Length > 255 ? resource[..255] : resource,
        };
        // Two files of the same series merge one after the other: the second then sees what the first committed.
        await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.LockScope, args, transaction, cancellationToken: cancellationToken));
        if (scope.Mode == SupersedeMode.PerValue)
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.KeepLateValues, args, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.DropLateValues, args, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.SupersedeContained, args, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.Supersede, args, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.InsertNew, args, transaction, cancellationToken: cancellationToken));
        var changed = await connection.QueryAsync<string>(new CommandDefinition(SqlServerSql.ChangedIndicators, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(SqlServerSql.ClearStaging, args, transaction, cancellationToken: cancellationToken));
        return changed.ToList();
    }

    /// <inheritdoc />
    protected override Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            SqlServerSql.Complete,
            new
            {
                fileId, scope.SeriesKey, from = Day(scope.FirstMonth), to = Day(scope.LastMonth),
                counts.Read, counts.Loaded, counts.Rejected, counts.Skipped, finished = finished.UtcDateTime,
            },
            transaction, cancellationToken: cancellationToken));

    private static async Task BulkCopyAsync(DbConnection connection, DbTransaction transaction, string destination, DataTable table, CancellationToken cancellationToken)
    {
        using var bulk = new SqlBulkCopy((SqlConnection)connection, SqlBulkCopyOptions.CheckConstraints, (SqlTransaction)transaction)
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
