using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Einwohnermeldeamt;

/// <summary>Why a population row or file is rejected. Field-level codes shared with other CSV sources are in <see cref="Csv.CsvReasons"/>.</summary>
public static class EinwohnermeldeamtReasons
{
    /// <summary>File level: a row's Stichtag differs from the reference date in the file name.</summary>
    public static ReasonCode ReferenceDateContradiction { get; } = new("STICHTAG_WIDERSPRUCH", "Der Stichtag einer Zeile weicht vom Stichtag im Dateinamen ab.");

    /// <summary>The district number is not one of 01 to 10.</summary>
    public static ReasonCode UnknownDistrictNumber { get; } = new("BEZIRK_NR_UNBEKANNT", "Die Stadtbezirksnummer ist nicht bekannt.");

    /// <summary>District number and district name name different districts.</summary>
    public static ReasonCode DistrictContradiction { get; } = new("BEZIRK_WIDERSPRUCH", "Stadtbezirksnummer und -name passen nicht zusammen.");

    /// <summary>The quarter is known, but belongs to another district than the one it is listed under.</summary>
    public static ReasonCode QuarterNotInDistrict { get; } = new("QUARTIER_NICHT_IM_BEZIRK", "Das Quartier liegt nicht im angegebenen Stadtbezirk.");

    /// <summary>The age band is not one the contract lists.</summary>
    public static ReasonCode UnknownAgeBand { get; } = new("ALTERSGRUPPE_UNBEKANNT", "Die Altersgruppe ist nicht vereinbart.");

    /// <summary>The same district, quarter, age band, sex and migration background appear twice; the first row counts.</summary>
    public static ReasonCode DuplicateRow { get; } = new("ZEILE_DOPPELT", "Die Merkmalskombination steht mehrfach in der Datei; gezählt wird die erste Zeile.");

    /// <summary>A control-total row differs from the sum of its detail rows.</summary>
    public static ReasonCode ControlTotalMismatch { get; } = new("KONTROLLSUMME_ABWEICHEND", "Die Kontrollsumme entspricht nicht der Summe der Einzelzeilen.");
}
