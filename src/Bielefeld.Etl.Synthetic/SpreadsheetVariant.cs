namespace Bielefeld.Etl.Synthetic;

/// <summary>
/// Forms real German spreadsheets and exports use instead of the contract's canonical one, which the readers accept
/// (docs/contracts.md, „Akzeptierte Varianten“). A generator writes the variants that apply to its format and ignores
/// the others; the same figures load either way. Combine them freely.
/// </summary>
[Flags]
public enum SpreadsheetVariant
{
    /// <summary>The contract's canonical form.</summary>
    None = 0,

    /// <summary>Month headers as full names (<c>Januar</c>, <c>März</c>); in a CSV month column <c>Januar 2017</c>.</summary>
    MonthNames = 1 << 0,

    /// <summary>Month headers as German Excel's <c>MMM</c> writes them (<c>Mrz</c>, <c>Jan.</c> with a dot); in a CSV month column <c>Jan 2017</c>, <c>Mrz 2017</c>.</summary>
    ExcelMonthAbbreviations = 1 << 1,

    /// <summary>Month headers as two-digit numbers (<c>01</c> … <c>12</c>); in a CSV month column <c>01/2017</c>.</summary>
    MonthNumbers = 1 << 2,

    /// <summary>Month headers as date-typed cells (the first of each month); in a CSV month column the ISO form <c>2017-01</c>.</summary>
    MonthDates = 1 << 3,

    /// <summary>Figures typed as German text (<c>1.270</c>, <c>5,9</c>) instead of number cells.</summary>
    NumbersAsText = 1 << 4,

    /// <summary>Labels and headers with a non-breaking space and a trailing space.</summary>
    LabelSpaces = 1 << 5,

    /// <summary>Two more title lines above the header, so the header row moves down (CSV: a title line and a blank line).</summary>
    HeaderMoved = 1 << 6,

    /// <summary>A grouping row above the header whose cells are merged with the header's (<c>Kennzahl</c> over two rows).</summary>
    MergedHeader = 1 << 7,

    /// <summary>An empty column with a blank header inside the table (the pipeline must allow it).</summary>
    BlankColumn = 1 << 8,

    /// <summary>The data sheet under another name (the pipeline must list it as an alias).</summary>
    RenamedSheet = 1 << 9,

    /// <summary>CSV: fields separated by <c>,</c> (fields holding a comma quoted) instead of <c>;</c>.</summary>
    CommaSeparated = 1 << 10,

    /// <summary>CSV: fields separated by tabs instead of <c>;</c>.</summary>
    TabSeparated = 1 << 11,

    /// <summary>CSV: UTF-8 without a byte order mark, where the contract has one.</summary>
    Utf8WithoutBom = 1 << 12,

    /// <summary>CSV: Windows-1252 instead of the contract's UTF-8.</summary>
    Windows1252 = 1 << 13,

    /// <summary>CSV: two empty columns at the end of every line (an export's trailing separators).</summary>
    TrailingBlankColumns = 1 << 14,
}
