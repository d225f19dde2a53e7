using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    /// <remarks>Binary COPY, in the replacement's transaction.</remarks>
    protected override async Task InsertConsistencyFindingsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<NumberedFinding> findings, CancellationToken cancellationToken)
    {
        await using var writer = await ((NpgsqlConnection)connection).BeginBinaryImportAsync(PostgresSql.CopyConsistencyFindings, cancellationToken);
        foreach (var (nr, finding) in findings)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(finding.Month, NpgsqlDbType.Date, cancellationToken);
            await writer.WriteAsync(nr, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(finding.IndicatorCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(finding.AreaCode, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(finding.Text, NpgsqlDbType.Text, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
