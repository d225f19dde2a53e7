using Bielefeld.Etl.Deliveries;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Summary;

/// <summary>An indicator whose traffic light changed since the last summary.</summary>
public sealed record StatusChange(string Indicator, string Area, string Before, string After);

/// <summary>How many rows one reason rejected in the night's loads.</summary>
public sealed record ReasonCount(string Code, string Description, int Rows);

/// <summary>
/// The nightly summary for people who do not read logs: which sources loaded, rows rejected by reason, deliveries
/// late, and indicators whose status changed since the last summary.
/// </summary>
public sealed record NightlySummary(
    DateOnly Day,
    IReadOnlyList<FileLoadResult> Files,
    IReadOnlyList<ReasonCount> RejectedByReason,
    IReadOnlyList<DeliveryStatus> LateDeliveries,
    IReadOnlyList<StatusChange> StatusChanges)
{
    /// <summary>The status of every indicator and area at the time of the summary, kept for the next one to compare with.</summary>
    public IReadOnlyDictionary<string, string> Statuses { get; init; } = new Dictionary<string, string>();

    /// <summary>Figures that break a consistency rule across indicators (<c>konsistenz.yml</c>).</summary>
    /// <remarks>Each indicator's first violations when there are many; <see cref="ConsistencyViolationCount"/> counts all.</remarks>
    public IReadOnlyList<Consistency.ConsistencyViolation> ConsistencyViolations { get; init; } = [];

    /// <summary>How many figures break a consistency rule; as many as <see cref="ConsistencyViolations"/> lists unless set.</summary>
    public int ConsistencyViolationCount
    {
        get => _consistencyViolationCount ?? ConsistencyViolations.Count;
        init => _consistencyViolationCount = value;
    }

    private readonly int? _consistencyViolationCount;
}
