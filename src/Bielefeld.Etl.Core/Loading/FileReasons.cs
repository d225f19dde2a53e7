namespace Bielefeld.Etl.Loading;

/// <summary>Why a whole file was refused: drift that would need guessing. The file is kept, never lost.</summary>
public static class FileReasons
{
    /// <summary>The file is not a readable workbook or text file of the expected format.</summary>
    public static ReasonCode Unreadable { get; } = new("DATEI_UNLESBAR", "Die Datei ist kein lesbares Extrakt im erwarteten Format.");

    /// <summary>The file name does not follow the contract, so source, project or period cannot be known.</summary>
    public static ReasonCode UnexpectedName { get; } = new("DATEINAME_UNERWARTET", "Der Dateiname folgt nicht dem vereinbarten Muster.");

    /// <summary>The sheet the pipeline reads is missing.</summary>
    public static ReasonCode SheetMissing { get; } = new("BLATT_FEHLT", "Das Tabellenblatt mit den Zahlen fehlt.");

    /// <summary>The contract's sheet is missing and two sheets of the workbook have names the pipeline allows instead.</summary>
    public static ReasonCode SheetAmbiguous { get; } = new("BLATT_MEHRDEUTIG", "Mehrere Tabellenblätter kommen als Blatt mit den Zahlen in Frage.");

    /// <summary>Title block or header row differ from the contract.</summary>
    public static ReasonCode UnexpectedHead { get; } = new("KOPF_UNERWARTET", "Kopfbereich oder Kopfzeile weichen vom vereinbarten Aufbau ab.");

    /// <summary>The project is not in the pipeline definition.</summary>
    public static ReasonCode UnknownProject { get; } = new("PROJEKT_UNBEKANNT", "Das Projekt ist in der Pipeline-Definition nicht bekannt.");

    /// <summary>File name and content name different projects or years.</summary>
    public static ReasonCode Contradiction { get; } = new("DATEI_WIDERSPRUCH", "Dateiname und Inhalt nennen verschiedene Projekte oder Jahre.");

    /// <summary>
    /// More of the file's rows were rejected than the pipeline's <c>abweisung_max_anteil</c> allows: a file that is
    /// mostly wrong (a shifted column, a wrong export) is refused as a whole instead of loading its remainder.
    /// </summary>
    public static ReasonCode RejectShareExceeded { get; } = new("ABWEISUNGSANTEIL_ZU_HOCH", "Der Anteil abgewiesener Zeilen liegt über der Grenze der Pipeline.");

    /// <summary>Reading failed for a reason the product does not know (a bug or an I/O fault); the message says which.</summary>
    public static ReasonCode Failed { get; } = new("LADEN_FEHLGESCHLAGEN", "Das Laden ist fehlgeschlagen.");
}
