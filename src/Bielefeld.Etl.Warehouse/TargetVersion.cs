using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// One version of a Zielwert as the warehouse kept it: what the catalog said from <see cref="ValidFrom"/> until a revised
/// catalog replaced it at <see cref="ValidTo"/>.
/// </summary>
public sealed record TargetVersion(
    string IndicatorCode, string AreaCode, string Comparator, decimal? Value, decimal? Baseline, DateOnly? Deadline,
    DateOnly FirstMonth, DateOnly LastMonth, string Wording, DateTimeOffset ValidFrom, DateTimeOffset? ValidTo)
{
    /// <summary>Whether this version was the current one at <paramref name="moment"/>.</summary>
    public bool IsValidAt(DateTimeOffset moment) => ValidFrom <= moment && (ValidTo is null || ValidTo > moment);

    /// <summary>
    /// The target this version states. The warehouse keeps the months, not the kind of period; the kind is taken from
    /// <paramref name="today"/> where the months agree (a school year and a Kita year cover the same months).
    /// </summary>
    public Target ToTarget(Target? today)
    {
        var comparator = CatalogWords.Comparators.FirstOrDefault(c => CatalogWords.Comparator(c) == Comparator);
        if (CatalogWords.Comparator(comparator) != Comparator)
        {
            throw new InvalidOperationException($"Der gespeicherte Vergleich '{Comparator}' von {IndicatorCode} ist unbekannt.");
        }

        return new Target(comparator, Value, new PlanPeriod(PeriodKind(today), FirstMonth, LastMonth), Wording)
        {
            Baseline = Baseline,
            Deadline = Deadline,
            AreaCode = AreaCode,
            // The warehouse keeps a set's members in dim_bereich_menge, not in the version; today's are the set's.
            AreaMembers = today is { } t && t.AreaCode == AreaCode ? t.AreaMembers : [],
        };
    }

    private PlanPeriodKind PeriodKind(Target? today)
    {
        if (today is { } t && t.Period.FirstMonth == FirstMonth && t.Period.LastMonth == LastMonth)
        {
            return t.Period.Kind;
        }

        var twelveMonths = LastMonth == FirstMonth.AddMonths(11);
        return (FirstMonth.Month, twelveMonths) switch
        {
            (1, true) => PlanPeriodKind.CalendarYear,
            (8, true) => PlanPeriodKind.SchoolYear,
            _ => PlanPeriodKind.Deadline,
        };
    }
}
