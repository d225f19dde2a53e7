using System.Data.Common;
using Bielefeld.Etl.Attainment;
using Dapper;

namespace Bielefeld.Etl.Warehouse.SqlServer;

public sealed partial class SqlServerWarehouse
{
    /// <inheritdoc />
    /// <remarks>Lists of codes travel as a JSON array (OPENJSON).</remarks>
    protected override object CodeList(IReadOnlyCollection<string> codes) => System.Text.Json.JsonSerializer.Serialize(codes);

    /// <inheritdoc />
    protected override async Task WriteAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
            SqlServerSql.InsertAttainment,
            figures.Select(f => new
            {
                f.IndicatorCode, Month = Day(f.Month), f.AreaCode, f.ActualToDate, f.TargetValue, f.TargetPath, f.Degree,
                Status = f.Status.ToReportName(), f.Projection, Suppressed = f.DependsOnSuppressed, computed,
                f.Met, f.Baseline, BaselineMonth = f.BaselineMonth is { } month ? Day(month) : (DateTime?)null, f.TargetAreaCode,
            }),
            transaction, cancellationToken: cancellationToken));
    }
}
