using Bielefeld.Etl.Attainment;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Deliveries;

namespace Bielefeld.Etl.Warehouse;

public abstract partial class WarehouseProvider
{
    /// <summary>
    /// Records a steward's decision on the rejected row <paramref name="abweisungId"/>. The decision belongs to the row's
    /// identity (file name, sheet, row, reason code), so it also holds for the same row in a later delivery of the file.
    /// </summary>
    /// <returns>False when there is no rejected row with that id.</returns>
    public abstract Task<bool> DecideAsync(long abweisungId, RejectDecision decision, string by, string comment, CancellationToken cancellationToken);

    /// <summary>Per source and data month: when a value was first loaded, when the latest covering file arrived, how many files cover it.</summary>
    public abstract Task<IReadOnlyList<MonthDelivery>> MonthDeliveriesAsync(CancellationToken cancellationToken);

    /// <summary>Replaces the table behind <c>rpt.lieferstatus</c> with the states computed as of a day.</summary>
    public abstract Task ReplaceDeliveryStatusAsync(IReadOnlyList<DeliveryStatus> statuses, CancellationToken cancellationToken);

    /// <summary>
    /// Every version of every value in <paramref name="areaCode"/> (every area when null), with when its file was loaded
    /// and when a later file superseded it. Filtered in the database: the whole history of a large fact would not fit in memory.
    /// </summary>
    public abstract Task<IReadOnlyList<ObservationVersion>> ObservationHistoryAsync(string? areaCode, CancellationToken cancellationToken);

    /// <summary>
    /// The current values summed up per source, file and indicator, with the first month: what the status hints need,
    /// in as many rows as there are files × indicators (not one per value, so memory stays flat whatever the fact's size).
    /// </summary>
    public abstract Task<IReadOnlyList<CurrentValues>> CurrentValuesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every steward decision on a rejected row, with when it was made: what the provenance of a figure as known at a
    /// moment names (a decision made later was not known then).
    /// </summary>
    public abstract Task<IReadOnlyList<StewardDecision>> DecisionHistoryAsync(CancellationToken cancellationToken);

    /// <summary>Every version of every Zielwert, the current ones and those a revised catalog closed.</summary>
    public abstract Task<IReadOnlyList<TargetVersion>> TargetHistoryAsync(CancellationToken cancellationToken);

    /// <summary>Per loaded file: rows read and rejected rows still open (review state <c>offen</c>).</summary>
    public abstract Task<IReadOnlyList<FileRejectShare>> OpenRejectSharesAsync(CancellationToken cancellationToken);
}

/// <summary>The attainment of one area as it was reported at a moment.</summary>
/// <param name="Rows">Every month of every indicator, shaped as the rows of <see cref="WarehouseProvider.AttainmentSeriesAsync"/>.</param>
/// <param name="FirstLoadedAt">When the area's first value was loaded; null when nothing is loaded at all.</param>
/// <param name="Files">
/// The files behind every figure with an actual, as known at that moment: per indicator, month and file the values the
/// figure used, their latest Datenstand, the file's load time and the stewards' decisions made by then; shaped as the
/// rows of <see cref="WarehouseProvider.AreaProvenanceAsync"/>.
/// </param>
public sealed record AttainmentAsOf(IReadOnlyList<AttainmentRow> Rows, DateTimeOffset? FirstLoadedAt, IReadOnlyList<ProvenanceRow> Files);

/// <summary>A steward's decision on a rejected row of a file (by file name: it holds for later deliveries of the file too).</summary>
public sealed record StewardDecision(string Source, string FileName, long Row, string ReasonCode, string Decision, string Comment, string DecidedBy, DateTimeOffset DecidedAt)
{
    /// <summary>The decision as <c>dwh.herkunft</c> writes it: <c>akzeptiert Zeile 7 (WERT_NEGATIV): Kommentar – Name</c>.</summary>
    public string Text => $"{Decision} Zeile {Row} ({ReasonCode}): {Comment} – {DecidedBy}";
}

/// <summary>A steward's decision on a rejected row.</summary>
public enum RejectDecision
{
    /// <summary>The value is right as delivered (or irrelevant); the row is not reported again.</summary>
    Akzeptiert,

    /// <summary>The row is wrong and stays out; nothing to correct.</summary>
    Verworfen,

    /// <summary>The supplier has corrected it (by re-delivery or otherwise).</summary>
    Korrigiert,
}

/// <summary>One version of a value: what a file delivered and until when it was current.</summary>
public sealed record ObservationVersion(
    string IndicatorCode, DateOnly Month, string AreaCode, string Source, string SeriesKey,
    decimal? Value, decimal? Numerator, decimal? Denominator, bool Suppressed,
    long FileId, DateTimeOffset LoadedAt, DateTimeOffset? SupersededAt)
{
    /// <summary>The name of the file that delivered the value (the provenance of a figure as known at a moment).</summary>
    public string FileName { get; init; } = "";

    /// <summary>The Datenstand the file states for the value; null when it states none.</summary>
    public DateOnly? Datenstand { get; init; }
}

/// <summary>The current values of one indicator that one file of a source delivered, from their first month on.</summary>
/// <param name="Source">The pipeline that loaded the file.</param>
/// <param name="FileId">The file.</param>
/// <param name="IndicatorCode">The indicator.</param>
/// <param name="FirstMonth">The earliest month among those values.</param>
public sealed record CurrentValues(string Source, long FileId, string IndicatorCode, DateOnly FirstMonth);

/// <summary>A loaded file with its rows read and rejected rows still open.</summary>
public sealed record FileRejectShare(long DateiId, string Datei, string Quelle, long ZeilenGelesen, long Offen)
{
    /// <summary>The share of open rejected rows among the rows read (0 for an empty file).</summary>
    public double Share => ZeilenGelesen == 0 ? 0 : (double)Offen / ZeilenGelesen;
}

/// <summary>A reason why an indicator's status is provisional from a month on.</summary>
public sealed record StatusHint(string IndicatorCode, DateOnly FromMonth, string Text);

/// <summary>The stored names of steward decisions.</summary>
public static class RejectDecisionNames
{
    /// <summary>The lowercase German token in <c>rpt.abgewiesene_zeilen.entscheidung</c>.</summary>
    public static string ToStoredName(this RejectDecision decision) => decision switch
    {
        RejectDecision.Akzeptiert => "akzeptiert",
        RejectDecision.Verworfen => "verworfen",
        _ => "korrigiert",
    };
}
