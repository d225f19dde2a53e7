namespace Bielefeld.Etl.Sources.Csv;

/// <summary>A file's header matched against the known columns: where each column is and what the file calls it.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _indexes;
    private readonly IReadOnlyList<string> _headers;

    private readonly IReadOnlyList<(int Index, German.Normalisation Note)> _notes;

    internal CsvHeader(Dictionary<string, int> indexes, IReadOnlyList<string> headers, IReadOnlyList<string> ignored, IReadOnlyList<(int Index, German.Normalisation Note)> notes, int line)
    {
        Line = line;
        _indexes = indexes;
        _headers = headers;
        Ignored = ignored;
        _notes = notes;
        Mapped = [.. indexes.Values.Distinct().Order()];
    }

    /// <summary>The 0-based indexes of the fields that name a known column: the only fields a record copies.</summary>
    internal int[] Mapped { get; }

    /// <summary>The 1-based line of the header.</summary>
    public int Line { get; }

    /// <summary>
    /// A load protocol holding what was normalised in the header line (names with odd spaces) and, given the file's
    /// <paramref name="head"/>, where the header was found and the separator.
    /// </summary>
    public Loading.NormalisationProtocol Protocol(CsvHead? head = null)
    {
        var protocol = new Loading.NormalisationProtocol();
        head?.Note(protocol);
        foreach (var (index, note) in _notes)
        {
            German.ProtocolNotes.Note(protocol, note, null, Line, _headers[index]);
        }

        return protocol;
    }

    /// <summary>Headers the reader does not know; their fields are not read.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The 0-based field index of <paramref name="column"/>, or -1 when the file lacks it.</summary>
    public int IndexOf(string column) => _indexes.GetValueOrDefault(column, -1);

    /// <summary>The header as the file spells it, for rejected rows (a steward looks for that name); the contract name when absent.</summary>
    public string NameInFile(string column) => _indexes.TryGetValue(column, out var i) ? _headers[i] : column;

    /// <summary>Why the header row is skipped, naming the ignored columns so that they are noted.</summary>
    public string SkipReason => Ignored.Count == 0 ? "Kopfzeile" : $"Kopfzeile (nicht verwendete Spalten: {string.Join(", ", Ignored)})";
}
