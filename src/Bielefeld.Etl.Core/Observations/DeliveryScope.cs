namespace Bielefeld.Etl.Observations;

/// <summary>
/// What one extract file speaks for: a source series over a range of months.
/// </summary>
/// <param name="Source">The pipeline name (<c>kaf</c>).</param>
/// <param name="SeriesKey">The delivering unit (<c>KAF:THEO</c>); null where the file's values name their own series.</param>
/// <param name="FirstMonth">The first month the file covers.</param>
/// <param name="LastMonth">The last month the file covers.</param>
public sealed record DeliveryScope(string Source, string? SeriesKey, DateOnly FirstMonth, DateOnly LastMonth)
{
    /// <summary>
    /// How the file supersedes earlier deliveries. A full snapshot (KAF workbook, REKOM export) replaces every
    /// earlier value inside its scope, also values it no longer contains: a corrected workbook that empties a
    /// month takes that month's value back. Per-value deliveries (BA special evaluations, Meldebogen) replace
    /// only the values they contain, and only where their Datenstand is not older than the current one.
    /// </summary>
    public SupersedeMode Mode { get; init; } = SupersedeMode.FullSnapshot;
}

/// <summary>How a delivery replaces earlier values.</summary>
public enum SupersedeMode
{
    /// <summary>Everything in the scope is replaced; values the file lacks are taken back.</summary>
    FullSnapshot,

    /// <summary>Only the values the file contains are replaced, newer Datenstand first.</summary>
    PerValue,
}
