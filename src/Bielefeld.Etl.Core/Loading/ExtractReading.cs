using Bielefeld.Etl.Observations;

namespace Bielefeld.Etl.Loading;

/// <summary>
/// An extract file opened by its reader: what the file speaks for (its scope) and its rows, read lazily so that
/// memory stays flat whatever the file's size. Every row of the data sheet appears exactly once in <see cref="Rows"/>.
/// </summary>
public sealed class ExtractReading(DeliveryScope scope, IEnumerable<SourceRow> rows, IDisposable? resource) : IDisposable
{
    /// <summary>The source series and months the file replaces completely.</summary>
    public DeliveryScope Scope { get; } = scope;

    /// <summary>The rows in file order.</summary>
    public IEnumerable<SourceRow> Rows { get; } = rows;

    /// <summary>The sheet the rows come from; null for CSV files.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Observations that only exist once every row is read: aggregates over record-level files (REKOM
    /// participants, Prosoz cases). Enumerated after <see cref="Rows"/>; the records themselves never reach the warehouse.
    /// </summary>
    public IEnumerable<Observation> Totals { get; init; } = [];

    /// <inheritdoc />
    public void Dispose() => resource?.Dispose();
}
