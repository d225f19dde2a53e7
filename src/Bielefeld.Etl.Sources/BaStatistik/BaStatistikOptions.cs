namespace Bielefeld.Etl.Sources.BaStatistik;

// The `ba:` section of pipelines/ba-statistik.yml. A new table, a renamed row label or a new Merkmal of a special
// evaluation is a change there, not here.

/// <summary>How the BA-Statistik's monthly tables and special evaluations map onto plan indicators.</summary>
public sealed class BaStatistikOptions
{
    /// <summary>The monthly tables (Excel) that are accepted, by Tabellenkürzel.</summary>
    public List<BaTableOptions> Tables { get; set; } = [];

    /// <summary>The special evaluations (long CSV).</summary>
    public BaSpecialEvaluationOptions SpecialEvaluations { get; set; } = new();
}

/// <summary>A monthly table (<c>BA_&lt;Kürzel&gt;_&lt;AGS&gt;_&lt;yyyyMM&gt;.xlsx</c>).</summary>
public sealed class BaTableOptions
{
    /// <summary>The Tabellenkürzel of the file name (<c>AMR</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>The table's name, for messages.</summary>
    public string Name { get; set; } = "";

    /// <summary>The sheet that holds the table; other sheets (Impressum, Hinweise) are ignored.</summary>
    public string Sheet { get; set; } = "Eckwerte";

    /// <summary>Other names of the sheet seen in deliveries (<c>Eckwerte 2017</c>); the sheet read is noted.</summary>
    public List<string> SheetAliases { get; set; } = [];

    /// <summary>The rows (Merkmale) that are loaded; every other row of the table is skipped.</summary>
    public List<BaTableRowOptions> Merkmale { get; set; } = [];
}

/// <summary>A row of a monthly table and the columns it feeds.</summary>
public sealed class BaTableRowOptions
{
    /// <summary>The row label, without indentation and without a <c>darunter:</c> prefix.</summary>
    public string Label { get; set; } = "";

    /// <summary>
    /// For an indented or <c>darunter</c> row: the label of the top-level row it belongs to
    /// (<c>Jugendliche 15 bis unter 25 Jahre</c> appears under several rows); empty for a top-level row.
    /// </summary>
    public string? Parent { get; set; }

    /// <summary>Other spellings seen in deliveries that mean the same row.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The columns (by their header label) and the indicators they feed.</summary>
    public List<BaColumnOptions> Columns { get; set; } = [];
}

/// <summary>A value column of a table row that feeds an indicator.</summary>
public sealed class BaColumnOptions
{
    /// <summary>The column's label in the first header row (<c>SGB II</c>).</summary>
    public string Column { get; set; } = "";

    /// <summary>The plan indicator code.</summary>
    public string Indicator { get; set; } = "";
}

/// <summary>The long CSV special evaluations (<c>BA_SA_&lt;Thema&gt;_&lt;yyyyMMdd&gt;.csv</c>).</summary>
public sealed class BaSpecialEvaluationOptions
{
    /// <summary>Other header names seen in deliveries, per contract column (<c>Regionsschluessel: [Regionsschlüssel]</c>).</summary>
    public Dictionary<string, List<string>> ColumnAliases { get; set; } = [];

    /// <summary>The Merkmale that are loaded; an unknown Merkmal is rejected.</summary>
    public List<BaMerkmalOptions> Merkmale { get; set; } = [];
}

/// <summary>A Merkmal of the special evaluations and the indicator it feeds.</summary>
public sealed class BaMerkmalOptions
{
    /// <summary>The Merkmal as the contract gives it.</summary>
    public string Label { get; set; } = "";

    /// <summary>Other spellings seen in deliveries that mean the same Merkmal.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The plan indicator code.</summary>
    public string Indicator { get; set; } = "";

    /// <summary>
    /// The Regionstypen (<c>Stadt</c>, <c>Stadtbezirk</c>, <c>Quartier</c>) whose rows feed the indicator; rows of
    /// other types are skipped (delivered for context). Empty means every type.
    /// </summary>
    public List<string> RegionTypes { get; set; } = [];
}
