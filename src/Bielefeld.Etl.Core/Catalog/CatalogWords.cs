namespace Bielefeld.Etl.Catalog;

/// <summary>
/// The German words for catalog enumerations, one table for everything that writes or reads them: the catalog files,
/// the warehouse's dimensions and the reporting views.
/// </summary>
public static class CatalogWords
{
    /// <summary>Every indicator kind, in the order the documentation lists them.</summary>
    public static IReadOnlyList<IndicatorKind> Kinds { get; } = Enum.GetValues<IndicatorKind>();

    /// <summary>Every comparator.</summary>
    public static IReadOnlyList<Comparator> Comparators { get; } =
        [
            Catalog.Comparator.AtLeast, Catalog.Comparator.MoreThan, Catalog.Comparator.AtMost, Catalog.Comparator.LessThan,
            Catalog.Comparator.ReductionFromBaseline, Catalog.Comparator.DoneBy, Catalog.Comparator.None,
        ];

    /// <summary>anzahl, betrag, bestand, quote, veroeffentlichte_quote, meilenstein, qualitativ.</summary>
    public static string Kind(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "anzahl",
        IndicatorKind.Amount => "betrag",
        IndicatorKind.Stock => "bestand",
        IndicatorKind.Rate => "quote",
        IndicatorKind.PublishedRate => "veroeffentlichte_quote",
        IndicatorKind.Milestone => "meilenstein",
        _ => "qualitativ",
    };

    /// <summary>mindestens, mehr_als, hoechstens, weniger_als, reduktion, erledigt_bis, keiner.</summary>
    public static string Comparator(Comparator comparator) => comparator switch
    {
        Catalog.Comparator.AtLeast => "mindestens",
        Catalog.Comparator.MoreThan => "mehr_als",
        Catalog.Comparator.LessThan => "weniger_als",
        Catalog.Comparator.AtMost => "hoechstens",
        Catalog.Comparator.ReductionFromBaseline => "reduktion",
        Catalog.Comparator.DoneBy => "erledigt_bis",
        _ => "keiner",
    };

    /// <summary>stadt, stadtbezirk, quartier, bereichsmenge.</summary>
    public static string Level(AreaLevel level) => level switch
    {
        AreaLevel.City => "stadt",
        AreaLevel.District => "stadtbezirk",
        AreaLevel.AreaSet => "bereichsmenge",
        _ => "quartier",
    };

    /// <summary>hoeher_ist_besser, niedriger_ist_besser, or null where no target says.</summary>
    public static string? Direction(bool? higherIsBetter) => higherIsBetter switch
    {
        true => "hoeher_ist_besser",
        false => "niedriger_ist_besser",
        null => null,
    };

    /// <summary>kalenderjahr, schuljahr, kitajahr, stichtag: the kind of period a target covers.</summary>
    public static string PeriodKind(PlanPeriodKind kind) => kind switch
    {
        PlanPeriodKind.CalendarYear => "kalenderjahr",
        PlanPeriodKind.SchoolYear => "schuljahr",
        PlanPeriodKind.KitaYear => "kitajahr",
        _ => "stichtag",
    };

    /// <summary>plan (the plan states it) or angenommen (assumed by the import or by the attainment rules).</summary>
    public static string Origin(StatedBy origin) => origin == StatedBy.Plan ? "plan" : "angenommen";
}
