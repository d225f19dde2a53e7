using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Warehouse;

/// <summary>What happened to one extract file.</summary>
/// <param name="File">The file.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Counts">Row conservation (all zero where nothing was read).</param>
/// <param name="Message">For refused and failed files: what a steward or operator must know.</param>
public sealed record FileLoadResult(ExtractFile File, FileLoadStatus Status, RowCounts Counts, string? Message)
{
    /// <summary>The indicators whose values the load changed, for the attainment recomputation.</summary>
    public IReadOnlyCollection<string> AffectedIndicators { get; init; } = [];

    /// <summary>The load's number in the protocol (<c>datei_id</c>) where the file was loaded.</summary>
    public long? FileId { get; init; }

    /// <summary>The steward report written for the file's rejected rows, if any.</summary>
    public string? StewardReport { get; init; }

    /// <summary>What the reader normalised (e.g. a month header <c>Mrz</c> read as März), as recorded in <c>load_normalisierung</c>.</summary>
    public IReadOnlyList<NormalisationEntry> Normalisations { get; init; } = [];

    /// <summary>What failed after the load's commit (its steward report): the load stands, the next run repairs it.</summary>
    public string? Warning { get; init; }
}
