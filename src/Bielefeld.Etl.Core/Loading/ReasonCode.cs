namespace Bielefeld.Etl.Loading;

/// <summary>
/// Why a row or a file was rejected. Codes are stable (stewards filter and count by them); the texts are German
/// because the people who fix the files read them. docs/reason-codes.md lists every code.
/// </summary>
public sealed record ReasonCode(string Code, string Description)
{
    /// <summary>A value cell holds something that is not a number.</summary>
    public static ReasonCode NotANumber { get; } = new("WERT_KEINE_ZAHL", "Der Wert ist keine Zahl.");

    /// <summary>A count is negative.</summary>
    public static ReasonCode Negative { get; } = new("WERT_NEGATIV", "Eine Anzahl kann nicht negativ sein.");

    /// <summary>A count has decimals.</summary>
    public static ReasonCode NotWhole { get; } = new("WERT_NICHT_GANZZAHLIG", "Eine Anzahl muss ganzzahlig sein.");

    /// <summary>The row label is not a Kennzahl the pipeline definition knows.</summary>
    public static ReasonCode UnknownKennzahl { get; } = new("KENNZAHL_UNBEKANNT", "Die Kennzahl ist in der Pipeline-Definition nicht bekannt.");

    /// <summary>The same Kennzahl appears twice in one workbook.</summary>
    public static ReasonCode DuplicateKennzahl { get; } = new("KENNZAHL_DOPPELT", "Die Kennzahl steht mehrfach in der Mappe.");

    /// <summary>The Summe column differs from the sum of the months.</summary>
    public static ReasonCode SumMismatch { get; } = new("SUMME_ABWEICHEND", "Die Summe entspricht nicht der Summe der Monate.");

    /// <summary>A darunter value exceeds the value it is part of.</summary>
    public static ReasonCode SubsetExceedsParent { get; } = new("DARUNTER_GROESSER", "Der Darunter-Wert ist größer als der Wert, zu dem er gehört.");

    /// <summary>A darunter row has no row above it to be part of.</summary>
    public static ReasonCode SubsetWithoutParent { get; } = new("DARUNTER_OHNE_BEZUG", "Der Darunter-Wert folgt keiner Kennzahl, zu der er gehören kann.");

    /// <summary>The Kennzahl is known, but the pipeline definition maps it to no indicator for this project.</summary>
    public static ReasonCode KennzahlWithoutIndicator { get; } = new("KENNZAHL_OHNE_INDIKATOR", "Die Kennzahl ist für dieses Projekt keinem Indikator zugeordnet.");

    /// <summary>A row after the data block holds figures, so it cannot be a remark, and it has no Kennzahl.</summary>
    public static ReasonCode FiguresWithoutKennzahl { get; } = new("ZAHLEN_OHNE_KENNZAHL", "Die Zeile enthält Zahlen, aber keine Kennzahl.");

    /// <summary>A cell holds a value in a column whose header is blank (an extra column the pipeline allows only when empty).</summary>
    public static ReasonCode ValueWithoutHeader { get; } = new("WERT_OHNE_KOPF", "Eine Spalte ohne Kopf enthält einen Wert.");
}
