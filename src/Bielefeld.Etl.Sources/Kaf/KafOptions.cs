namespace Bielefeld.Etl.Sources.Kaf;

// The `kaf:` section of pipelines/kaf.yml. A new project or a renamed Kennzahl is a change there, not here.

/// <summary>How KAF workbooks map onto plan indicators.</summary>
public sealed class KafOptions
{
    /// <summary>The sheet that holds the figures; other sheets are ignored.</summary>
    public string Sheet { get; set; } = "Controlling";

    /// <summary>Other names of the sheet a delivery may use (<c>sheet_aliases</c>); read only when the contract's sheet is missing, and noted.</summary>
    public List<string> SheetAliases { get; set; } = [];

    /// <summary>Whether empty columns with a blank header may stand in the table (<c>blank_columns: true</c>); their cells must stay empty.</summary>
    public bool BlankColumns { get; set; }

    /// <summary>The projects whose workbooks are accepted.</summary>
    public List<KafProject> Projects { get; set; } = [];

    /// <summary>The Kennzahlen (row labels) and the indicators they feed.</summary>
    public List<KafKennzahl> Kennzahlen { get; set; } = [];
}

/// <summary>A KAF project.</summary>
public sealed class KafProject
{
    /// <summary>The Projektkürzel, as in the file name and cell B3.</summary>
    public string Code { get; set; } = "";

    /// <summary>The project's name.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A row label of the Controlling sheet.</summary>
public sealed class KafKennzahl
{
    /// <summary>The label as the contract gives it.</summary>
    public string Label { get; set; } = "";

    /// <summary>Other spellings seen in deliveries that mean the same Kennzahl.</summary>
    public List<string> Aliases { get; set; } = [];

    /// <summary>The indicators the row feeds.</summary>
    public List<KafIndicatorMapping> Indicators { get; set; } = [];
}

/// <summary>One indicator a Kennzahl feeds, for all projects or only some.</summary>
public sealed class KafIndicatorMapping
{
    /// <summary>The plan indicator code.</summary>
    public string Code { get; set; } = "";

    /// <summary>The projects whose figures count; empty means every project.</summary>
    public List<string> Projects { get; set; } = [];
}
