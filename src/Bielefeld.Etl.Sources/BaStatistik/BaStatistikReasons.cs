using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// Why a BA-Statistik file or row was refused, beyond the shared <see cref="ReasonCode"/> and <see cref="FileReasons"/>
/// (<c>WERT_KEINE_ZAHL</c>, <c>WERT_NEGATIV</c>, <c>WERT_NICHT_GANZZAHLIG</c>, <c>KOPF_UNERWARTET</c>, …).
/// </summary>
public static class BaStatistikReasons
{
    /// <summary>The table or the file name is for another region than Bielefeld (05711 / 05711000).</summary>
    public static ReasonCode ForeignRegion { get; } = new("BA_REGION_FREMD", "Die Tabelle gilt nicht für Bielefeld (05711 bzw. 05711000).");

    /// <summary>The Tabellenkürzel of the file name is not in the pipeline definition.</summary>
    public static ReasonCode UnknownTable { get; } = new("BA_TABELLE_UNBEKANNT", "Das Tabellenkürzel ist in der Pipeline-Definition nicht bekannt.");

    /// <summary>A row the pipeline definition maps is not in the table (renamed or dropped).</summary>
    public static ReasonCode MissingMerkmal { get; } = new("BA_MERKMAL_FEHLT", "Ein zugeordnetes Merkmal fehlt in der Tabelle.");

    /// <summary>A Merkmal of a special evaluation is not in the pipeline definition.</summary>
    public static ReasonCode UnknownMerkmal { get; } = new("BA_MERKMAL_UNBEKANNT", "Das Merkmal ist in der Pipeline-Definition nicht bekannt.");

    /// <summary>The same month, region and Merkmal (or the same table row) appears twice in one file.</summary>
    public static ReasonCode Duplicate { get; } = new("BA_DOPPELT", "Derselbe Wert (Monat, Region, Merkmal) steht mehrfach in der Datei.");

    /// <summary>A value cell is empty; the contract marks every missing value with a symbol.</summary>
    public static ReasonCode EmptyValue { get; } = new("BA_WERT_LEER", "Der Wert ist leer; fehlende Werte werden mit '.' gekennzeichnet.");

    /// <summary>A published rate lies outside 0 to 100 percent.</summary>
    public static ReasonCode RateOutOfRange { get; } = new("BA_QUOTE_UNGUELTIG", "Eine Quote in Prozent muss zwischen 0 und 100 liegen.");

    /// <summary>The Regionstyp is none of Stadt, Stadtbezirk, Quartier.</summary>
    public static ReasonCode UnknownRegionType { get; } = new("BA_REGIONSTYP_UNBEKANNT", "Der Regionstyp ist weder Stadt noch Stadtbezirk noch Quartier.");

    /// <summary>The region is not Bielefeld or not in the area hierarchy (config/bereiche.yml).</summary>
    public static ReasonCode UnknownRegion { get; } = new("BA_REGION_UNBEKANNT", "Die Region ist in der Raumgliederung (config/bereiche.yml) nicht bekannt.");

    /// <summary>Regionsschlüssel and Region name denote different areas.</summary>
    public static ReasonCode RegionContradiction { get; } = new("BA_REGION_WIDERSPRUCH", "Regionsschlüssel und Regionsname bezeichnen verschiedene Gebiete.");

    /// <summary>The Berichtsmonat is not a month in the form yyyyMM.</summary>
    public static ReasonCode InvalidMonth { get; } = new("BA_BERICHTSMONAT_UNGUELTIG", "Der Berichtsmonat ist kein Monat im Format JJJJMM.");

    /// <summary>The Datenstand is not a date dd.MM.yyyy, or lies before the reporting month.</summary>
    public static ReasonCode InvalidDataStatus { get; } = new("BA_DATENSTAND_UNGUELTIG", "Der Datenstand ist kein Datum TT.MM.JJJJ oder liegt vor dem Berichtsmonat.");
}
