using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources;

/// <summary>
/// Whether a number from an official table can be a value of an indicator: a rate lies between 0 and 100 percent,
/// a count is neither negative nor fractional. One rule for the BA tables and every table a pipeline describes.
/// </summary>
internal static class OfficialValueCheck
{
    /// <summary>Why <paramref name="value"/> cannot be loaded for <paramref name="indicator"/>; null when it can.</summary>
    /// <param name="indicator">The indicator the value feeds.</param>
    /// <param name="value">The number read.</param>
    /// <param name="raw">The cell as written, for the message.</param>
    /// <param name="rateOutOfRange">The source's reason code for a rate outside 0 to 100.</param>
    public static (ReasonCode Reason, string Message)? Problem(Indicator indicator, decimal value, string? raw, ReasonCode rateOutOfRange)
    {
        if (indicator.Kind is IndicatorKind.PublishedRate or IndicatorKind.Rate)
        {
            return value is < 0 or > 100
                ? (rateOutOfRange, string.Create(GermanValues.Culture, $"Die Quote {value} % liegt nicht zwischen 0 und 100 (Indikator {indicator.Code})."))
                : null;
        }

        if (value < 0)
        {
            return (ReasonCode.Negative, $"Eine Anzahl ({raw}) kann nicht negativ sein (Indikator {indicator.Code}).");
        }

        return indicator.Kind is IndicatorKind.Count or IndicatorKind.Stock && value != decimal.Truncate(value)
            ? (ReasonCode.NotWhole, $"Personen und Fälle werden ganzzahlig gezählt ('{raw}', Indikator {indicator.Code}).")
            : null;
    }
}
