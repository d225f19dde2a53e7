namespace Bielefeld.Etl.Consistency;

/// <summary>One month and area in which a <see cref="ConsistencyRule"/> is broken, with the figures that break it.</summary>
/// <param name="IndicatorCode">The indicator flagged (the part, the rate, the city).</param>
/// <param name="Month">The month.</param>
/// <param name="AreaCode">The area.</param>
/// <param name="Text">What is wrong, in German, with the figures: shown in <c>status_hinweis</c> and the nightly summary.</param>
public sealed record ConsistencyViolation(string IndicatorCode, DateOnly Month, string AreaCode, string Text);
