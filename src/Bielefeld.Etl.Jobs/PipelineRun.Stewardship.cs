using System.Globalization;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Deliveries;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

public sealed partial class PipelineRun
{
    /// <summary>How many of an indicator's consistency findings' texts its status hint names.</summary>
    private const int HintTexts = 3;

    /// <summary>The hint appended to attainment figures that depend on suppressed values.</summary>
    public const string SuppressedHint = "vorläufig: enthält unterdrückte Werte";

    /// <summary>The run's clock: everything that asks for "now" around the run asks it.</summary>
    public TimeProvider Time => _time;

    /// <summary>Today in Bielefeld, by the run's clock.</summary>
    public DateOnly Today => BerlinTime.Day(_time.GetUtcNow());

    /// <summary>
    /// Recomputes the delivery calendar's state as of today (the table behind <c>rpt.lieferstatus</c>) and the status hints
    /// of the attainment figures: an indicator whose inputs are late, suppressed or from a file with open rejected rows above
    /// <see cref="EtlOptions.OpenRejectShareLimit"/> is marked provisional. Runs after every run, on <c>status</c> and after
    /// a steward's decision. It logs nothing: the late deliveries are for the callers to show where they matter (<c>run</c>,
    /// <c>status</c>, the nightly summary, the delivery calendar page), once and in one format.
    /// </summary>
    /// <returns>The state of every source's data periods of the plan year.</returns>
    public async Task<IReadOnlyList<DeliveryStatus>> RefreshStewardshipAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var deliveries = await _warehouse.MonthDeliveriesAsync(cancellationToken);
        var statuses = _pipelines
            .Where(p => p.Definition.DeliveryCalendar is not null)
            .SelectMany(p => DeliveryStatusCalculator.Compute(p.Definition.Name, p.Definition.DeliveryCalendar!, _catalog.Year, deliveries, today))
            .ToList();
        await _warehouse.ReplaceDeliveryStatusAsync(statuses, cancellationToken);

        var lateSources = statuses.Where(s => s.State == DeliveryState.Late).GroupBy(s => s.Source).ToList();
        var rejectShares = (await _warehouse.OpenRejectSharesAsync(cancellationToken)).Where(f => f.Share > _options.OpenRejectShareLimit).ToList();
        // The current values (one aggregate over the fact) only when a hint needs them: a night without late sources or
        // files with many open rejected rows does not read the fact at all.
        var current = lateSources.Count > 0 || rejectShares.Count > 0 ? await _warehouse.CurrentValuesAsync(cancellationToken) : [];
        var conditions = new List<StatusHint>();
        foreach (var late in lateSources)
        {
            var first = late.MinBy(s => s.PeriodStart)!;
            var text = string.Create(CultureInfo.InvariantCulture,
                $"vorläufig: Lieferung {late.Key} ab {first.PeriodStart:yyyy-MM} überfällig (fällig am {first.DueDate:dd.MM.yyyy})");
            conditions.AddRange(current.Where(v => v.Source == late.Key).Select(v => v.IndicatorCode).Distinct(StringComparer.Ordinal)
                .Select(code => new StatusHint(code, first.PeriodStart, text)));
        }

        foreach (var file in rejectShares)
        {
            var text = string.Create(CultureInfo.InvariantCulture,
                $"vorläufig: {file.Offen} offene abgewiesene Zeilen in {file.Datei} ({Math.Round(file.Share * 100, 1).ToString(GermanValues.Culture)} %)");
            conditions.AddRange(current.Where(v => v.FileId == file.DateiId).GroupBy(v => v.IndicatorCode)
                .Select(g => new StatusHint(g.Key, g.Min(v => v.FirstMonth), text)));
        }

        var findings = await FindInconsistenciesAsync(deliveries, current, cancellationToken);
        ConsistencyViolations = findings.First;
        ConsistencyViolationCount = findings.Count;
        // A violation flags its indicator from its month on, like a late delivery: the figures are doubtful until the source answers.
        conditions.AddRange(ConsistencyViolations.GroupBy(v => v.IndicatorCode, StringComparer.Ordinal)
            .Select(g => new StatusHint(g.Key, g.Min(v => v.Month), string.Join("; ", g.Select(v => v.Text).Distinct(StringComparer.Ordinal).Take(HintTexts)))));
        await _warehouse.WriteStatusHintsAsync(CumulativeHints(conditions), SuppressedHint, cancellationToken);
        return statuses;
    }

    // The current figures summed over series, only of the indicators a rule names, as the database sums them. Every rule
    // compares figures of one month, so the findings are kept month by month in the warehouse and only the months whose
    // figures a load changed since are read again (the cells each load records in its transaction): a night with nothing
    // new reads no figure at all, a load of one month has that month checked. Other rules (or Stadtbezirke) than those of
    // the stored findings have every delivered month checked again. The months read go window by window
    // (ConsistencyWindows): at most a year's of them at once, so memory holds one year's figures however long the history
    // grows, and each window reads only the named indicators with current values.
    private async Task<ConsistencyFindingsExcerpt> FindInconsistenciesAsync(
        IReadOnlyList<MonthDelivery> deliveries, IReadOnlyList<CurrentValues> current, CancellationToken cancellationToken)
    {
        var rules = Consistency.ConsistencyFingerprint.Of(ConsistencyRules, _areas);
        var state = await _warehouse.ConsistencyCheckStateAsync(cancellationToken);
        if (state.Rules == rules && state.Changed.Count == 0)
        {
            return await StoredFindingsAsync(cancellationToken);
        }

        var named = ConsistencyRules.SelectMany(r => r switch
        {
            Consistency.ConsistencyRule.PartNotAboveWhole p => new[] { p.Part, p.Whole },
            Consistency.ConsistencyRule.NumeratorNotAboveDenominator n => [n.Indicator],
            Consistency.ConsistencyRule.DistrictsAddUpToCity d => [d.Indicator],
            _ => [],
        }).ToHashSet(StringComparer.Ordinal);
        // Null: every month (the rules changed); otherwise the months in which a load changed a named indicator.
        var months = state.Rules == rules ? state.Changed.Where(c => named.Contains(c.IndicatorCode)).Select(c => c.Month).ToHashSet() : null;
        var violations = new List<Consistency.ConsistencyViolation>();
        if (named.Count > 0 && months is not { Count: 0 })
        {
            var values = current.Count > 0 ? current : await _warehouse.CurrentValuesAsync(cancellationToken);
            // Changed months are planned stretch by stretch of consecutive months: a window never spans the unchanged
            // years between two changed months.
            var windows = (months is null ? [null] : Stretches(months)).SelectMany(stretch => Consistency.ConsistencyWindows.Plan(
                named,
                deliveries.Where(d => stretch is null || stretch.Contains(d.Month)).Select(d => (d.Source, d.Month)),
                values.Select(v => (v.Source, v.IndicatorCode, v.FirstMonth))));
            foreach (var window in windows)
            {
                var figures = (await _warehouse.CurrentMonthlyActualsAsync(window.Indicators, window.From, window.To, cancellationToken))
                    .Select(f => new Consistency.MonthlyFigure(f.IndicatorCode, f.Actual.Month, f.AreaCode,
                        f.Actual.Suppressed ? null : f.Actual.Value,
                        f.Actual.Suppressed ? null : f.Actual.Numerator,
                        f.Actual.Suppressed ? null : f.Actual.Denominator))
                    .ToList();
                violations.AddRange(Consistency.ConsistencyCheck.Find(ConsistencyRules, figures, _areas));
            }
        }

        await _warehouse.ReplaceConsistencyFindingsAsync(
            rules, months,
            [.. violations.OrderBy(v => v.IndicatorCode, StringComparer.Ordinal).ThenBy(v => v.Month).ThenBy(v => v.AreaCode, StringComparer.Ordinal)],
            [.. state.Changed.Select(c => c.FileId).Distinct()], cancellationToken);
        return await StoredFindingsAsync(cancellationToken);
    }

    /// <summary>
    /// What the run needs of the stored findings: each indicator's first (the summary lists at most
    /// <see cref="Summary.NightlySummaryText.LinesPerList"/> in all, the hints an indicator's first month and first three
    /// texts) and how many there are; every finding only when an indicator's first ones repeat fewer than three texts.
    /// </summary>
    private async Task<ConsistencyFindingsExcerpt> StoredFindingsAsync(CancellationToken cancellationToken)
    {
        var excerpt = await _warehouse.ConsistencyFindingsExcerptAsync(Summary.NightlySummaryText.LinesPerList, cancellationToken);
        var texts = excerpt.First.GroupBy(f => f.IndicatorCode, StringComparer.Ordinal)
            .Select(g => (Indicator: g.Key, Shown: g.Count(), Texts: g.Select(f => f.Text).Distinct(StringComparer.Ordinal).Count()));
        if (texts.Any(t => t.Shown < excerpt.PerIndicator[t.Indicator] && t.Texts < HintTexts))
        {
            var all = await _warehouse.ConsistencyFindingsAsync(cancellationToken);
            return new ConsistencyFindingsExcerpt(all, excerpt.PerIndicator);
        }

        return excerpt;
    }

    /// <summary>Runs of consecutive months, in order.</summary>
    private static List<HashSet<DateOnly>?> Stretches(IEnumerable<DateOnly> months)
    {
        var stretches = new List<HashSet<DateOnly>?>();
        var last = DateOnly.MinValue;
        foreach (var month in months.Order())
        {
            if (stretches.Count == 0 || month != last.AddMonths(1))
            {
                stretches.Add([]);
            }

            stretches[^1]!.Add(month);
            last = month;
        }

        return stretches;
    }

    /// <summary>
    /// Opens <paramref name="path"/> with <paramref name="pipeline"/>'s reader and reads every row (and the totals of
    /// record-level files) without loading anything: how an upload is checked before it enters the inbox.
    /// </summary>
    /// <returns>The file's row conservation as a load would count it.</returns>
    /// <exception cref="ExtractFileException">The reader refuses the file (the message says why).</exception>
    /// <exception cref="PipelineDefinitionException">There is no pipeline of that name.</exception>
    public RowCounts CheckFile(string pipeline, string path)
    {
        var reader = _pipelines.FirstOrDefault(p => p.Definition.Name == pipeline).Reader
            ?? throw new PipelineDefinitionException($"Unbekannte Pipeline: {pipeline}.");
        using var reading = reader.Open(path);
        int loaded = 0, rejected = 0, skipped = 0;
        foreach (var row in reading.Rows)
        {
            _ = row switch
            {
                SourceRow.Accepted => loaded++,
                SourceRow.Rejected => rejected++,
                _ => skipped++,
            };
        }

        foreach (var _ in reading.Totals)
        {
        }

        return new RowCounts(loaded + rejected + skipped, loaded, rejected, skipped);
    }

    /// <summary>Per indicator, one hint per distinct start month carrying every condition that applies from that month on.</summary>
    private static List<StatusHint> CumulativeHints(List<StatusHint> conditions) =>
        conditions.GroupBy(c => c.IndicatorCode, StringComparer.Ordinal)
            .SelectMany(g => g.Select(c => c.FromMonth).Distinct().Order()
                .Select(from => new StatusHint(g.Key, from, string.Join("; ", g.Where(c => c.FromMonth <= from).Select(c => c.Text).Distinct(StringComparer.Ordinal)))))
            .ToList();
}
