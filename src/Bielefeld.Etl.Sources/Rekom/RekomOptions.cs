namespace Bielefeld.Etl.Sources.Rekom;

// The `rekom:` section of pipelines/rekom.yml. A new project, destination code or renamed column is a change there.

/// <summary>How REKOM participant exports are checked and counted.</summary>
public sealed class RekomOptions
{
    /// <summary>Other spellings of contract columns seen in deliveries (contract name → spellings).</summary>
    public Dictionary<string, List<string>> ColumnAliases { get; set; } = [];

    /// <summary>The school type codes (Schulform) the contract lists.</summary>
    public List<string> SchoolTypes { get; set; } = [];

    /// <summary>The destination codes (Verbleib) the contract lists.</summary>
    public List<string> Destinations { get; set; } = [];

    /// <summary>The projects and the indicator each one feeds.</summary>
    public List<RekomProject> Projects { get; set; } = [];
}

/// <summary>A REGE project documented in REKOM, with the rule that turns its participants into an indicator value.</summary>
public sealed class RekomProject
{
    /// <summary>The project code in column Projekt (<c>UEM</c>).</summary>
    public string Code { get; set; } = "";

    /// <summary>The project's name.</summary>
    public string Name { get; set; } = "";

    /// <summary>The plan indicator; a <c>quote</c> indicator gets numerator and denominator, an <c>anzahl</c> indicator a count.</summary>
    public string Indicator { get; set; } = "";

    /// <summary>Only participants of these school types count; empty means all.</summary>
    public List<string> SchoolTypes { get; set; } = [];

    /// <summary>For a rate: leavers with these destinations are not in the denominator (REGE-1: <c>HOEHERE_SCHULE</c>).</summary>
    public List<string> ExcludedDestinations { get; set; } = [];

    /// <summary>The destinations that count as a placement.</summary>
    public List<string> Placements { get; set; } = [];
}
