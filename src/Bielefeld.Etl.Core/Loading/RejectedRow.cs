namespace Bielefeld.Etl.Loading;

/// <summary>
/// A row (or one cell of it) that was not loaded, kept with everything a steward needs to find and fix it.
/// </summary>
/// <param name="Sheet">The worksheet; null for CSV files.</param>
/// <param name="Row">The 1-based row number as the steward sees it in Excel or an editor.</param>
/// <param name="Column">The column as the steward sees it (<c>F</c> or the header name); null where the whole row is meant.</param>
/// <param name="RawValue">The cell's content exactly as read.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Message">The concrete message, with the figures involved.</param>
public sealed record RejectedRow(string? Sheet, int Row, string? Column, string? RawValue, ReasonCode Reason, string Message);
