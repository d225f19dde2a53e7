using System.Data.Common;
using Bielefeld.Etl.Attainment;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// Writing attainment figures: only those that changed. A recomputation computes every figure of its indicators, but
/// most are what is stored already (a recomputation with nothing new, or a load of one month, which moves only the
/// figures from that month on); deleting and copying all of them again cost 13.99 s of COPY in the 1 M bench on
/// PostgreSQL (docs/performance.md, "Attainment written where it changed").
/// </summary>
public abstract partial class StatementWarehouse
{
    /// <inheritdoc />
    protected override async Task<int> WriteChangedAttainmentAsync(
        DbConnection connection, DbTransaction transaction, string indicator, IReadOnlyList<AttainmentFigure> figures, DateTime computed, CancellationToken cancellationToken)
    {
        var stored = (await connection.QueryAsync<StoredFigureRow>(new CommandDefinition(
                Sql.StoredAttainment, new { indicator }, transaction, cancellationToken: cancellationToken)))
            .ToDictionary(r => (Values.ReadDay(r.Month), r.Area), Cells);
        var changed = new List<AttainmentFigure>();
        var replaced = new List<(DateOnly Month, string Area)>();
        foreach (var figure in figures)
        {
            var key = (figure.Month, figure.AreaCode);
            if (stored.Remove(key, out var cells))
            {
                if (cells == Cells(figure))
                {
                    continue;
                }

                replaced.Add(key);
            }

            changed.Add(figure);
        }

        // What is left of the stored figures is no longer computed (an area or month that fell out of the plan).
        replaced.AddRange(stored.Keys);
        if (replaced.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                Sql.DeleteAttainmentFigures,
                new { indicator, months = CodeList([.. replaced.Select(k => MonthText(k.Month))]), areas = CodeList([.. replaced.Select(k => k.Area)]) },
                transaction, cancellationToken: cancellationToken));
        }

        if (changed.Count > 0)
        {
            await WriteAttainmentAsync(connection, transaction, changed, computed, cancellationToken);
        }

        return changed.Count + stored.Count;
    }

    /// <summary>A computed figure's columns as the dialect would store and read them back (SQLite: a REAL's digits).</summary>
    private FigureCells Cells(AttainmentFigure f) => new(
        Stored(f.ActualToDate), Stored(f.TargetValue), Stored(f.TargetPath), Stored(f.Degree), f.Status.ToReportName(), Stored(f.Projection),
        f.DependsOnSuppressed, f.Met, Stored(f.Baseline), f.BaselineMonth, f.TargetAreaCode);

    private FigureCells Cells(StoredFigureRow r) => new(
        Values.ReadNumber(r.Actual), Values.ReadNumber(r.Target), Values.ReadNumber(r.Path), Values.ReadNumber(r.Degree), r.Status,
        Values.ReadNumber(r.Projection), Values.ReadFlag(r.Suppressed), r.Met is null or DBNull ? null : Values.ReadFlag(r.Met),
        Values.ReadNumber(r.Baseline), Values.ReadDayOrNull(r.BaselineMonth), r.TargetArea);

    private decimal? Stored(decimal? value) => Values.ReadNumber(Values.Number(value).Value);

    /// <summary>What a figure holds besides its key and its time stamp; equal records store equal rows.</summary>
    private sealed record FigureCells(
        decimal? Actual, decimal? Target, decimal? Path, decimal? Degree, string Status, decimal? Projection,
        bool Suppressed, bool? Met, decimal? Baseline, DateOnly? BaselineMonth, string? TargetArea);

    private sealed class StoredFigureRow
    {
        public object Month { get; set; } = DateOnly.MinValue;

        public string Area { get; set; } = "";

        public object? Actual { get; set; }

        public object? Target { get; set; }

        public object? Path { get; set; }

        public object? Degree { get; set; }

        public string Status { get; set; } = "";

        public object? Projection { get; set; }

        public object Suppressed { get; set; } = false;

        public object? Met { get; set; }

        public object? Baseline { get; set; }

        public object? BaselineMonth { get; set; }

        public string? TargetArea { get; set; }
    }
}
