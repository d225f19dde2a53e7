namespace Bielefeld.Etl.Sources.Einwohnermeldeamt;

// The `einwohnermeldeamt:` section of pipelines/einwohnermeldeamt.yml. A new context series or age band is a change there.

/// <summary>How the quarterly population counts are checked and which context series are built from them.</summary>
public sealed class EinwohnermeldeamtOptions
{
    /// <summary>Other spellings of contract columns seen in deliveries (contract name → spellings).</summary>
    public Dictionary<string, List<string>> ColumnAliases { get; set; } = [];

    /// <summary>The age bands the contract lists (<c>0-2</c> … <c>80+</c>), in order.</summary>
    public List<string> AgeBands { get; set; } = [];

    /// <summary>The Altersgruppe of a control-total row (all ages of one district, quarter, sex and migration background).</summary>
    public string TotalLabel { get; set; } = "insgesamt";

    /// <summary>The context series to build: city, every district and every known quarter each get a value per reference date.</summary>
    public List<EinwohnerContextSeries> Context { get; set; } = [];
}

/// <summary>A sum of residents over the rows that meet its filters.</summary>
public sealed class EinwohnerContextSeries
{
    /// <summary>The context indicator code, <c>Kontext.&lt;name&gt;</c>.</summary>
    public string Code { get; set; } = "";

    /// <summary>What it counts, for people.</summary>
    public string Name { get; set; } = "";

    /// <summary>Lowest age counted (must be the start of an age band); null: from 0.</summary>
    public int? AgeFrom { get; set; }

    /// <summary>Highest age counted (must be the end of an age band); null: no upper limit.</summary>
    public int? AgeTo { get; set; }

    /// <summary>Only this sex (<c>m</c>, <c>w</c>, <c>d</c>); null: all.</summary>
    public string? Sex { get; set; }

    /// <summary>Only this migration background (<c>J</c>, <c>N</c>); null: all.</summary>
    public string? Migration { get; set; }
}
