using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Prosoz;

/// <summary>Why a Prosoz case row is rejected. Field-level codes shared with other CSV sources are in <see cref="Csv.CsvReasons"/>.</summary>
public static class ProsozReasons
{
    /// <summary>The legal basis is not one of the paragraphs the contract lists.</summary>
    public static ReasonCode UnknownParagraph { get; } = new("PARAGRAPH_UNBEKANNT", "Der Paragraph ist nicht vereinbart.");

    /// <summary>The district is neither one of the ten Stadtbezirke nor the value for "unknown".</summary>
    public static ReasonCode UnknownDistrict { get; } = new("BEZIRK_UNBEKANNT", "Der Stadtbezirk ist nicht bekannt.");

    /// <summary>A residential help without the place of accommodation.</summary>
    public static ReasonCode AccommodationMissing { get; } = new("UNTERBRINGUNG_FEHLT", "Bei stationärer Hilfe fehlt, ob örtlich oder auswärtig untergebracht.");

    /// <summary>A place of accommodation for a help that is not residential.</summary>
    public static ReasonCode AccommodationWithoutResidential { get; } = new("UNTERBRINGUNG_OHNE_STATIONAER", "Unterbringung ist nur bei stationärer Hilfe eingetragen.");

    /// <summary>The end of help lies before its start.</summary>
    public static ReasonCode EndBeforeStart { get; } = new("HILFEENDE_VOR_BEGINN", "Das Hilfeende liegt vor dem Hilfebeginn.");

    /// <summary>Help-plan date and number of SMART goals come together: one of them is missing.</summary>
    public static ReasonCode HelpPlanIncomplete { get; } = new("HILFEPLAN_UNVOLLSTAENDIG", "Hilfeplan_Datum und Ziele_smart sind nur zusammen gültig.");

    /// <summary>The case number appears a second time; the first row counts.</summary>
    public static ReasonCode DuplicateCase { get; } = new("FALL_DOPPELT", "Die Fallnummer steht mehrfach im Export; gezählt wird die erste Zeile.");
}
