using System.Data.Common;
using Bielefeld.Etl.Attainment;
using Npgsql;
using NpgsqlTypes;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    /// <remarks>Binary COPY, in the recomputation's transaction.</remarks>
    protected override async Task WriteAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken)
    {
        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(PostgresSql.CopyAttainment, cancellationToken);
        foreach (var f in figures)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(f.IndicatorCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(f.Month, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(f.AreaCode, NpgsqlDbType.Text, cancellationToken);
            await WriteNumberAsync(writer, f.ActualToDate, cancellationToken);
            await WriteNumberAsync(writer, f.TargetValue, cancellationToken);
            await WriteNumberAsync(writer, f.TargetPath, cancellationToken);
            await WriteNumberAsync(writer, f.Degree, cancellationToken);
            await writer.WriteAsync(f.Status.ToReportName(), NpgsqlDbType.Text, cancellationToken);
            await WriteNumberAsync(writer, f.Projection, cancellationToken);
            await writer.WriteAsync(f.DependsOnSuppressed, NpgsqlDbType.Boolean, cancellationToken);
            await writer.WriteAsync(computed, NpgsqlDbType.TimestampTz, cancellationToken);
            await (f.Met is { } met ? writer.WriteAsync(met, NpgsqlDbType.Boolean, cancellationToken) : writer.WriteNullAsync(cancellationToken));
            await WriteNumberAsync(writer, f.Baseline, cancellationToken);
            await (f.BaselineMonth is { } month ? writer.WriteAsync(month, NpgsqlDbType.Date, cancellationToken) : writer.WriteNullAsync(cancellationToken));
            await WriteTextAsync(writer, f.TargetAreaCode, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
