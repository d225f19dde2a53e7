namespace Bielefeld.Etl.Consistency;

/// <summary>The current figure of one indicator, month and area, summed over its series; what the rules compare.</summary>
public sealed record MonthlyFigure(string IndicatorCode, DateOnly Month, string AreaCode, decimal? Value, decimal? Numerator, decimal? Denominator);
