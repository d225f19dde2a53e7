using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>
/// Types an indicator and its target from the plan's wording: kind, unit, comparator, value, plan period, area.
/// The wording is kept verbatim beside the typed values; where the plan gives nothing measurable the target says
/// so (<c>vergleich: keiner</c>) instead of inventing a value. The rules are listed in docs/catalog.md.
/// </summary>
public static partial class TargetInterpreter
{
    private static readonly HashSet<string> NounStops = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "im", "an", "am", "aus", "je", "die", "der", "des", "den", "dem", "von", "zum", "zur", "bei", "mit", "für",
        "auf", "soll", "sollen", "sind", "ist", "werden", "wird", "haben", "hat", "nehmen", "mal", "x",
    };

    /// <summary>Whether a wording describes something done rather than counted ("liegt vor", "ist eröffnet", "erledigt").</summary>
    public static bool IsMilestoneWording(string text) => Milestone().IsMatch(text);

    /// <summary>The indicator document for a draft; <see cref="IndicatorDocument.Eltern"/> is left to the caller.</summary>
    public static IndicatorDocument Interpret(string indicatorCode, IndicatorDraft draft, int planYear, string? dataSource, MeasureText measure, ICollection<ImportFinding> findings)
    {
        var text = draft.TargetText;
        var name = draft.Name;
        var quantity = text is null || draft.Ambiguous ? null : Quantities.First(text);
        var reduction = text is null ? null : Reduction().Match(text);
        var kind = Kind(draft, text, quantity, reduction, dataSource);
        var document = new IndicatorDocument
        {
            Code = indicatorCode,
            Bezeichnung = name,
            Art = CatalogVocabulary.Word(kind),
            Einheit = Unit(kind, text, quantity),
            Nachrichtlich = draft.Informational,
            Datenquelle = dataSource,
        };
        if (draft.Informational)
        {
            return document;
        }

        var target = Target(indicatorCode, draft, kind, quantity, reduction, planYear, measure.Cell(PlanRow.Massnahmen), findings);
        if (target.Vergleich == CatalogVocabulary.Word(Comparator.None))
        {
            findings.Add(new ImportFinding(indicatorCode, text is null or "" ? "Der Plan nennt keinen Zielwert (vergleich: keiner)." : $"Kein messbarer Zielwert in „{Short(text)}“ (vergleich: keiner)."));
        }

        document.Ziele = Scoped(indicatorCode, target, text ?? "", name, measure, findings);
        return document;
    }

    private static IndicatorKind Kind(IndicatorDraft draft, string? text, Quantity? quantity, Match? reduction, string? dataSource)
    {
        var name = draft.Name;
        if (IsMilestoneWording(name) || (!draft.Ambiguous && text is not null && IsMilestoneWording(text)) || DeadlineInName().IsMatch(name))
        {
            return IndicatorKind.Milestone;
        }

        if (reduction is { Success: true })
        {
            return IsStock(name, text) ? IndicatorKind.Stock : IndicatorKind.Count;
        }

        if (quantity is { IsPercent: true })
        {
            return IsPublished(name, dataSource) ? IndicatorKind.PublishedRate : IndicatorKind.Rate;
        }

        if (quantity is { IsEuro: true } || MoneyName().IsMatch(name))
        {
            return IndicatorKind.Amount;
        }

        if (IsStock(name, text))
        {
            return IndicatorKind.Stock;
        }

        if (quantity is null && RateName().IsMatch(name))
        {
            return IsPublished(name, dataSource) ? IndicatorKind.PublishedRate : IndicatorKind.Rate;
        }

        return quantity is null && QualitativeName().IsMatch(name) ? IndicatorKind.Qualitative : IndicatorKind.Count;
    }

    private static bool IsStock(string name, string? text) =>
        (text is not null && StockWording().IsMatch(text)) || StockName().IsMatch(name);

    private static bool IsPublished(string name, string? dataSource) =>
        name.Contains("Arbeitslosenquote", StringComparison.Ordinal)
        || (dataSource is not null && dataSource.Contains("Bundesagentur", StringComparison.Ordinal) && RateName().IsMatch(name));

    private static string Unit(IndicatorKind kind, string? text, Quantity? quantity) => kind switch
    {
        IndicatorKind.Rate or IndicatorKind.PublishedRate => "%",
        IndicatorKind.Amount => "EUR",
        IndicatorKind.Milestone => "erledigt",
        IndicatorKind.Qualitative => "Bewertung",
        _ => text is not null && quantity is not null && !quantity.IsPercent && NounAfter(text[quantity.End..]) is { Length: > 0 } noun ? noun : "Anzahl",
    };

    private static TargetDocument Target(string code, IndicatorDraft draft, IndicatorKind kind, Quantity? quantity, Match? reduction, int planYear, string measuresCell, ICollection<ImportFinding> findings)
    {
        var text = draft.TargetText;
        var wording = text ?? "";
        var none = new TargetDocument { Vergleich = CatalogVocabulary.Word(Comparator.None), Zeitraum = "kalenderjahr", Wortlaut = wording };
        if (text is null || draft.Ambiguous)
        {
            return none;
        }

        var period = Period(text + " " + draft.Name, planYear);
        if (kind == IndicatorKind.Milestone)
        {
            var deadline = Deadline(text) ?? Deadline(draft.Name);
            if (deadline is null && MeasureItemDeadline(draft.Name, measuresCell) is { } item)
            {
                deadline = item.Date;
                findings.Add(new ImportFinding(code, string.Create(CultureInfo.InvariantCulture, $"Meilenstein ohne Termin im Zielwert; Termin {item.Date:yyyy-MM-dd} aus den Maßnahmen zur Zielerreichung übernommen („{Short(item.Text)}“).")));
            }

            var stated = deadline is not null;
            if (deadline is null)
            {
                deadline = new DateOnly(planYear, 12, 31);
                findings.Add(new ImportFinding(code, string.Create(CultureInfo.InvariantCulture, $"Meilenstein ohne Termin im Plan; Ende des Planjahres ({deadline:yyyy-MM-dd}) angenommen (stichtag_herkunft: angenommen).")));
            }

            return new TargetDocument
            {
                Vergleich = CatalogVocabulary.Word(Comparator.DoneBy),
                Stichtag = deadline.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                StichtagHerkunft = CatalogVocabulary.Word(stated ? StatedBy.Plan : StatedBy.Assumed),
                Zeitraum = CatalogVocabulary.Word(PlanPeriod.UpTo(planYear, deadline.Value)),
                Wortlaut = wording,
            };
        }

        if (reduction is { Success: true })
        {
            var (percent, _) = Quantities.Parse(reduction.Groups["p"].Value);
            // No baseline in the wording: the value of the month before the period is assumed, and marked as such.
            return new TargetDocument
            {
                Vergleich = CatalogVocabulary.Word(Comparator.ReductionFromBaseline), Wert = percent,
                BasisHerkunft = CatalogVocabulary.Word(StatedBy.Assumed), Zeitraum = period, Wortlaut = wording,
            };
        }

        if (quantity is null)
        {
            return none;
        }

        if (quantity.DecimalPoint)
        {
            findings.Add(new ImportFinding(code, string.Create(CultureInfo.InvariantCulture, $"Zahl mit Dezimalpunkt im Zielwert gelesen als {quantity.Value} (de-DE schreibt ein Komma).")));
        }

        if (Each().IsMatch(text))
        {
            findings.Add(new ImportFinding(code, "Der Zielwert gilt „jeweils“ (je Teilgruppe); der Wert ist so übernommen, wie der Plan ihn nennt."));
        }

        // "mehr als 50 %" is strict: exactly 50 % does not meet it ("nicht mehr als" is at most, not strict).
        var comparator = AtMost().IsMatch(text) ? Comparator.AtMost
            : LessThan().IsMatch(text) ? Comparator.LessThan
            : MoreThan().IsMatch(text) ? Comparator.MoreThan
            : LowerIsBetter().IsMatch(draft.Name) ? Comparator.AtMost
            : Comparator.AtLeast;
        return new TargetDocument
        {
            Vergleich = CatalogVocabulary.Word(comparator),
            Wert = quantity.Value,
            Zeitraum = period,
            Wortlaut = wording,
        };
    }

    // The deadline the Maßnahmen cell gives the thing a milestone names: the item sharing the most words with the
    // indicator ("Erstellen eines Rahmenkonzepts … bis 31.12.2018" for "Vorliegen eines Rahmenkonzeptes"), if it alone
    // does and it says "bis <date>" or "bis Ende <year>". An item that merely mentions a year is no deadline.
    private static (DateOnly Date, string Text)? MeasureItemDeadline(string name, string measuresCell)
    {
        var items = CellText.Blocks(measuresCell).Select(b => (b.Text, Shared: IndicatorSplitter.Shared(name, b.Text))).Where(i => i.Shared > 0).ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var best = items.Max(i => i.Shared);
        return items.Where(i => i.Shared == best).ToList() is [var item]
               && DeadlineInName().Match(item.Text) is { Success: true } due && Deadline(due.Value) is { } date
            ? (date, item.Text)
            : null;
    }

    // One target per Quartier where the wording names Quartiere or says "in jedem ausgewählten Quartier" (whose names
    // then come from the whole Zielwert cell); else, where the target, the indicator or the measure title speaks of
    // "the Quartier" without naming it, the one Quartier the problem analysis names (540-11: "Im Quartier Kammerich");
    // else one target for the whole city.
    private static List<TargetDocument> Scoped(string code, TargetDocument target, string text, string name, MeasureText measure, ICollection<ImportFinding> findings)
    {
        var areas = PlanAreas.NamedIn(text);
        if (areas.Count == 0 && PlanAreas.EachSelected(text))
        {
            areas = PlanAreas.NamedIn(CellText.Plain(measure.Cell(PlanRow.Zielwert)));
        }

        if (areas.Count == 0 && text.Length > 0 && PlanAreas.NamedIn(name) is { Count: > 1 } together)
        {
            // The indicator itself is about several areas ("Arbeitslose Alleinerziehende in Sennestadt, Baumheide und
            // Sieker") and the target names none: one target for the areas together, not one per area.
            findings.Add(new ImportFinding(code, $"Ein Ziel für {string.Join(", ", together)} zusammen (bereiche); die Quartiere sind Drill-down."));
            target.Bereiche = [.. together.Select(PlanAreas.Code)];
            return [target];
        }

        if (areas.Count == 0 && text.Length > 0)
        {
            areas = PlanAreas.NamedIn(name);
        }

        if (areas.Count == 0 && text.Length > 0 && UnnamedQuarter().IsMatch(text + " " + name + " " + measure.Title)
            && PlanAreas.NamedIn(measure.ProblemAnalysis) is [var only])
        {
            areas = [only];
            findings.Add(new ImportFinding(code, $"Das Ziel spricht vom Quartier, ohne es zu nennen; bezogen auf {PlanAreas.Code(only)}, das einzige Quartier, das die Ausgangslage nennt."));
        }

        return areas.Count == 0
            ? [target]
            : areas.Select(a => new TargetDocument
            {
                Vergleich = target.Vergleich,
                Wert = target.Wert,
                Basis = target.Basis,
                BasisHerkunft = target.BasisHerkunft,
                Stichtag = target.Stichtag,
                StichtagHerkunft = target.StichtagHerkunft,
                Zeitraum = target.Zeitraum,
                Bereich = PlanAreas.Code(a),
                Wortlaut = target.Wortlaut,
            }).ToList();
    }

    private static string Period(string text, int planYear)
    {
        if (KitaYear().Match(text) is { Success: true } kita)
        {
            return CatalogVocabulary.Word(PlanPeriod.KitaYear(int.Parse(kita.Groups["y"].Value, CultureInfo.InvariantCulture)));
        }

        return SchoolYear().Match(text) is { Success: true } school
            ? CatalogVocabulary.Word(PlanPeriod.SchoolYear(int.Parse(school.Groups["y"].Value, CultureInfo.InvariantCulture)))
            : CatalogVocabulary.Word(PlanPeriod.CalendarYear(planYear));
    }

    /// <summary>The deadline a wording states: a date, "Ende JJJJ", "im ersten Quartal JJJJ", "in JJJJ"/"im Jahr JJJJ".</summary>
    public static DateOnly? Deadline(string text)
    {
        if (DateText().Match(text) is { Success: true } date
            && DateOnly.TryParseExact(date.Value, ["d.M.yyyy", "dd.MM.yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }

        if (YearEnd().Match(text) is { Success: true } end)
        {
            return new DateOnly(int.Parse(end.Groups["y"].Value, CultureInfo.InvariantCulture), 12, 31);
        }

        if (Quarter().Match(text) is { Success: true } quarter)
        {
            var q = quarter.Groups["q"].Value.ToLowerInvariant() switch { "ersten" => 1, "zweiten" => 2, "dritten" => 3, _ => 4 };
            var year = int.Parse(quarter.Groups["y"].Value, CultureInfo.InvariantCulture);
            return new DateOnly(year, q * 3, 1).AddMonths(1).AddDays(-1);
        }

        return null;
    }

    /// <summary>The words after a number that name what is counted, up to a preposition, verb or punctuation.</summary>
    internal static string NounAfter(string rest)
    {
        var words = new List<string>();
        foreach (var raw in rest.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (raw.StartsWith('(') || raw.StartsWith('%') || raw.StartsWith('€'))
            {
                break;
            }

            var word = raw.TrimEnd('.', ',', ';', ':');
            if (word.Length == 0 || NounStops.Contains(word))
            {
                break;
            }

            words.Add(word);
            if (word.Length != raw.Length || words.Count == 4)
            {
                break;
            }
        }

        if (words.Count > 0 && rest.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries) is var all && all.Length > words.Count + 1
            && all[words.Count] == "pro" && !all[words.Count + 1].StartsWith("Jahr", StringComparison.Ordinal))
        {
            words.Add("pro " + all[words.Count + 1].TrimEnd('.', ',', ';'));
        }

        return string.Join(" ", words);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

    [GeneratedRegex(@"\b(?:liegt vor|liegen vor|Vorliegen|Existenz|hat stattgefunden|haben stattgefunden|ist erfolgt|ist eröffnet|erledigt|beschlossen|gegründet werden|Durchführung einer|Durchgeführte)\b|„erledigt“")]
    private static partial Regex Milestone();

    [GeneratedRegex(@"\bbis (?:Ende )?(?:\d{1,2}\.\d{1,2}\.)?\d{4}\b")]
    private static partial Regex DeadlineInName();

    [GeneratedRegex(@"(?:reduzierung|reduktion|senkung|verringerung|abbau)\s+um\s+(?<p>\d+(?:,\d+)?)\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex Reduction();

    [GeneratedRegex(@"\b(?:max\.|maximal|höchstens|nicht mehr als)", RegexOptions.IgnoreCase)]
    private static partial Regex AtMost();

    [GeneratedRegex(@"\bweniger als\b", RegexOptions.IgnoreCase)]
    private static partial Regex LessThan();

    [GeneratedRegex(@"\b(?:mehr als|über)\s+\d", RegexOptions.IgnoreCase)]
    private static partial Regex MoreThan();

    [GeneratedRegex(@"Arbeitslos", RegexOptions.IgnoreCase)]
    private static partial Regex LowerIsBetter();

    [GeneratedRegex(@"\bQuartier")]
    private static partial Regex UnnamedQuarter();

    [GeneratedRegex(@"\bjeweils\b", RegexOptions.IgnoreCase)]
    private static partial Regex Each();

    [GeneratedRegex(@"Euro|Kostensparnis|Kosten", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyName();

    [GeneratedRegex(@"^Arbeitslose |Präsenz|\bpro (?!Jahr)\p{L}")]
    private static partial Regex StockName();

    [GeneratedRegex(@"\bBestand(?:sreduzierung|sabbau)?\b")]
    private static partial Regex StockWording();

    [GeneratedRegex(@"^(?:darunter )?Anteil|quote", RegexOptions.IgnoreCase)]
    private static partial Regex RateName();

    [GeneratedRegex(@"Zufriedenheit|Zustimmung|Entwicklungsfortschritt|^Grad der|^Bestimmung der|Potentialsteigerung", RegexOptions.IgnoreCase)]
    private static partial Regex QualitativeName();

    [GeneratedRegex(@"Kita-?Jahr\s*(?<y>\d{4})\s*/\s*\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex KitaYear();

    [GeneratedRegex(@"Schuljahr\s*(?<y>\d{4})\s*/\s*\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex SchoolYear();

    [GeneratedRegex(@"\b\d{1,2}\.\d{1,2}\.\d{4}\b")]
    private static partial Regex DateText();

    [GeneratedRegex(@"(?:\bEnde|\bin|\bim Jahr)\s+(?<y>\d{4})\b")]
    private static partial Regex YearEnd();

    [GeneratedRegex(@"(?<q>ersten|zweiten|dritten|vierten) Quartal (?<y>\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex Quarter();
}
