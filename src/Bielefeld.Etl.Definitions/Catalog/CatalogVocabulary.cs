using System.Globalization;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary>The words the catalog files use for kinds, comparators and periods, both ways.</summary>
public static class CatalogVocabulary
{
    /// <summary>The file word for a kind.</summary>
    public static string Word(IndicatorKind kind) => CatalogWords.Kind(kind);

    /// <summary>The file word for a comparator.</summary>
    public static string Word(Comparator comparator) => CatalogWords.Comparator(comparator);

    /// <summary>The kind a file word names.</summary>
    public static IndicatorKind ParseKind(string word, string where) =>
        CatalogWords.Kinds.Where(k => CatalogWords.Kind(k) == word).Select(k => (IndicatorKind?)k).FirstOrDefault()
        ?? throw new FormatException($"{where}: unbekannte Art '{word}' (erlaubt: {string.Join(", ", CatalogWords.Kinds.Select(CatalogWords.Kind))}).");

    /// <summary>The comparator a file word names.</summary>
    public static Comparator ParseComparator(string word, string where) =>
        CatalogWords.Comparators.Where(c => CatalogWords.Comparator(c) == word).Select(c => (Comparator?)c).FirstOrDefault()
        ?? throw new FormatException($"{where}: unbekannter Vergleich '{word}' (erlaubt: {string.Join(", ", CatalogWords.Comparators.Select(CatalogWords.Comparator))}).");

    /// <summary>Reads a stated-or-assumed word (<c>plan</c>, <c>angenommen</c>); absent means the plan states it.</summary>
    public static StatedBy ParseOrigin(string? word, string where) => word switch
    {
        null or "plan" => StatedBy.Plan,
        "angenommen" => StatedBy.Assumed,
        _ => throw new FormatException($"{where}: unbekannte Herkunft '{word}' (erlaubt: plan, angenommen)."),
    };

    /// <summary>The file word for where a deadline or baseline comes from.</summary>
    public static string Word(StatedBy origin) => CatalogWords.Origin(origin);

    /// <summary>Reads a period word (<c>kalenderjahr</c>, <c>schuljahr 2017/18</c>, <c>kitajahr 2017/18</c>, <c>bis 2018-06-30</c>).</summary>
    public static PlanPeriod ParsePeriod(string text, int planYear, string where)
    {
        var parts = text.Split(' ', 2, StringSplitOptions.TrimEntries);
        return parts[0] switch
        {
            "kalenderjahr" when parts.Length == 1 => PlanPeriod.CalendarYear(planYear),
            "schuljahr" when parts.Length == 2 => PlanPeriod.SchoolYear(StartYear(parts[1], where)),
            "kitajahr" when parts.Length == 2 => PlanPeriod.KitaYear(StartYear(parts[1], where)),
            "bis" when parts.Length == 2 && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var deadline)
                => PlanPeriod.UpTo(planYear, deadline),
            _ => throw new FormatException($"{where}: unbekannter Zeitraum '{text}' (erlaubt: kalenderjahr, schuljahr JJJJ/JJ, kitajahr JJJJ/JJ, bis JJJJ-MM-TT)."),
        };
    }

    /// <summary>The period word for a period.</summary>
    public static string Word(PlanPeriod period) => period.Kind switch
    {
        PlanPeriodKind.CalendarYear => "kalenderjahr",
        PlanPeriodKind.SchoolYear => string.Create(CultureInfo.InvariantCulture, $"schuljahr {period.FirstMonth.Year}/{(period.FirstMonth.Year + 1) % 100:00}"),
        PlanPeriodKind.KitaYear => string.Create(CultureInfo.InvariantCulture, $"kitajahr {period.FirstMonth.Year}/{(period.FirstMonth.Year + 1) % 100:00}"),
        _ => "bis " + period.LastMonth.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    private static int StartYear(string span, string where) =>
        span.Length == 7 && span[4] == '/' && int.TryParse(span.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            ? year
            : throw new FormatException($"{where}: Jahr '{span}' hat nicht die Form JJJJ/JJ.");
}
