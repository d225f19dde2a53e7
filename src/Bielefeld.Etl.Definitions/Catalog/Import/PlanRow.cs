namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>The rows of a measure's table in the plan document, in the order the plan prints them.</summary>
public enum PlanRow
{
    /// <summary>Zielsetzung: the objective.</summary>
    Zielsetzung,

    /// <summary>Maßnahme(n) zur Zielerreichung: what is done to reach it.</summary>
    Massnahmen,

    /// <summary>Umsetzungsschritte (Beteiligte, Organisation, Verantwortliche).</summary>
    Umsetzungsschritte,

    /// <summary>Indikator: one or more indicators.</summary>
    Indikator,

    /// <summary>Zielwert: the target values, in the order of the indicators or numbered "Zu 1.".</summary>
    Zielwert,

    /// <summary>Datenquellen: where the figures come from.</summary>
    Datenquellen,

    /// <summary>Aufwand: the cost.</summary>
    Aufwand,
}
