using System.Data.Common;
using System.Runtime.CompilerServices;
using Bielefeld.Etl.Attainment;
using Dapper;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string Area, MonthlyActual Actual)> ReadMonthlyActualsAsync(
        DbConnection connection, DbTransaction transaction, string indicator, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = connection.QueryUnbufferedAsync<(string Area, string Month, double? Value, double? Numerator, double? Denominator, long Suppressed)>(
            SqliteSql.MonthlyActuals,
            new { indicator, from = Date(firstMonth), to = Date(lastMonth) }, transaction);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return (r.Area, new MonthlyActual(ParseDate(r.Month), Decimal(r.Value))
            {
                Numerator = Decimal(r.Numerator),
                Denominator = Decimal(r.Denominator),
                Suppressed = r.Suppressed != 0,
            });
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, string indicator, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(
            SqliteSql.ActualAreas,
            new { indicator }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <inheritdoc />
    protected override async Task ReplaceAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, IReadOnlyList<AttainmentFigure> figures, CancellationToken cancellationToken)
    {
        if (indicators.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                SqliteSql.DeleteAttainment, new { indicators }, transaction, cancellationToken: cancellationToken));
        }
        // One prepared insert for all figures (Dapper would bind every figure's parameters anew by reflection).
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            SqliteSql.InsertAttainment;
        var p = AddParameters(command, "$indikator", "$monat", "$bereich", "$ist", "$ziel", "$pfad", "$grad", "$status", "$prognose", "$unterdrueckt", "$berechnet",
            "$erreicht", "$basis", "$basis_monat", "$ziel_bereich");
        p[10].Value = Timestamp(Time.GetUtcNow());
        await command.PrepareAsync(cancellationToken);
        foreach (var f in figures)
        {
            p[0].Value = f.IndicatorCode;
            p[1].Value = Date(f.Month);
            p[2].Value = f.AreaCode;
            p[3].Value = Number(f.ActualToDate);
            p[4].Value = Number(f.TargetValue);
            p[5].Value = Number(f.TargetPath);
            p[6].Value = Number(f.Degree);
            p[7].Value = f.Status.ToReportName();
            p[8].Value = Number(f.Projection);
            p[9].Value = f.DependsOnSuppressed ? 1 : 0;
            p[11].Value = f.Met is { } met ? (met ? 1 : 0) : DBNull.Value;
            p[12].Value = Number(f.Baseline);
            p[13].Value = f.BaselineMonth is { } month ? Date(month) : DBNull.Value;
            p[14].Value = (object?)f.TargetAreaCode ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
