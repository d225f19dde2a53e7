using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Npgsql;
using NpgsqlTypes;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    protected override ObservationWriter CreateObservationWriter(DbConnection connection, DbTransaction transaction, long fileId, string source, bool direct) =>
        new CopyWriter((NpgsqlConnection)connection, fileId, direct ? source : null);

    /// <summary>
    /// One binary COPY for the whole file (paused only for rejected rows): the server takes the rows in while the
    /// reader reads the next ones. Into staging, or with a source straight into the fact.
    /// </summary>
    private sealed class CopyWriter(NpgsqlConnection connection, long fileId, string? directSource) : ObservationWriter
    {
        private NpgsqlBinaryImporter? _importer;

        public override async ValueTask WriteAsync(Observation o, CancellationToken cancellationToken)
        {
            var writer = _importer ??= await connection.BeginBinaryImportAsync(
                directSource is null ? PostgresSql.CopyObservations : PostgresSql.CopyObservationsIntoFact, cancellationToken);
            writer.StartRow();
            writer.Write(fileId, NpgsqlDbType.Bigint);
            writer.Write(o.IndicatorCode, NpgsqlDbType.Text);
            writer.Write(o.Month, NpgsqlDbType.Date);
            writer.Write(o.AreaCode, NpgsqlDbType.Text);
            writer.Write(o.SeriesKey, NpgsqlDbType.Text);
            WriteNumber(writer, o.Value);
            WriteNumber(writer, o.Numerator);
            WriteNumber(writer, o.Denominator);
            writer.Write(o.Suppressed, NpgsqlDbType.Boolean);
            if (o.Vintage is { } vintage)
            {
                writer.Write(vintage, NpgsqlDbType.Date);
            }
            else
            {
                writer.WriteNull();
            }

            if (directSource is not null)
            {
                writer.Write(directSource, NpgsqlDbType.Text);
            }
        }

        public override async ValueTask FlushAsync(CancellationToken cancellationToken)
        {
            if (_importer is { } importer)
            {
                _importer = null;
                await importer.CompleteAsync(cancellationToken);
                await importer.DisposeAsync();
            }
        }

        public override async ValueTask DisposeAsync()
        {
            // Not completed (an error on the way): disposing cancels the COPY; the transaction rolls back anyway.
            if (_importer is { } importer)
            {
                _importer = null;
                await importer.DisposeAsync();
            }

            await base.DisposeAsync();
        }

        private static void WriteNumber(NpgsqlBinaryImporter writer, decimal? value)
        {
            if (value is { } v)
            {
                writer.Write(v, NpgsqlDbType.Numeric);
            }
            else
            {
                writer.WriteNull();
            }
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

        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(PostgresSql.CopyRejectedRows, cancellationToken);
        foreach (var r in batch)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(fileId, NpgsqlDbType.Bigint, cancellationToken);
            await WriteTextAsync(writer, r.Sheet, cancellationToken);
            await writer.WriteAsync(r.Row, NpgsqlDbType.Integer, cancellationToken);
            await WriteTextAsync(writer, r.Column, cancellationToken);
            await WriteTextAsync(writer, r.RawValue, cancellationToken);
            await writer.WriteAsync(r.Reason.Code, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(r.Message, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNumberAsync(NpgsqlBinaryImporter writer, decimal? value, CancellationToken cancellationToken)
    {
        if (value is { } v)
        {
            await writer.WriteAsync(v, NpgsqlDbType.Numeric, cancellationToken);
        }
        else
        {
            await writer.WriteNullAsync(cancellationToken);
        }
    }

    private static async Task WriteTextAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await writer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }
}
