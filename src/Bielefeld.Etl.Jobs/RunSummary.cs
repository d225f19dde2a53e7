using Bielefeld.Etl.Deliveries;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>What one run did, file by file.</summary>
public sealed record RunSummary(IReadOnlyList<FileLoadResult> Files, int AttainmentFigures)
{
    /// <summary>A file failed for a technical reason: the run as a whole failed and the next run retries it.</summary>
    public bool HasFailures => Files.Any(f => f.Status == FileLoadStatus.Failed);

    /// <summary>The delivery calendar's state of every source's data periods after the run, as of the run's day.</summary>
    public IReadOnlyList<DeliveryStatus> Deliveries { get; init; } = [];

    /// <summary>Deliveries past their due date: a warning in the run's summary, never a failure (the exit code stays 0).</summary>
    public IReadOnlyList<DeliveryStatus> LateDeliveries => Deliveries.Where(d => d.State == DeliveryState.Late).ToList();

    /// <summary>Figures that break a consistency rule across indicators (<c>konsistenz.yml</c>): flagged, never corrected.</summary>
    /// <remarks>Each indicator's first violations when there are many; <see cref="ConsistencyViolationCount"/> counts all.</remarks>
    public IReadOnlyList<Consistency.ConsistencyViolation> ConsistencyViolations { get; init; } = [];

    /// <summary>How many figures break a consistency rule; as many as <see cref="ConsistencyViolations"/> lists unless set.</summary>
    public int ConsistencyViolationCount
    {
        get => _consistencyViolationCount ?? ConsistencyViolations.Count;
        init => _consistencyViolationCount = value;
    }

    private readonly int? _consistencyViolationCount;

    /// <summary>Files left in the inbox for a later run because they were not complete yet (still written, locked).</summary>
    public IReadOnlyList<DeferredFile> Deferred { get; init; } = [];

    /// <summary>
    /// What failed after loads had committed (attainment, steward reports, the delivery calendar): warnings, never a
    /// failure of the run (the exit code stays as the files' outcomes say); the next run does the work.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The indicators whose values the run's loads changed.</summary>
    public IReadOnlyCollection<string> AffectedIndicators => Files.SelectMany(f => f.AffectedIndicators).ToHashSet(StringComparer.Ordinal);
}

/// <summary>A file not taken this time, and why.</summary>
public sealed record DeferredFile(string Pipeline, string Path, string Reason);
