using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>
/// Why a file or a row of an official statistics table was refused, beyond the shared <see cref="ReasonCode"/> and
/// <see cref="FileReasons"/> (<c>WERT_KEINE_ZAHL</c>, <c>WERT_NEGATIV</c>, <c>KOPF_UNERWARTET</c>, …).
/// </summary>
public static class StatistiktabelleReasons
{
    /// <summary>The title block names another area than the pipeline's (a table for another Gemeinde).</summary>
    public static ReasonCode ForeignArea { get; } = new("STAT_GEBIET_FREMD", "Die Tabelle gilt für ein anderes Gebiet als die Pipeline-Definition.");

    /// <summary>The pipeline names a Stand line, and the file has none, or two different ones.</summary>
    public static ReasonCode MissingStand { get; } = new("STAT_STAND_FEHLT", "Die Zeile mit dem Stand der Tabelle fehlt, ist nicht lesbar oder nennt zwei Stände.");

    /// <summary>A series the pipeline maps is not in the table (renamed or dropped).</summary>
    public static ReasonCode MissingSeries { get; } = new("STAT_REIHE_FEHLT", "Eine zugeordnete Reihe fehlt in der Tabelle.");

    /// <summary>A data row's key (the year, month, area or series in column A) cannot be read, or its area is unknown.</summary>
    public static ReasonCode UnknownRow { get; } = new("STAT_ZEILE_UNBEKANNT", "Die Zeile nennt kein Jahr, keinen Monat, kein Gebiet oder keine Reihe, die die Pipeline kennt.");

    /// <summary>The same value (month, series, area) appears twice in one file.</summary>
    public static ReasonCode Duplicate { get; } = new("STAT_DOPPELT", "Derselbe Wert (Monat, Reihe, Gebiet) steht mehrfach in der Datei.");

    /// <summary>A value cell is empty although the table marks missing values with a symbol.</summary>
    public static ReasonCode EmptyValue { get; } = new("STAT_WERT_LEER", "Der Wert ist leer; fehlende Werte kennzeichnet die Tabelle mit einem Zeichen.");

    /// <summary>A published rate lies outside 0 to 100 percent.</summary>
    public static ReasonCode RateOutOfRange { get; } = new("STAT_QUOTE_UNGUELTIG", "Eine Quote in Prozent muss zwischen 0 und 100 liegen.");
}
