namespace Bielefeld.Etl.Sources.German;

/// <summary>
/// One thing a reader read differently from the contract's canonical form, without guessing: e.g. the month header
/// <c>Mrz</c> read as März, or the number <c>1.234</c> typed as text. Readers list these in the load protocol so a steward
/// sees what was accepted; <see cref="Code"/> is stable (filter and count by it), <see cref="Message"/> is for people.
/// </summary>
/// <param name="Code">A stable code, one of <see cref="NormalisationCodes"/>.</param>
/// <param name="Raw">The value as the file wrote it.</param>
/// <param name="Message">What was read, in German, e.g. <c>Monatskopf 'Mrz' als März gelesen</c>.</param>
public sealed record Normalisation(string Code, string Raw, string Message);

/// <summary>The codes of <see cref="Normalisation"/>; docs/reason-codes.md lists them under „Normalisierungen“.</summary>
public static class NormalisationCodes
{
    /// <summary>A month header written other than the contract's form (full name, <c>Mrz</c>, <c>Jän</c>, <c>03</c>, a date cell).</summary>
    public const string MonthHeader = "MONATSKOPF";

    /// <summary>A number typed as German text (<c>1.234</c>, <c>5,9</c>) instead of a number cell.</summary>
    public const string NumberAsText = "ZAHL_ALS_TEXT";

    /// <summary>A label with non-breaking, doubled, leading or trailing spaces, or a line break.</summary>
    public const string LabelSpaces = "BEZEICHNUNG_LEERZEICHEN";

    /// <summary>The header row found by its content in another row than the contract's.</summary>
    public const string HeaderRowMoved = "KOPFZEILE_VERSCHOBEN";

    /// <summary>A header cell left empty by a merge, read as the merged cell's label.</summary>
    public const string MergedHeader = "KOPF_VERBUNDEN";

    /// <summary>An empty column inside the table, ignored where the pipeline allows it.</summary>
    public const string BlankColumn = "LEERSPALTE";

    /// <summary>A CSV file separated by <c>,</c>, a tab or <c>|</c> instead of the contracts' <c>;</c>.</summary>
    public const string Separator = "TRENNZEICHEN";

    /// <summary>A CSV file in another of the accepted encodings than its contract names (UTF-8 without BOM, Windows-1252).</summary>
    public const string Encoding = "KODIERUNG";

    /// <summary>A month value written other than the contract's form (<c>01/2017</c>, <c>Jan 2017</c>, <c>2017-01</c>, <c>Januar 2017</c>).</summary>
    public const string MonthValue = "MONATSANGABE";

    /// <summary>The sheet found under another name the pipeline allows.</summary>
    public const string SheetAlias = "BLATT_UMBENANNT";
}
