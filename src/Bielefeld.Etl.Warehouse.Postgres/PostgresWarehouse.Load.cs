using System.Data.Common;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    protected override async Task<long?> TryClaimAsync(
        DbConnection connection, DbTransaction transaction, ExtractFile file, DateTimeOffset started, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
            PostgresSql.Claim,
            new { file.Pipeline, file.Name, file.Path, file.Sha256, file.Size, started = started.UtcDateTime },
            transaction, cancellationToken: cancellationToken));

    /// <inheritdoc />
    protected override async Task StageObservationsAsync(
        DbConnection connection, DbTransaction transaction, long fileId, IReadOnlyList<Observation> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        // COPY runs inside the connection's open transaction: a failed load leaves no staged row behind.
        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(PostgresSql.CopyObservations, cancellationToken);
        foreach (var o in batch)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(fileId, NpgsqlDbType.Bigint, cancellationToken);
            await writer.WriteAsync(o.IndicatorCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(o.Month, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(o.AreaCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(o.SeriesKey, NpgsqlDbType.Text, cancellationToken);
            await WriteNumberAsync(writer, o.Value, cancellationToken);
            await WriteNumberAsync(writer, o.Numerator, cancellationToken);
            await WriteNumberAsync(writer, o.Denominator, cancellationToken);
            await writer.WriteAsync(o.Suppressed, NpgsqlDbType.Boolean, cancellationToken);
            if (o.Vintage is { } vintage)
            {
                await writer.WriteAsync(vintage, NpgsqlDbType.Date, cancellationToken);
            }
            else
            {
                await writer.WriteNullAsync(cancellationToken);
            }
        }

        await writer.CompleteAsync(cancellationToken);
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

    /// <inheritdoc />
    protected override async Task<IReadOnlyCollection<string>> MergeAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, CancellationToken cancellationToken)
    {
        var args = new { fileId, scope.Source, scope.SeriesKey, from = Day(scope.FirstMonth), to = Day(scope.LastMonth) };
        // Two files of the same series merge one after the other: the second then sees what the first committed.
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.LockScope, args, transaction, cancellationToken: cancellationToken));
        if (scope.Mode == SupersedeMode.PerValue)
        {
            await connection.ExecuteAsync(new CommandDefinition(PostgresSql.KeepLateValues, args, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(PostgresSql.DropLateValues, args, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(PostgresSql.SupersedeContained, args, transaction, cancellationToken: cancellationToken));
        }
        else
        {
            await connection.ExecuteAsync(new CommandDefinition(PostgresSql.Supersede, args, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.InsertNew, args, transaction, cancellationToken: cancellationToken));
        var changed = await connection.QueryAsync<string>(new CommandDefinition(PostgresSql.ChangedIndicators, args, transaction, cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.ClearStaging, args, transaction, cancellationToken: cancellationToken));
        return changed.ToList();
    }

    /// <inheritdoc />
    protected override Task CompleteAsync(
        DbConnection connection, DbTransaction transaction, long fileId, DeliveryScope scope, RowCounts counts, DateTimeOffset finished, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(
            PostgresSql.Complete,
            new
            {
                fileId, scope.SeriesKey, from = Day(scope.FirstMonth), to = Day(scope.LastMonth),
                counts.Read, counts.Loaded, counts.Rejected, counts.Skipped, finished = finished.UtcDateTime,
            },
            transaction, cancellationToken: cancellationToken));

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
