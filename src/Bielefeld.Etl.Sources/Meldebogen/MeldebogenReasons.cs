using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>Why a Meldebogen row is rejected; docs/reason-codes.md says what the steward does about each.</summary>
public static class MeldebogenReasons
{
    /// <summary>The indicator code is not in the plan.</summary>
    public static ReasonCode UnknownIndicator { get; } = new("INDIKATOR_UNBEKANNT", "Der Indikator-Code steht nicht im Plan.");

    /// <summary>The indicator is delivered by a system extract, so a manual report would count twice.</summary>
    public static ReasonCode SystemIndicator { get; } = new("INDIKATOR_AUS_SYSTEMQUELLE", "Der Indikator wird aus einem System-Extrakt geladen, nicht per Meldebogen.");

    /// <summary>Periode is not yyyy-MM, yyyy-Qn or yyyy, or lies outside the plan years.</summary>
    public static ReasonCode InvalidPeriod { get; } = new("PERIODE_UNGUELTIG", "Die Periode ist nicht yyyy-MM, yyyy-Qn oder yyyy oder liegt außerhalb der Planjahre.");

    /// <summary>Bereich names no known Stadtbezirk or Quartier.</summary>
    public static ReasonCode UnknownArea { get; } = new("BEREICH_UNBEKANNT", "Der Bereich ist weder ein Stadtbezirk noch ein Quartier der Raumgliederung.");

    /// <summary>Bereich names both a Stadtbezirk and a Quartier.</summary>
    public static ReasonCode AmbiguousArea { get; } = new("BEREICH_MEHRDEUTIG", "Der Bereich heißt wie ein Stadtbezirk und ein Quartier.");

    /// <summary>A field the indicator's kind needs is empty.</summary>
    public static ReasonCode MissingField { get; } = new("FELD_FEHLT", "Ein Feld, das die Art des Indikators verlangt, ist leer.");

    /// <summary>A field the indicator's kind does not use is filled.</summary>
    public static ReasonCode UnexpectedField { get; } = new("FELD_UNZULAESSIG", "Ein Feld ist gefüllt, das die Art des Indikators nicht verwendet.");


    /// <summary>Erledigt_am lies outside the row's Periode.</summary>
    public static ReasonCode DateOutsidePeriod { get; } = new("DATUM_AUSSERHALB_PERIODE", "Das Datum liegt nicht in der gemeldeten Periode.");

    /// <summary>Bewertung is not erreicht, teilweise or nicht erreicht.</summary>
    public static ReasonCode InvalidAssessment { get; } = new("BEWERTUNG_UNGUELTIG", "Die Bewertung ist nicht „erreicht“, „teilweise“ oder „nicht erreicht“.");

    /// <summary>A rate's denominator is zero or negative.</summary>
    public static ReasonCode DenominatorNotPositive { get; } = new("NENNER_NICHT_POSITIV", "Der Nenner einer Quote muss größer als 0 sein.");

    /// <summary>The same indicator, month and area is reported twice in one file.</summary>
    public static ReasonCode DuplicateReport { get; } = new("MELDUNG_DOPPELT", "Indikator, Periode und Bereich sind in dieser Datei schon einmal gemeldet.");
}
