using System.Data.Common;
using System.Runtime.CompilerServices;
using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Bielefeld.Etl.Warehouse.Postgres;

public sealed partial class PostgresWarehouse
{
    /// <inheritdoc />
    public override async Task<bool> SyncCatalogAsync(PlanCatalog catalog, AreaCatalog areas, CancellationToken cancellationToken)
    {
        // The sets of areas the targets name (Jobcenter-8.1) are areas of their own in the warehouse.
        areas = areas.WithAreaSets(catalog);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var now = Time.GetUtcNow().UtcDateTime;
        var changed = false;
        foreach (var area in areas.Areas)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PostgresSql.UpsertArea, new { area.Code, area.Name, level = CatalogWords.Level(area.Level), area.ParentCode },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var measure in catalog.Measures)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PostgresSql.UpsertMeasure,
                new
                {
                    measure.Code, year = catalog.Year, measure.Title, measure.OrgUnit, measure.PolicyArea, measure.TargetGroup,
                    measure.FocalTheme, principles = string.Join("\n", measure.GuidingPrinciples), measure.CostEurosPerYear, measure.CostText,
                },
                transaction, cancellationToken: cancellationToken));
        }

        foreach (var indicator in catalog.Indicators)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PostgresSql.UpsertIndicator,
                new
                {
                    indicator.Code, indicator.MeasureCode, indicator.Name, indicator.Unit, kind = CatalogWords.Kind(indicator.Kind),
                    direction = CatalogWords.Direction(indicator.HigherIsBetter), indicator.ParentCode, indicator.Informational, indicator.DataSource,
                },
                transaction, cancellationToken: cancellationToken));

            foreach (var target in indicator.Targets)
            {
                var row = new DynamicParameters(new
                {
                    indicator = indicator.Code, year = catalog.Year, area = target.AreaCode, comparator = CatalogWords.Comparator(target.Comparator),
                    value = target.Value, baseline = target.Baseline, deadline = target.Deadline is { } d ? Day(d) : (DateTime?)null,
                    from = Day(target.Period.FirstMonth), to = Day(target.Period.LastMonth), wording = target.Wording, now,
                });
                row.AddDynamicParams(TargetSemantics.Of(indicator, target));
                await connection.ExecuteAsync(new CommandDefinition(PostgresSql.CloseChangedTarget, row, transaction, cancellationToken: cancellationToken));
                changed |= await connection.ExecuteAsync(new CommandDefinition(PostgresSql.InsertTarget, row, transaction, cancellationToken: cancellationToken)) > 0;
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.ClearAreaSets, transaction: transaction, cancellationToken: cancellationToken));
        foreach (var set in areas.Areas.Where(a => a.Members.Count > 0))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PostgresSql.InsertAreaSetMember, set.Members.Select((member, i) => new { set = set.Code, member, position = i + 1 }),
                transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return changed;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<(string Area, MonthlyActual Actual)> ReadMonthlyActualsAsync(
        DbConnection connection, DbTransaction transaction, string indicator, DateOnly firstMonth, DateOnly lastMonth,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Taken before reading, so a recomputation never writes figures older than those of one that ran beside it.
        await connection.ExecuteAsync(new CommandDefinition(PostgresSql.LockAttainment, transaction: transaction, cancellationToken: cancellationToken));
        var rows = connection.QueryUnbufferedAsync<ActualRow>(
            PostgresSql.MonthlyActuals, new { indicator, from = Day(firstMonth), to = Day(lastMonth) }, transaction);
        await foreach (var r in rows.WithCancellation(cancellationToken))
        {
            yield return (r.Area, new MonthlyActual(r.Month, r.Value)
            {
                Numerator = r.Numerator,
                Denominator = r.Denominator,
                Suppressed = r.Suppressed,
            });
        }
    }

    /// <inheritdoc />
    protected override async Task<IReadOnlyList<string>> ReadActualAreasAsync(
        DbConnection connection, DbTransaction transaction, string indicator, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<string>(new CommandDefinition(PostgresSql.ActualAreas, new { indicator }, transaction, cancellationToken: cancellationToken))).ToList();

    /// <inheritdoc />
    protected override async Task ReplaceAttainmentAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyCollection<string> indicators, IReadOnlyList<AttainmentFigure> figures, CancellationToken cancellationToken)
    {
        if (indicators.Count > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                PostgresSql.DeleteAttainment, new { indicators = indicators.ToArray() }, transaction, cancellationToken: cancellationToken));
        }
        var computed = Time.GetUtcNow().UtcDateTime;
        // Binary COPY, not one INSERT per figure: the bench measured 202,848 single INSERTs at 50.7 s of a 52 s load.
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

    private sealed class ActualRow
    {
        public string Indicator { get; set; } = "";

        public string Area { get; set; } = "";

        public DateOnly Month { get; set; }

        public decimal? Value { get; set; }

        public decimal? Numerator { get; set; }

        public decimal? Denominator { get; set; }

        public bool Suppressed { get; set; }
    }
}
