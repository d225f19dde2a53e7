namespace Bielefeld.Etl.Synthetic.Statistiktabelle;

/// <summary>How the month headers of a generated table are written: every form a German reader understands.</summary>
public enum MonthHeaderStyle
{
    /// <summary>As the Landesdatenbank writes them: <c>Januar (31.)</c>, <c>Februar (28. bzw. 29.)</c>.</summary>
    Landesdatenbank,

    /// <summary>German Excel's <c>MMM</c>: <c>Jan</c>, <c>Mrz</c>, <c>Dez</c>.</summary>
    ExcelShort,

    /// <summary>Month numbers as number cells: 1 to 12.</summary>
    Number,
}

/// <summary>How the <c>Stand:</c> line of a generated table is laid out.</summary>
public enum StandLayout
{
    /// <summary>One cell, as the Landesdatenbank writes it: <c>Stand: 21.07.2014 / 12:00:00</c>.</summary>
    OneCell,

    /// <summary><c>Stand:</c> in one cell, the date and time as text in the next.</summary>
    LabelBesideText,

    /// <summary><c>Stand:</c> in one cell, the date as a date-typed cell in the next.</summary>
    LabelBesideDate,
}

/// <summary>
/// An official monthly table in the Landesdatenbank's wide layout (IT.NRW 13211-03ir): a title block naming the table
/// and the Gemeinde, a four-row header (heading, months, the word <c>Geschlecht</c>, series), one row per year newest
/// first, footnotes under a rule and a <c>Stand:</c> line.
/// </summary>
/// <param name="Title">The title lines, the Gemeinde's line last (<c>Köln, krfr. Stadt</c>).</param>
/// <param name="Series">The series per month (<c>Insgesamt</c>, <c>männlich</c>, <c>weiblich</c>).</param>
/// <param name="Years">Per year (newest first) the values by month (1–12) and series; null is a month not yet reported (<c>...</c>).</param>
/// <param name="Stand">The table's Stand, written as <c>Stand: dd.MM.yyyy / 12:00:00</c>.</param>
public sealed record MonthlyTable(IReadOnlyList<string> Title, IReadOnlyList<string> Series, IReadOnlyList<(int Year, Func<int, int, decimal?> Value)> Years, DateOnly Stand)
{
    /// <summary>How the month headers are written.</summary>
    public MonthHeaderStyle Months { get; init; } = MonthHeaderStyle.Landesdatenbank;

    /// <summary>Whether the figures are German text (<c>51.362</c>) instead of number cells.</summary>
    public bool NumbersAsText { get; init; }

    /// <summary>Whether the header labels carry non-breaking and trailing spaces, as copied from a web page.</summary>
    public bool SpacedLabels { get; init; }

    /// <summary>How the <c>Stand:</c> line is laid out.</summary>
    public StandLayout StandCells { get; init; }

    /// <summary>The footnotes under the rule.</summary>
    public IReadOnlyList<string> Footnotes { get; init; } = ["Quelle: Statistik der Bundesagentur für Arbeit", "", "(C)opyright IT.NRW, Düsseldorf."];
}
