namespace Bielefeld.Etl.Sources.Statistiktabelle;

// The `statistiktabelle:` section of a pipeline file that describes one official statistics table (IT.NRW
// Landesdatenbank, Statistikamt Nord, …). A new table is a new pipeline file with this section, not new code;
// docs/statistiktabellen.md walks through it with IT.NRW's table 13211-03ir.

/// <summary>How an official statistics table is laid out and which of its figures are loaded as which series.</summary>
public sealed class StatistiktabelleOptions
{
    /// <summary>The table's code at its publisher (<c>13211-03ir</c>); with the pipeline's name it is the series of every value.</summary>
    public string Code { get; set; } = "";

    /// <summary>The table's name, for messages.</summary>
    public string Name { get; set; } = "";

    /// <summary>The sheet that holds the table; empty: the workbook's first sheet.</summary>
    public string? Sheet { get; set; }

    /// <summary>Other names of the sheet seen in deliveries.</summary>
    public List<string> SheetAliases { get; set; } = [];

    /// <summary>Lines the title block must contain (compared without surrounding and doubled spaces): which table this is.</summary>
    public List<string> Title { get; set; } = [];

    /// <summary>Where the header is and what its rows carry.</summary>
    public TableHeaderOptions Header { get; set; } = new();

    /// <summary><c>wide</c>: one row per key of column A, values across columns; <c>long</c>: one value per row, keys in named columns.</summary>
    public string Layout { get; set; } = "wide";

    /// <summary>Wide layout: what column A of a data row carries: <c>year</c>, <c>month</c>, <c>area</c> or <c>series</c>.</summary>
    public string? RowKey { get; set; }

    /// <summary>Long layout: the header labels of the key columns and of the value column.</summary>
    public LongColumnsOptions Columns { get; set; } = new();

    /// <summary>The month of every value when neither rows nor header carry one (<c>2013-12</c>), e.g. a profile at a reference date.</summary>
    public string? Month { get; set; }

    /// <summary>The area the table speaks for: the Gemeinde of a municipal table, or the parent of the areas its rows list.</summary>
    public TableAreaOptions Area { get; set; } = new();

    /// <summary>Areas that rows or header name, by their label in the table; labels not listed here are looked up in config/bereiche.yml.</summary>
    public List<TableAreaOptions> Areas { get; set; } = [];

    /// <summary>What to do with a row or column whose area is neither listed nor known: <c>reject</c> (default) or <c>skip</c> (delivered for context).</summary>
    public string UnknownAreas { get; set; } = "reject";

    /// <summary>Rows that sum other rows (Bezirke, the whole city): skipped, or loaded as the table's <see cref="Area"/>.</summary>
    public List<TotalRowOptions> Totals { get; set; } = [];

    /// <summary>
    /// The label of the first totals row when the totals follow the detail rows as a block: only from that row on are
    /// labels read as totals, so a Stadtteil named like its Bezirk (Hamburg's Bergedorf) stays a detail row. Empty:
    /// a totals label is a totals row wherever it stands.
    /// </summary>
    public string? TotalsBegin { get; set; }

    /// <summary>The series the table's figures feed (header labels or row labels, e.g. per Geschlecht); other series are not loaded.</summary>
    public List<TableSeriesOptions> Series { get; set; } = [];

    /// <summary>What the table's special symbols mean.</summary>
    public TableSymbolOptions Symbols { get; set; } = new();

    /// <summary>A regular expression on column A: the row it matches and every row after it are footnotes (<c>^_{3,}</c>).</summary>
    public string? Footnotes { get; set; }

    /// <summary>The line that carries the table's Stand, which becomes the Datenstand of every value.</summary>
    public TableStandOptions? Stand { get; set; }
}

/// <summary>Where the header is found and which of its rows carry month, series and area.</summary>
public sealed class TableHeaderOptions
{
    /// <summary>The text of column A in the header's first row (<c>Jahr</c>, <c>Stadtgebiet</c>); the header is found by it within the first 30 rows.</summary>
    public string FirstCell { get; set; } = "";

    /// <summary>How many rows the header has.</summary>
    public int Rows { get; set; } = 1;

    /// <summary>The header row (1 = the first) whose cells name the month of their column; merged cells count for every column they span.</summary>
    public int? MonthRow { get; set; }

    /// <summary>A regular expression with a group <c>monat</c> that takes the month name out of a header cell (<c>Januar (31.)</c>).</summary>
    public string? MonthPattern { get; set; }

    /// <summary>The header row whose cells name the series of their column (<c>Insgesamt</c>, <c>männlich</c>).</summary>
    public int? SeriesRow { get; set; }

    /// <summary>The header row whose cells name the area of their column.</summary>
    public int? AreaRow { get; set; }
}

/// <summary>The key columns of a long table, by their header label.</summary>
public sealed class LongColumnsOptions
{
    /// <summary>The column with the month (<c>März 2024</c>, <c>03.2024</c>, <c>201403</c> or a date cell).</summary>
    public string? Month { get; set; }

    /// <summary>The column with the series label.</summary>
    public string? Series { get; set; }

    /// <summary>The column with the area label.</summary>
    public string? Area { get; set; }

    /// <summary>The column with the value.</summary>
    public string Value { get; set; } = "";
}

/// <summary>An area: its code in the warehouse and its name; as the table's own area, also the title line that names it.</summary>
public sealed class TableAreaOptions
{
    /// <summary>The area's label in the table (rows, header); empty: <see cref="Name"/>.</summary>
    public string? Label { get; set; }

    /// <summary>The area's code: one of config/bereiche.yml, or a key of an area outside Bielefeld (the AGS of a Gemeinde, <c>05315000</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>The area's name for people.</summary>
    public string Name { get; set; } = "";

    /// <summary>For the table's area: the title block line that names it (<c>Köln, krfr. Stadt</c>); a table for another area is refused.</summary>
    public string? Title { get; set; }
}

/// <summary>A row that sums other rows.</summary>
public sealed class TotalRowOptions
{
    /// <summary>The row's label in column A.</summary>
    public string Label { get; set; } = "";

    /// <summary>Whether its values are loaded as the table's area (true) or the row is skipped (false).</summary>
    public bool Load { get; set; }
}

/// <summary>A series of the table and the indicator it feeds.</summary>
public sealed class TableSeriesOptions
{
    /// <summary>The series' label in the table (<c>Insgesamt</c>); empty when the table has a single series.</summary>
    public string Label { get; set; } = "";

    /// <summary>Other spellings of the label seen in deliveries.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>A plan indicator code, or a context series <c>Kontext.&lt;name&gt;</c> that this pipeline declares.</summary>
    public string Indicator { get; set; } = "";

    /// <summary>For a context series: its name for people.</summary>
    public string? Name { get; set; }

    /// <summary>For a context series: <c>bestand</c> (default), <c>anzahl</c>, <c>betrag</c> or <c>veroeffentlichte_quote</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>For a context series: the unit (default <c>Personen</c>).</summary>
    public string? Unit { get; set; }

    /// <summary>The month of this series' values where it differs from the table's <c>month</c> (a price as of January).</summary>
    public string? Month { get; set; }
}

/// <summary>The table's special symbols. A symbol that is listed nowhere makes its cell a rejected value.</summary>
public sealed class TableSymbolOptions
{
    /// <summary>Not yet reported (IT.NRW <c>...</c>): no value, never 0.</summary>
    public List<string> NotYetReported { get; set; } = [];

    /// <summary>Not available (<c>.</c>): no value.</summary>
    public List<string> NotAvailable { get; set; } = [];

    /// <summary>Suppressed for confidentiality (<c>*</c>): stored as suppressed, never 0.</summary>
    public List<string> Suppressed { get; set; } = [];

    /// <summary>Nothing there (<c>-</c>): exactly 0.</summary>
    public List<string> Nothing { get; set; } = [];

    /// <summary>Not meaningful (<c>x</c>): no value.</summary>
    public List<string> NotApplicable { get; set; } = [];

    /// <summary>Whether an empty cell is a value that is not there (true) or a rejected value (false, default).</summary>
    public bool EmptyIsMissing { get; set; }
}

/// <summary>The line that carries the table's Stand.</summary>
public sealed class TableStandOptions
{
    /// <summary>A regular expression on column A with a group <c>stand</c> (<c>^Stand: (?&lt;stand&gt;\d{2}\.\d{2}\.\d{4})</c>).</summary>
    public string Pattern { get; set; } = "";

    /// <summary>The date format of the group (<c>dd.MM.yyyy</c>).</summary>
    public string Format { get; set; } = "dd.MM.yyyy";
}
