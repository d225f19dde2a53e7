namespace Bielefeld.Etl.Definitions.Catalog;

// The shape of the reviewable catalog files under config/plan/<year>/. Keys are German because the people who
// review and edit these files speak of Maßnahmen, Indikatoren and Zielwerte; the order of the properties here
// is the order in the files, so a diff of two imports reads top to bottom like the plan.

/// <summary><c>plan.yml</c>: the plan as a whole.</summary>
public sealed class PlanDocument
{
    /// <summary>The plan year.</summary>
    public int Jahr { get; set; }

    /// <summary>The plan's title.</summary>
    public string Titel { get; set; } = "";

    /// <summary>The document the catalog was imported from.</summary>
    public string? Quelle { get; set; }

    /// <summary>The measure codes in the order the plan presents them (reports follow it; files are named by code).</summary>
    public List<string> Reihenfolge { get; set; } = [];
}

/// <summary><c>massnahmen/&lt;code&gt;.yml</c>: one Maßnahme.</summary>
public sealed class MeasureDocument
{
    /// <summary>The measure code, e.g. <c>REGE-9</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The title as the plan's body gives it.</summary>
    public string Titel { get; set; } = "";

    /// <summary>REGE, Jobcenter, 500, 510 or 540.</summary>
    public string Organisationseinheit { get; set; } = "";

    /// <summary>The policy area.</summary>
    public string? Handlungsfeld { get; set; }

    /// <summary>The target group.</summary>
    public string? Zielgruppe { get; set; }

    /// <summary>The focal theme.</summary>
    public string? Schwerpunktthema { get; set; }

    /// <summary>The guiding principles.</summary>
    public List<string> Leitsaetze { get; set; } = [];

    /// <summary>The plan's Zielsetzung (objective), as plain text.</summary>
    public string? Zielsetzung { get; set; }

    /// <summary>The plan's "Maßnahme(n) zur Zielerreichung", as plain text.</summary>
    public string? Massnahmen { get; set; }

    /// <summary>The plan's Umsetzungsschritte (steps, participants, responsibilities), as plain text.</summary>
    public string? Umsetzungsschritte { get; set; }

    /// <summary>The plan's Datenquellen for the measure as a whole, as plain text.</summary>
    public string? Datenquellen { get; set; }

    /// <summary>The planned cost.</summary>
    public CostDocument? Aufwand { get; set; }

    /// <summary>The indicators in plan order.</summary>
    public List<IndicatorDocument> Indikatoren { get; set; } = [];
}

/// <summary>The Aufwand of a measure.</summary>
public sealed class CostDocument
{
    /// <summary>Euros per year where the text states an amount.</summary>
    public decimal? EurProJahr { get; set; }

    /// <summary>The text verbatim.</summary>
    public string? Text { get; set; }
}

/// <summary>One Indikator.</summary>
public sealed class IndicatorDocument
{
    /// <summary>The indicator code, e.g. <c>REGE-9.1</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>The indicator's name.</summary>
    public string Bezeichnung { get; set; } = "";

    /// <summary>anzahl, betrag, bestand, quote, veroeffentlichte_quote, meilenstein or qualitativ.</summary>
    public string Art { get; set; } = "";

    /// <summary>The unit of its values.</summary>
    public string Einheit { get; set; } = "";

    /// <summary>The indicator this one is a "darunter" value of.</summary>
    public string? Eltern { get; set; }

    /// <summary>Informational ("nachrichtlich"): no target.</summary>
    public bool Nachrichtlich { get; set; }

    /// <summary>The plan's Datenquellen.</summary>
    public string? Datenquelle { get; set; }

    /// <summary>The targets, one per area (usually one, for the city).</summary>
    public List<TargetDocument> Ziele { get; set; } = [];
}

/// <summary>One Zielwert.</summary>
public sealed class TargetDocument
{
    /// <summary>mindestens, hoechstens, reduktion, erledigt_bis or keiner.</summary>
    public string Vergleich { get; set; } = "";

    /// <summary>The value (for a reduction: the percentage).</summary>
    public decimal? Wert { get; set; }

    /// <summary>The baseline, where the plan states one (the value a reduction starts from, an Ausgangslage).</summary>
    public decimal? Basis { get; set; }

    /// <summary>The baseline's unit where it is not the indicator's (a rate as the Ausgangslage of a count target).</summary>
    public string? BasisEinheit { get; set; }

    /// <summary><c>plan</c> (stated) or <c>angenommen</c> (a reduction without one: the value of the month before the period).</summary>
    public string? BasisHerkunft { get; set; }

    /// <summary>The plan's sentence that states the baseline.</summary>
    public string? BasisWortlaut { get; set; }

    /// <summary>The deadline of a milestone (ISO date).</summary>
    public string? Stichtag { get; set; }

    /// <summary><c>plan</c> (stated in the target or the Maßnahmen) or <c>angenommen</c> (none stated: end of the plan year).</summary>
    public string? StichtagHerkunft { get; set; }

    /// <summary><c>kalenderjahr</c>, <c>schuljahr 2017/18</c>, <c>kitajahr 2017/18</c> or <c>bis 2018-06-30</c>.</summary>
    public string Zeitraum { get; set; } = "kalenderjahr";

    /// <summary>The area code where the plan scopes the target to less than the city.</summary>
    public string? Bereich { get; set; }

    /// <summary>The areas of a target for several areas together (their figures added up), instead of <see cref="Bereich"/>.</summary>
    public List<string> Bereiche { get; set; } = [];

    /// <summary>The plan's wording verbatim.</summary>
    public string Wortlaut { get; set; } = "";
}
