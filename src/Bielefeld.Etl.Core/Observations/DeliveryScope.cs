namespace Bielefeld.Etl.Observations;

/// <summary>
/// What one extract file speaks for completely: a source series over a range of months. When a later file of the
/// same scope arrives, it replaces every earlier value inside the scope, also values it no longer contains
/// (a corrected workbook that empties a month takes that month's value back).
/// </summary>
/// <param name="Source">The pipeline name (<c>kaf</c>).</param>
/// <param name="SeriesKey">The delivering unit (<c>KAF:THEO</c>).</param>
/// <param name="FirstMonth">The first month the file covers.</param>
/// <param name="LastMonth">The last month the file covers.</param>
public sealed record DeliveryScope(string Source, string SeriesKey, DateOnly FirstMonth, DateOnly LastMonth);
