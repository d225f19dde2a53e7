namespace Bielefeld.Etl.Loading;

/// <summary>
/// What a reader accepted in another form than the contract writes (a month header <c>Mrz</c>, a number typed as text,
/// a label with a non-breaking space), recorded with the load so that a steward sees it. Equal notes are counted once
/// with the place they first occurred; per code at most <see cref="DistinctPerCode"/> distinct notes are kept, the rest
/// are counted in one entry, so a file full of text numbers does not flood the protocol.
/// </summary>
/// <remarks>Filled while the rows are read (on the loader's read-ahead thread); read once they all are.</remarks>
public sealed class NormalisationProtocol
{
    /// <summary>How many distinct notes of one code are kept before further ones are only counted.</summary>
    public const int DistinctPerCode = 20;

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Code, string Message), NormalisationEntry> _entries = [];
    private readonly List<(string Code, string Message)> _order = [];
    private readonly Dictionary<string, int> _distinct = new(StringComparer.Ordinal);

    /// <summary>The notes in the order they first occurred.</summary>
    public IReadOnlyList<NormalisationEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _order.Select(k => _entries[k])];
            }
        }
    }

    /// <summary>Notes one normalisation at its place (sheet, 1-based row, column letter; null where it has none).</summary>
    public void Add(string code, string raw, string message, string? sheet, int? row, string? column)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        lock (_gate)
        {
            (string Code, string Message) key = (code, message);
            if (!_entries.ContainsKey(key) && _distinct.GetValueOrDefault(code) >= DistinctPerCode)
            {
                key = (code, "weitere Normalisierungen dieser Art");
                raw = "";
            }

            if (_entries.TryGetValue(key, out var entry))
            {
                _entries[key] = entry with { Count = entry.Count + 1 };
                return;
            }

            _distinct[code] = _distinct.GetValueOrDefault(code) + 1;
            _entries[key] = new NormalisationEntry(code, sheet, row, column, raw, key.Message, 1);
            _order.Add(key);
        }
    }
}

/// <summary>One line of a file's normalisation protocol (<c>load_normalisierung</c>).</summary>
/// <param name="Code">A stable code (<c>MONATSKOPF</c>, <c>ZAHL_ALS_TEXT</c>, …; docs/reason-codes.md).</param>
/// <param name="Sheet">The sheet; null for CSV files.</param>
/// <param name="Row">The 1-based row (CSV: line) where it first occurred; null for the file as a whole (a sheet alias).</param>
/// <param name="Column">The column letter or name where it first occurred; null where it concerns a row or the file.</param>
/// <param name="Raw">The value as the file wrote it.</param>
/// <param name="Message">What was read, e.g. <c>Monatskopf 'Mrz' als März gelesen</c>.</param>
/// <param name="Count">How often the file has it.</param>
public sealed record NormalisationEntry(string Code, string? Sheet, int? Row, string? Column, string Raw, string Message, int Count);
