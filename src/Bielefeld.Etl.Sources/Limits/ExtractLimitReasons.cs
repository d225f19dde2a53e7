using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Limits;

/// <summary>Why a file was refused because it is past one of the <see cref="ExtractLimits"/> or is no text at all.</summary>
public static class ExtractLimitReasons
{
    /// <summary>An .xlsx archive unpacks to more than the limit, or one of its entries is packed suspiciously tightly (a zip bomb).</summary>
    public static ReasonCode WorkbookTooLarge { get; } = new("MAPPE_ZU_GROSS", "Die Excel-Mappe entpackt sich zu mehr Daten, als ein Extrakt haben kann.");

    /// <summary>The shared strings of an .xlsx (the texts every cell refers to, all held in memory while reading) are past the limit.</summary>
    public static ReasonCode SharedStringsTooLarge { get; } = new("MAPPE_TEXTE_ZU_GROSS", "Die Texte der Excel-Mappe (sharedStrings) sind größer, als ein Extrakt sie haben kann.");

    /// <summary>A CSV record is longer than the limit (an unclosed quote, or no line breaks at all).</summary>
    public static ReasonCode RecordTooLong { get; } = new("ZEILE_ZU_LANG", "Eine Zeile ist länger, als ein Extrakt sie haben kann (oft ein nicht geschlossenes Anführungszeichen).");

    /// <summary>A record or header has more fields than the limit.</summary>
    public static ReasonCode TooManyColumns { get; } = new("ZU_VIELE_SPALTEN", "Eine Zeile hat mehr Spalten, als ein Extrakt haben kann.");

    /// <summary>A sheet or CSV file has more rows than the limit.</summary>
    public static ReasonCode TooManyRows { get; } = new("ZU_VIELE_ZEILEN", "Die Datei hat mehr Zeilen, als ein Extrakt haben kann.");

    /// <summary>A text file contains NUL bytes: binary data, or a file cut and patched by a faulty transfer.</summary>
    public static ReasonCode NulByte { get; } = new("NUL_BYTE", "Die Textdatei enthält NUL-Bytes; sie ist binär oder bei der Übertragung beschädigt.");
}
