namespace Bielefeld.Etl.Catalog;

/// <summary>What an indicator measures; decides how monthly values add up to a plan period's value.</summary>
public enum IndicatorKind
{
    /// <summary>A number of events or persons in a period (a flow): summed over the months.</summary>
    Count,

    /// <summary>An amount of money in a period (a flow): summed over the months.</summary>
    Amount,

    /// <summary>A stock at a reference date: the value at the period's end, never summed.</summary>
    Stock,

    /// <summary>A rate built from numerator and denominator: both summed, then divided; never averaged.</summary>
    Rate,

    /// <summary>A rate published without its parts (e.g. Arbeitslosenquote): the latest published month counts.</summary>
    PublishedRate,

    /// <summary>Done or not done, with a deadline.</summary>
    Milestone,

    /// <summary>A steward's assessment (erreicht / teilweise / nicht erreicht) with a reason.</summary>
    Qualitative,
}
