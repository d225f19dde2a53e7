using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>Reason codes every CSV reader uses: header drift at file level, field problems at row level.</summary>
public static class CsvReasons
{
    /// <summary>A column the reader needs is missing from the header (under its contract name and every alias).</summary>
    public static ReasonCode ColumnMissing { get; } = new("SPALTE_FEHLT", "Eine benötigte Spalte fehlt in der Kopfzeile.");

    /// <summary>Two headers of the file name the same column (its contract name and an alias, or two aliases).</summary>
    public static ReasonCode ColumnAmbiguous { get; } = new("SPALTE_MEHRDEUTIG", "Zwei Spalten der Kopfzeile bedeuten dieselbe Spalte.");

    /// <summary>A required field is empty.</summary>
    public static ReasonCode RequiredEmpty { get; } = new("PFLICHTFELD_LEER", "Ein Pflichtfeld ist leer.");

    /// <summary>A date field is not a date in the form dd.MM.yyyy.</summary>
    public static ReasonCode InvalidDate { get; } = new("DATUM_UNGUELTIG", "Das Datum ist kein gültiges Datum der Form TT.MM.JJJJ.");

    /// <summary>A date lies after the date of the export, so it cannot have happened yet.</summary>
    public static ReasonCode DateAfterExport { get; } = new("DATUM_NACH_EXPORT", "Das Datum liegt nach dem Exportdatum.");

    /// <summary>A coded field holds a value the contract does not list.</summary>
    public static ReasonCode ValueNotAllowed { get; } = new("WERT_UNZULAESSIG", "Der Wert ist für diese Spalte nicht vereinbart.");
}
