using Bielefeld.Etl.Observations;

namespace Bielefeld.Etl.Loading;

/// <summary>
/// An extract file opened by its reader: what the file speaks for (its scope) and its rows, read lazily so that
/// memory stays flat whatever the file's size. Every row of the data sheet appears exactly once in <see cref="Rows"/>.
/// </summary>
public sealed class ExtractReading : IDisposable
{
    private readonly Func<DeliveryScope> _scope;
    private readonly IDisposable? _resource;

    /// <summary>A reading whose scope is known before its rows are read.</summary>
    public ExtractReading(DeliveryScope scope, IEnumerable<SourceRow> rows, IDisposable? resource)
        : this(() => scope, rows, resource)
    {
    }

    /// <summary>
    /// A reading whose months are only known once its rows are read (a per-value delivery reads them from its rows in
    /// the same pass): <paramref name="scope"/> answers with what has been read so far. Source, series and mode must
    /// not change while reading; the loader decides its path by them before the first row.
    /// </summary>
    public ExtractReading(Func<DeliveryScope> scope, IEnumerable<SourceRow> rows, IDisposable? resource)
    {
        _scope = scope;
        Rows = rows;
        _resource = resource;
    }

    /// <summary>
    /// The source series and months the file replaces completely. For a reading built with a scope function, the
    /// months are final once <see cref="Rows"/> has been enumerated.
    /// </summary>
    public DeliveryScope Scope => _scope();

    /// <summary>The rows in file order.</summary>
    public IEnumerable<SourceRow> Rows { get; }

    /// <summary>The sheet the rows come from; null for CSV files.</summary>
    public string? Sheet { get; init; }

    /// <summary>
    /// Observations that only exist once every row is read: aggregates over record-level files (REKOM
    /// participants, Prosoz cases). Enumerated after <see cref="Rows"/>; the records themselves never reach the warehouse.
    /// </summary>
    public IEnumerable<Observation> Totals { get; init; } = [];

    /// <summary>
    /// What the reader normalised (header forms, numbers as text, spaces in labels), filled while <see cref="Rows"/>
    /// is read and complete once it has been; recorded with the load.
    /// </summary>
    public NormalisationProtocol Normalisations { get; init; } = new();

    /// <inheritdoc />
    public void Dispose() => _resource?.Dispose();
}
