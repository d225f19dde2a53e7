using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Dapper;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// The current figures of <paramref name="indicators"/> per area and month from <paramref name="from"/> to
    /// <paramref name="to"/>, summed over series (what the consistency rules compare), ordered by indicator (ordinal),
    /// area and month: the caller asks window by window, never for the whole history of the fact.
    /// </summary>
    public async Task<IReadOnlyList<(string IndicatorCode, string AreaCode, MonthlyActual Actual)>> CurrentMonthlyActualsAsync(
        IReadOnlyCollection<string> indicators, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var figures = new List<(string Indicator, string Area, MonthlyActual Actual)>();
        await foreach (var figure in ReadMonthlyActualsOfAsync(connection, transaction, indicators, from, to, cancellationToken))
        {
            figures.Add(figure);
        }

        await transaction.CommitAsync(cancellationToken);
        // Stable: each indicator's figures keep the database's order by area and month.
        return [.. figures.OrderBy(f => f.Indicator, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Recomputes the attainment table for <paramref name="indicators"/> (all of the catalog's when null) from the
    /// current observations, in one transaction, so that views never see half a recomputation.
    /// </summary>
    /// <returns>The number of attainment figures written.</returns>
    public async Task<int> RecomputeAttainmentAsync(
        PlanCatalog catalog, IReadOnlyCollection<string>? indicators, AttainmentSettings settings, CancellationToken cancellationToken)
    {
        var selected = (indicators ?? catalog.Indicators.Select(i => i.Code).ToList())
            .Select(catalog.FindIndicator).OfType<Indicator>().ToList();
        if (selected.Count == 0)
        {
            return 0;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (Sql.PrepareRecomputation is { } prepare)
        {
            await connection.ExecuteAsync(new CommandDefinition(prepare, transaction: transaction, cancellationToken: cancellationToken));
        }

        // A pending indicator's kept latest attainment may have been taken while the view hid all of it (views or catalog
        // changed since its load), so it is taken again whatever its figures do.
        var wasPending = (await connection.QueryAsync<string>(new CommandDefinition(
            Sql.PendingAttainment, transaction: transaction, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        await ClearPendingAttainmentAsync(connection, transaction, selected.Select(i => i.Code), cancellationToken);
        var computedAt = Time.GetUtcNow();
        var changedIndicators = new List<string>();
        var calculator = new AttainmentCalculator(settings);
        var written = 0;
        // The areas with values, whatever the month, for all indicators in one read: one read per indicator walked
        // each indicator's values (PostgreSQL: 216 reads, 13.98 s of the 1 M bench). Held at once: the city's 25 areas per
        // indicator, the 10 M bench's 8,334 (166,680 pairs of codes).
        var actualAreas = await ReadActualAreasAsync(connection, transaction, [.. selected.Select(i => i.Code)], cancellationToken);
        // One indicator at a time: memory holds one indicator's monthly actuals and figures, not the whole fact's.
        foreach (var indicator in selected)
        {
            // Only the months attainment looks at: the plan periods and the month before them (a baseline). The areas
            // come from every month, so an area whose values all lie outside still shows its months without data.
            var periods = indicator.Targets.Select(t => t.Period).Append(PlanPeriod.CalendarYear(catalog.Year)).ToList();
            var from = periods.Min(p => p.FirstMonth).AddMonths(-1);
            var to = periods.Max(p => p.LastMonth);
            // The actuals stream in area by area (one area's months in memory); the figures wait until the stream is
            // read (a connection runs one command at a time) and then go out in one bulk write that replaces the
            // indicator's figures (in batches of 5,000 they took 1,416 COPYs in the 10 M bench).
            var figures = new List<AttainmentFigure>();
            var computed = new HashSet<string>(StringComparer.Ordinal);
            // A set of areas has one target for its members together; the members' months are kept to add them up, and
            // each member is computed against the set's target as its drill-down (its own progress from its own baseline).
            var members = indicator.Targets.SelectMany(t => t.AreaMembers).ToHashSet(StringComparer.Ordinal);
            var memberActuals = new Dictionary<string, List<MonthlyActual>>(StringComparer.Ordinal);
            void Compute(string area, List<MonthlyActual> actuals)
            {
                var own = indicator.Targets.FirstOrDefault(t => t.AreaCode == area);
                var target = own ?? indicator.Targets.FirstOrDefault(t => t.AreaMembers.Contains(area, StringComparer.Ordinal))?.AsDrillDown();
                var result = calculator.Compute(indicator, target, catalog.Year, area, actuals);
                figures.AddRange(own is null && target is not null ? result.Select(f => f with { TargetAreaCode = target.AreaCode }) : result);
                computed.Add(area);
                if (members.Contains(area))
                {
                    memberActuals[area] = actuals;
                }
            }

            string? current = null;
            var months = new List<MonthlyActual>();
            await foreach (var (area, actual) in ReadMonthlyActualsAsync(connection, transaction, indicator.Code, from, to, cancellationToken))
            {
                if (current is not null && !string.Equals(current, area, StringComparison.Ordinal))
                {
                    Compute(current, months);
                    months = [];
                }

                current = area;
                months.Add(actual);
            }

            if (current is not null)
            {
                Compute(current, months);
            }

            foreach (var set in indicator.Targets.Where(t => t.AreaMembers.Count > 0))
            {
                var parts = set.AreaMembers.Select(m => (IReadOnlyCollection<MonthlyActual>)memberActuals.GetValueOrDefault(m, [])).ToList();
                Compute(set.AreaCode, AreaSetActuals.AddUp(indicator.Kind, parts));
            }

            var others = indicator.Targets.Select(t => t.AreaCode)
                .Concat(actualAreas[indicator.Code])
                .Append(Area.CityCode)
                .Distinct(StringComparer.Ordinal)
                .Where(area => !computed.Contains(area))
                .ToList();
            foreach (var area in others)
            {
                Compute(area, []);
            }

            if (await WriteChangedAttainmentAsync(connection, transaction, indicator.Code, figures, computedAt.UtcDateTime, cancellationToken) > 0)
            {
                changedIndicators.Add(indicator.Code);
            }

            written += figures.Count;
        }

        // Every figure of these indicators is as of this recomputation, whether it was written or found unchanged.
        await connection.ExecuteAsync(new CommandDefinition(
            Sql.RecordAttainmentComputed,
            new { indicators = CodeList([.. selected.Select(i => i.Code)]), computed = Values.Instant(computedAt) }, transaction, cancellationToken: cancellationToken));
        // The written figures come without hints; unchanged ones keep theirs, so only the changed indicators' are due.
        await MarkHintsDueAsync(connection, transaction, changedIndicators, cancellationToken);
        // After the figures: by now the provider's attainment lock is held (taken with the first read), so two
        // recomputations of the same indicators assess them one after the other, never both from the same snapshot.
        var hiddenBefore = await HiddenCellsAsync(connection, transaction, selected, cancellationToken);
        await AssessConfidentialityAsync(connection, transaction, selected.Select(i => i.Code), cancellationToken);
        var hiddenAfter = await HiddenCellsAsync(connection, transaction, selected, cancellationToken);
        // With their figures and verdicts: the latest attainment as the view now publishes it, for the indicators whose
        // figures, verdicts or pending state changed (the view's output of the others is what was kept).
        await StoreLatestAttainmentAsync(
            connection, transaction,
            [.. selected.Select(i => i.Code).Where(code => wasPending.Contains(code) || changedIndicators.Contains(code) || hiddenBefore[code].SequenceEqual(hiddenAfter[code]) is false)],
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return written;
    }
}
