using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>What a part of a table's cells carries: the month, the series or the area of a value.</summary>
internal enum TableKey
{
    None,
    Year,
    Month,
    Area,
    Series,
}

/// <summary>
/// The <c>statistiktabelle:</c> section checked once at start-up: every value's month, series and area has exactly one
/// place it comes from (a fixed value, column A, a header row or a key column), patterns compile, series name known
/// indicators or declare context series, areas are known or declared. A section that would leave a value's meaning
/// open is refused with every problem in one message.
/// </summary>
internal sealed partial class StatistiktabelleMapping(StatistiktabelleOptions options, AreaCatalog catalog, Dictionary<string, Indicator> series, Dictionary<string, Area> areas, Dictionary<string, bool> totals)
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, Indicator> _series = series;
    private readonly Dictionary<string, DateOnly> _seriesMonths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Area> _areas = areas;
    private readonly Dictionary<string, bool> _totals = totals;
    private readonly AreaCatalog _catalog = catalog;

    public StatistiktabelleOptions Options { get; } = options;

    public bool IsLong => Options.Layout == "long";

    public TableKey RowKey { get; private init; }

    public Regex? MonthPattern { get; private init; }

    public Regex? Footnotes { get; private init; }

    public Regex? StandPattern { get; private init; }

    public DateOnly? FixedMonth { get; private init; }

    public Area? TableArea { get; private init; }

    public TableSymbols Symbols { get; private init; } = null!;

    public IReadOnlyList<Indicator> ContextIndicators { get; private init; } = [];

    public IReadOnlyList<Area> ContextAreas { get; private init; } = [];

    /// <summary>Whether the table has one series only (its label empty): every value belongs to it.</summary>
    public Indicator? SingleSeries { get; private init; }

    public static StatistiktabelleMapping Build(StatistiktabelleOptions options, SourceContext context, string file)
    {
        var problems = new List<string>();
        if (!TableCode().IsMatch(options.Code))
        {
            problems.Add($"code '{options.Code}' ist kein Tabellenkürzel aus Buchstaben, Ziffern, '.', '-' und '_'");
        }

        if (options.Layout is not ("wide" or "long"))
        {
            problems.Add($"layout '{options.Layout}' ist weder 'wide' noch 'long'");
        }

        var rowKey = RowKeyOf(options, problems);
        CheckHeader(options, problems);
        CheckSources(options, rowKey, problems);
        var monthPattern = Pattern(options.Header.MonthPattern, "header.month_pattern", "monat", problems);
        var footnotes = Pattern(options.Footnotes, "footnotes", null, problems);
        var stand = options.Stand is null ? null : Pattern(options.Stand.Pattern, "stand.pattern", "stand", problems);
        if (options.Stand is { } s && (string.IsNullOrWhiteSpace(s.Pattern) || string.IsNullOrWhiteSpace(s.Format)))
        {
            problems.Add("stand braucht pattern (mit Gruppe 'stand') und format (z. B. dd.MM.yyyy)");
        }

        DateOnly? fixedMonth = null;
        if (options.Month is { } month)
        {
            if (DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            {
                fixedMonth = m;
            }
            else
            {
                problems.Add($"month '{month}' ist kein Monat der Form JJJJ-MM");
            }
        }

        var contextAreas = new List<Area>();
        var tableArea = TableAreaOf(options, context.Areas, contextAreas, problems);
        var areas = ListedAreas(options, context.Areas, tableArea, contextAreas, problems);
        var (series, contextIndicators, single) = SeriesOf(options, context.Plan, problems);
        var seriesMonths = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        foreach (var entry in options.Series.Where(e => e.Month is not null))
        {
            if (fixedMonth is null || !DateOnly.TryParseExact(entry.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            {
                problems.Add($"series '{entry.Label}': month '{entry.Month}' ist kein Monat der Form JJJJ-MM, oder die Tabelle hat kein month, das er ersetzt");
            }
            else
            {
                seriesMonths[entry.Indicator] = m;
            }
        }
        var symbols = TableSymbols.Build(options.Symbols, problems);
        if (options.UnknownAreas is not ("reject" or "skip"))
        {
            problems.Add($"unknown_areas '{options.UnknownAreas}' ist weder 'reject' noch 'skip'");
        }

        var totals = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var total in options.Totals)
        {
            if (!totals.TryAdd(GermanLabel.Normalise(total.Label), total.Load) || total.Label.Length == 0)
            {
                problems.Add($"totals: die Summenzeile '{total.Label}' ist leer oder mehrfach eingetragen");
            }

            if (total.Load && tableArea is null)
            {
                problems.Add($"totals: '{total.Label}' soll als Gebiet der Tabelle geladen werden, aber area nennt keines");
            }
        }

        if (options.TotalsBegin is { } begin && !totals.ContainsKey(GermanLabel.Normalise(begin)))
        {
            problems.Add($"totals_begin '{begin}' ist keine der Summenzeilen unter totals");
        }

        if (problems.Count > 0)
        {
            throw new PipelineDefinitionException($"{file}: statistiktabelle: " + string.Join("; ", problems) + ".");
        }

        var mapping = new StatistiktabelleMapping(options, context.Areas, series, areas, totals)
        {
            RowKey = rowKey,
            MonthPattern = monthPattern,
            Footnotes = footnotes,
            StandPattern = stand,
            FixedMonth = fixedMonth,
            TableArea = tableArea,
            Symbols = symbols,
            ContextIndicators = contextIndicators,
            ContextAreas = contextAreas,
            SingleSeries = single,
        };
        foreach (var (code, m) in seriesMonths)
        {
            mapping._seriesMonths[code] = m;
        }

        return mapping;
    }

    /// <summary>The fixed month of <paramref name="indicator"/>'s values: its series' own month, else the table's; null when rows or header say it.</summary>
    public DateOnly? FixedMonthOf(Indicator indicator) => _seriesMonths.TryGetValue(indicator.Code, out var month) ? month : FixedMonth;

    /// <summary>The indicator a series label feeds; null when the pipeline does not map it.</summary>
    public Indicator? Series(string label) =>
        SingleSeries ?? _series.GetValueOrDefault(GermanLabel.Normalise(label));

    /// <summary>Whether a row label is a totals row, and whether it is loaded (as the table's area).</summary>
    public bool? Total(string label) => _totals.TryGetValue(GermanLabel.Normalise(label), out var load) ? load : null;

    /// <summary>Whether <paramref name="label"/> opens the block of totals rows (<see cref="StatistiktabelleOptions.TotalsBegin"/>).</summary>
    public bool BeginsTotals(string label) =>
        Options.TotalsBegin is { } begin && string.Equals(GermanLabel.Normalise(begin), GermanLabel.Normalise(label), StringComparison.Ordinal);

    /// <summary>
    /// The area a label names: listed in the pipeline, else config/bereiche.yml by name; null when neither knows it, or
    /// when the name stands at two levels there (Schildesche is a Stadtbezirk and a Quartier): which is meant would be
    /// guessed, so such a label is listed in the pipeline's areas with its code.
    /// </summary>
    public Area? Area(string label)
    {
        var key = GermanLabel.Normalise(label);
        if (_areas.TryGetValue(key, out var listed))
        {
            return listed;
        }

        var found = CatalogMatches(key);
        return found.Count == 1 ? found[0] : null;
    }

    /// <summary>Why <paramref name="label"/> names no area, for the steward.</summary>
    public string WhyNoArea(string label) => CatalogMatches(GermanLabel.Normalise(label)) is { Count: > 1 } found
        ? $"Das Gebiet '{label}' ist in config/bereiche.yml mehrdeutig ({string.Join(", ", found.Select(a => a.Code))}); die Pipeline trägt es unter areas mit seinem Schlüssel ein."
        : $"Das Gebiet '{label}' ist weder in der Pipeline noch in config/bereiche.yml eingetragen.";

    private List<Area> CatalogMatches(string key) =>
        new[] { AreaLevel.City, AreaLevel.District, AreaLevel.Quarter }.Select(level => _catalog.FindByName(level, key)).OfType<Area>().ToList();

    /// <summary>The month a header cell names, with the pipeline's pattern applied to text; null when none can be read.</summary>
    public MonthHeading? Month(object? cell)
    {
        if (cell is string text && MonthPattern is { } pattern)
        {
            var match = pattern.Match(text);
            return match.Success ? GermanMonthName.Read(match.Groups["monat"].Value) : null;
        }

        return GermanMonthName.Read(cell);
    }

    private static TableKey RowKeyOf(StatistiktabelleOptions options, List<string> problems)
    {
        if (options.Layout != "wide")
        {
            return TableKey.None;
        }

        switch (options.RowKey)
        {
            case "year": return TableKey.Year;
            case "month": return TableKey.Month;
            case "area": return TableKey.Area;
            case "series": return TableKey.Series;
            default:
                problems.Add($"row_key '{options.RowKey}' ist keiner von year, month, area, series (was steht in Spalte A?)");
                return TableKey.None;
        }
    }

    private static void CheckHeader(StatistiktabelleOptions options, List<string> problems)
    {
        var header = options.Header;
        if (string.IsNullOrWhiteSpace(header.FirstCell))
        {
            problems.Add("header.first_cell fehlt (der Text in Spalte A der ersten Kopfzeile, an dem der Kopf erkannt wird)");
        }

        if (header.Rows is < 1 or > 10)
        {
            problems.Add("header.rows muss zwischen 1 und 10 liegen");
        }

        foreach (var (name, row) in new[] { ("month_row", header.MonthRow), ("series_row", header.SeriesRow), ("area_row", header.AreaRow) })
        {
            if (row is { } r && (r < 1 || r > header.Rows))
            {
                problems.Add($"header.{name} {r} liegt nicht im Kopf (1 bis {header.Rows})");
            }
        }

        if (options.Layout == "long" && (header.MonthRow ?? header.SeriesRow ?? header.AreaRow) is not null)
        {
            problems.Add("eine lange Tabelle hat Schlüsselspalten (columns:), keine Kopfzeilen mit Monat, Reihe oder Gebiet");
        }
    }

    /// <summary>Month, series and area each come from exactly one place; two places or none would leave a value's meaning open.</summary>
    private static void CheckSources(StatistiktabelleOptions options, TableKey rowKey, List<string> problems)
    {
        var header = options.Header;
        var single = options.Series.Count == 1 && options.Series[0].Label.Length == 0;
        var longLayout = options.Layout == "long";
        var monthSources = Count(rowKey == TableKey.Month, header.MonthRow is not null, options.Month is not null, longLayout && options.Columns.Month is not null);
        if (monthSources != 1 || (rowKey == TableKey.Year && header.MonthRow is null))
        {
            problems.Add("der Monat eines Werts muss aus genau einer Stelle kommen: row_key month, header.month_row (bei row_key year der Monat des Jahres), month oder columns.month");
        }

        if (Count(rowKey == TableKey.Series, header.SeriesRow is not null, single, longLayout && options.Columns.Series is not null) != 1)
        {
            problems.Add("die Reihe eines Werts muss aus genau einer Stelle kommen: row_key series, header.series_row, columns.series oder eine einzige Reihe ohne label");
        }

        if (Count(rowKey == TableKey.Area, header.AreaRow is not null, longLayout && options.Columns.Area is not null) > 1
            || (options.Area.Code.Length == 0 && rowKey != TableKey.Area && header.AreaRow is null && !(longLayout && options.Columns.Area is not null)))
        {
            problems.Add("das Gebiet eines Werts muss aus genau einer Stelle kommen: area (die Tabelle gilt für ein Gebiet), row_key area, header.area_row oder columns.area");
        }

        if (longLayout && string.IsNullOrWhiteSpace(options.Columns.Value))
        {
            problems.Add("columns.value fehlt (die Spalte mit dem Wert)");
        }

        if (options.Series.Count == 0)
        {
            problems.Add("series: keine Reihe eingetragen");
        }
    }

    private static int Count(params bool[] sources) => sources.Count(s => s);

    private static Regex? Pattern(string? text, string key, string? group, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            var regex = new Regex(text, RegexOptions.CultureInvariant, PatternTimeout);
            if (group is not null && !regex.GetGroupNames().Contains(group, StringComparer.Ordinal))
            {
                problems.Add($"{key} '{text}' hat keine Gruppe (?<{group}>…)");
            }

            return regex;
        }
        catch (ArgumentException ex)
        {
            problems.Add($"{key} '{text}' ist kein regulärer Ausdruck ({ex.Message})");
            return null;
        }
    }

    private static Area? TableAreaOf(StatistiktabelleOptions options, AreaCatalog catalog, List<Area> contextAreas, List<string> problems)
    {
        var area = options.Area;
        if (area.Code.Length == 0)
        {
            return null;
        }

        if (catalog.Find(area.Code) is { } known)
        {
            return known;
        }

        if (!AreaCode().IsMatch(area.Code) || area.Name.Length == 0)
        {
            problems.Add($"area: '{area.Code}' steht nicht in config/bereiche.yml; ein Gebiet außerhalb Bielefelds braucht einen Schlüssel aus Ziffern, Buchstaben, '-' und ':' und einen Namen");
            return null;
        }

        var outside = new Area(area.Code, area.Name, AreaLevel.City, null);
        contextAreas.Add(outside);
        return outside;
    }

    private static Dictionary<string, Area> ListedAreas(StatistiktabelleOptions options, AreaCatalog catalog, Area? tableArea, List<Area> contextAreas, List<string> problems)
    {
        var areas = new Dictionary<string, Area>(StringComparer.Ordinal);
        foreach (var listed in options.Areas)
        {
            var label = GermanLabel.Normalise(listed.Label ?? listed.Name);
            Area? area = catalog.Find(listed.Code);
            if (area is null)
            {
                // Inside Bielefeld an area is defined once, in config/bereiche.yml; only areas of a table about another
                // place (the Stadtteile of a comparison city) are declared by the pipeline that reads them.
                if (tableArea is null || catalog.Find(tableArea.Code) is not null || !AreaCode().IsMatch(listed.Code) || listed.Name.Length == 0)
                {
                    problems.Add($"areas: '{listed.Code}' steht nicht in config/bereiche.yml (nur Gebiete einer Tabelle über einen anderen Ort als Bielefeld werden hier erklärt, mit Schlüssel und Namen)");
                    continue;
                }

                area = new Area(listed.Code, listed.Name, AreaLevel.District, tableArea.Code);
                contextAreas.Add(area);
            }

            if (label.Length == 0 || !areas.TryAdd(label, area))
            {
                problems.Add($"areas: die Bezeichnung '{label}' ist leer oder mehrfach eingetragen");
            }
        }

        return areas;
    }

    private static (Dictionary<string, Indicator>, List<Indicator>, Indicator?) SeriesOf(StatistiktabelleOptions options, PlanCatalog plan, List<string> problems)
    {
        var series = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var context = new List<Indicator>();
        foreach (var entry in options.Series)
        {
            Indicator? indicator;
            if (ContextCatalog.IsContextCode(entry.Indicator))
            {
                var kind = CatalogWords.Kinds.FirstOrDefault(k => CatalogWords.Kind(k) == (entry.Kind ?? "bestand"));
                if (string.IsNullOrWhiteSpace(entry.Name) || entry.Kind is not (null or "bestand" or "anzahl" or "betrag" or "veroeffentlichte_quote"))
                {
                    problems.Add($"series '{entry.Label}': die Kontextreihe {entry.Indicator} braucht einen name, kind ist bestand, anzahl, betrag oder veroeffentlichte_quote");
                    continue;
                }

                indicator = context.FirstOrDefault(c => c.Code == entry.Indicator);
                if (indicator is null)
                {
                    indicator = new Indicator(entry.Indicator, ContextCatalog.MeasureCode, entry.Name, kind, entry.Unit ?? "Personen")
                    {
                        Informational = true,
                        DataSource = options.Name.Length > 0 ? $"{options.Name} ({options.Code})" : options.Code,
                    };
                    context.Add(indicator);
                }
            }
            else
            {
                indicator = plan.FindIndicator(entry.Indicator);
                if (indicator is null)
                {
                    problems.Add($"series '{entry.Label}' verweist auf den Indikator '{entry.Indicator}', den der Plan {plan.Year} nicht kennt (Kontextreihen heißen Kontext.<name>)");
                    continue;
                }
            }

            foreach (var label in entry.Aliases.Prepend(entry.Label).Select(GermanLabel.Normalise))
            {
                if (!series.TryAdd(label, indicator))
                {
                    problems.Add($"series: die Bezeichnung '{label}' ist mehrfach eingetragen");
                }
            }
        }

        var single = options.Series.Count == 1 && options.Series[0].Label.Length == 0 ? series.Values.FirstOrDefault() : null;
        return (series, context, single);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,40}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableCode();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9:._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex AreaCode();
}
