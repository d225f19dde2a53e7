namespace Bielefeld.Etl.Attainment;

/// <summary>
/// What was delivered for one indicator, area and month, summed over all series (e.g. all KAF projects).
/// A month without any delivery has no <see cref="MonthlyActual"/> at all: "no data" is not 0.
/// </summary>
public sealed record MonthlyActual(DateOnly Month, decimal? Value)
{
    /// <summary>For rates: the summed numerator.</summary>
    public decimal? Numerator { get; init; }

    /// <summary>For rates: the summed denominator.</summary>
    public decimal? Denominator { get; init; }

    /// <summary>At least one contributing value was suppressed in the source.</summary>
    public bool Suppressed { get; init; }
}
