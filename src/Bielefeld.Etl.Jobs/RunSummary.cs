using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>What one run did, file by file.</summary>
public sealed record RunSummary(IReadOnlyList<FileLoadResult> Files, int AttainmentFigures)
{
    /// <summary>A file failed for a technical reason: the run as a whole failed and the next run retries it.</summary>
    public bool HasFailures => Files.Any(f => f.Status == FileLoadStatus.Failed);
}
