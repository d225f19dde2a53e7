namespace Bielefeld.Etl.Observations;

/// <summary>
/// One actual value of one indicator for one month and area, as one source series delivered it.
/// </summary>
/// <param name="IndicatorCode">The plan indicator (<c>REGE-9.2</c>).</param>
/// <param name="Month">The data month, as the first day of the month.</param>
/// <param name="AreaCode">The area the value refers to.</param>
/// <param name="SeriesKey">
/// Which delivering unit within the source the value comes from (a KAF project, a BA table); values of
/// different series for the same indicator add up, a later value of the same series supersedes the earlier one.
/// </param>
/// <param name="Value">The value; null when the source marks it missing or suppressed.</param>
public sealed record Observation(string IndicatorCode, DateOnly Month, string AreaCode, string SeriesKey, decimal? Value)
{
    /// <summary>For a rate: the numerator, summed before dividing.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>For a rate: the denominator, summed before dividing.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>The source suppressed the value for confidentiality ('*'); it is unknown, not 0.</summary>
    public bool Suppressed { get; init; }

    /// <summary>
    /// The source's data status (BA's Datenstand) where it has one: a value with a later Datenstand supersedes
    /// one with an earlier, never the other way round, whatever order the files arrive in.
    /// </summary>
    public DateOnly? Vintage { get; init; }
}
