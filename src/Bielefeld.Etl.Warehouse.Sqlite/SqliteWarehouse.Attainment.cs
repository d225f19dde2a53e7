using System.Data.Common;
using Bielefeld.Etl.Attainment;

namespace Bielefeld.Etl.Warehouse.Sqlite;

public sealed partial class SqliteWarehouse
{
    /// <inheritdoc />
    /// <remarks>Lists of codes travel as a JSON array (<c>json_each</c>).</remarks>
    protected override object CodeList(IReadOnlyCollection<string> codes) => System.Text.Json.JsonSerializer.Serialize(codes);

    /// <inheritdoc />
    /// <remarks>One prepared insert for all figures (Dapper would bind every figure's parameters anew by reflection).</remarks>
    protected override async Task WriteAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteSql.InsertAttainment;
        var p = AddParameters(command, "$indikator", "$monat", "$bereich", "$ist", "$ziel", "$pfad", "$grad", "$status", "$prognose", "$unterdrueckt", "$berechnet",
            "$erreicht", "$basis", "$basis_monat", "$ziel_bereich");
        p[10].Value = SqliteValues.IsoInstant(new DateTimeOffset(computed));
        await command.PrepareAsync(cancellationToken);
        foreach (var f in figures)
        {
            p[0].Value = f.IndicatorCode;
            p[1].Value = SqliteValues.IsoDay(f.Month);
            p[2].Value = f.AreaCode;
            p[3].Value = SqliteValues.Real(f.ActualToDate);
            p[4].Value = SqliteValues.Real(f.TargetValue);
            p[5].Value = SqliteValues.Real(f.TargetPath);
            p[6].Value = SqliteValues.Real(f.Degree);
            p[7].Value = f.Status.ToReportName();
            p[8].Value = SqliteValues.Real(f.Projection);
            p[9].Value = f.DependsOnSuppressed ? 1 : 0;
            p[11].Value = f.Met is { } met ? (met ? 1 : 0) : DBNull.Value;
            p[12].Value = SqliteValues.Real(f.Baseline);
            p[13].Value = f.BaselineMonth is { } month ? SqliteValues.IsoDay(month) : DBNull.Value;
            p[14].Value = (object?)f.TargetAreaCode ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }
}
