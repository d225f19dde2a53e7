namespace Bielefeld.Etl.Sources.Prosoz;

// The `prosoz:` section of pipelines/prosoz.yml. A new rate, paragraph or renamed column is a change there.

/// <summary>How Prosoz HzE case exports are checked and turned into rates.</summary>
public sealed class ProsozOptions
{
    /// <summary>Other spellings of contract columns seen in deliveries (contract name → spellings).</summary>
    public Dictionary<string, List<string>> ColumnAliases { get; set; } = [];

    /// <summary>The SGB VIII paragraphs the contract lists.</summary>
    public List<string> Paragraphs { get; set; } = [];

    /// <summary>The Stadtbezirk value for cases whose district is not known; such cases count city-wide only.</summary>
    public string UnknownDistrict { get; set; } = "unbekannt";

    /// <summary>The rates built from the cases.</summary>
    public List<ProsozRate> Rates { get; set; } = [];
}

/// <summary>A rate over cases: which date puts a case in a month, which cases form the denominator, which of them the numerator.</summary>
public sealed class ProsozRate
{
    /// <summary>The plan indicator (of kind <c>quote</c>).</summary>
    public string Indicator { get; set; } = "";

    /// <summary>The date column whose month a case counts in; a case without that date does not count.</summary>
    public string Month { get; set; } = "";

    /// <summary>Conditions every case of the denominator meets (besides having the date).</summary>
    public List<ProsozCondition> Denominator { get; set; } = [];

    /// <summary>Further conditions the numerator's cases meet.</summary>
    public List<ProsozCondition> Numerator { get; set; } = [];
}

/// <summary>A condition on one column: its value is one of <see cref="Values"/>, or a number of at least <see cref="AtLeast"/>.</summary>
public sealed class ProsozCondition
{
    /// <summary>The contract column.</summary>
    public string Column { get; set; } = "";

    /// <summary>The values that meet the condition.</summary>
    public List<string> Values { get; set; } = [];

    /// <summary>For a count column: the smallest value that meets the condition.</summary>
    public long? AtLeast { get; set; }
}
