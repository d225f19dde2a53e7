namespace Bielefeld.Etl.Consistency;

/// <summary>
/// A rule figures of different indicators (or of one indicator's parts and areas) must keep in every month and area,
/// declared beside the catalog (<c>config/plan/&lt;year&gt;/konsistenz.yml</c>). A figure that breaks one is flagged, never
/// corrected: the source has to be asked.
/// </summary>
public abstract record ConsistencyRule
{
    /// <summary>A "darunter" value never exceeds the value it is part of (REGE-9.3 ≤ REGE-9.2), same month and area.</summary>
    public sealed record PartNotAboveWhole(string Part, string Whole) : ConsistencyRule;

    /// <summary>A rate's numerator never exceeds its denominator.</summary>
    public sealed record NumeratorNotAboveDenominator(string Indicator) : ConsistencyRule;

    /// <summary>
    /// The Stadtbezirke add up to the city in a month where they are delivered: exactly (<paramref name="Exactly"/>), or at
    /// most (the city also counts cases without a district, Prosoz's "unbekannt"). For a rate, numerators and denominators each.
    /// </summary>
    public sealed record DistrictsAddUpToCity(string Indicator, bool Exactly) : ConsistencyRule;
}
