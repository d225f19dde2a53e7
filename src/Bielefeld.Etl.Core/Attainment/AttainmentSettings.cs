namespace Bielefeld.Etl.Attainment;

/// <summary>How one indicator's status and path deviate from the defaults.</summary>
public sealed record IndicatorAttainmentSettings
{
    /// <summary>Status thresholds for this indicator; null takes the defaults.</summary>
    public StatusThresholds? Thresholds { get; init; }

    /// <summary>
    /// A seasonal profile: one weight per month of the plan period, in period order (e.g. training placements that
    /// cluster in August to October). The path to date is the target × the weights to date / all weights. Null: linear.
    /// </summary>
    public IReadOnlyList<decimal>? SeasonalProfile { get; init; }
}

/// <summary>Status thresholds and target paths: the defaults and the indicators that configure their own.</summary>
public sealed class AttainmentSettings(StatusThresholds defaults, IReadOnlyDictionary<string, IndicatorAttainmentSettings> indicators)
{
    /// <summary>Linear paths and the default thresholds for every indicator.</summary>
    public static AttainmentSettings Default { get; } = new(StatusThresholds.Default, new Dictionary<string, IndicatorAttainmentSettings>());

    /// <summary>The thresholds for every indicator that configures none.</summary>
    public StatusThresholds DefaultThresholds { get; } = defaults;

    /// <summary>The indicators with settings of their own.</summary>
    public IReadOnlyDictionary<string, IndicatorAttainmentSettings> Indicators { get; } = indicators;

    /// <summary>The thresholds that apply to <paramref name="indicatorCode"/>.</summary>
    public StatusThresholds ThresholdsFor(string indicatorCode) =>
        Indicators.GetValueOrDefault(indicatorCode)?.Thresholds ?? DefaultThresholds;

    /// <summary>The seasonal profile of <paramref name="indicatorCode"/>, if it has one.</summary>
    public IReadOnlyList<decimal>? ProfileFor(string indicatorCode) => Indicators.GetValueOrDefault(indicatorCode)?.SeasonalProfile;
}
