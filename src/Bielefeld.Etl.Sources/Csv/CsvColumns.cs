namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// The columns a reader knows, under their contract names, and the other spellings (aliases) that the pipeline file
/// maps onto them. Built once at start-up; <see cref="Resolve"/> then matches each file's header against it.
/// Matching ignores case and white space as people type it (non-breaking, doubled, leading and trailing spaces, see
/// <see cref="German.GermanLabel"/>), each such header noted for the load protocol; nothing else is guessed.
/// </summary>
public sealed class CsvColumns
{
    private readonly Dictionary<string, string> _columnBySpelling;

    private CsvColumns(IReadOnlyList<string> names, Dictionary<string, string> columnBySpelling)
    {
        Names = names;
        _columnBySpelling = columnBySpelling;
    }

    /// <summary>The contract names of the known columns.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Creates the column set. <paramref name="aliases"/> maps a contract name to other spellings; problems (an alias of
    /// an unknown column, an alias given to two columns) are added to <paramref name="problems"/> for the start-up check.
    /// </summary>
    public static CsvColumns Create(IReadOnlyList<string> names, IReadOnlyDictionary<string, List<string>>? aliases, List<string> problems)
    {
        var bySpelling = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            bySpelling[name.Trim()] = name;
        }

        foreach (var (column, spellings) in aliases ?? new Dictionary<string, List<string>>())
        {
            var known = names.FirstOrDefault(n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                problems.Add($"Alias für die unbekannte Spalte '{column}' (bekannt: {string.Join(", ", names)})");
                continue;
            }

            foreach (var spelling in spellings)
            {
                if (bySpelling.TryGetValue(spelling.Trim(), out var other) && other != known)
                {
                    problems.Add($"'{spelling}' ist sowohl Spalte {other} als auch Alias von {known}");
                }

                bySpelling[spelling.Trim()] = known;
            }
        }

        return new CsvColumns(names, bySpelling);
    }

    /// <summary>
    /// Whether <paramref name="fields"/> can be the file's header: every one of <paramref name="required"/> is named
    /// (under its contract name or an alias). Used to find the header line among the first lines (<see cref="CsvHead"/>).
    /// </summary>
    public bool IsHeader(IReadOnlyList<string> fields, IEnumerable<string> required)
    {
        var named = fields.Select(f => _columnBySpelling.GetValueOrDefault(German.GermanLabel.Normalise(f))).OfType<string>().ToHashSet(StringComparer.Ordinal);
        return required.All(named.Contains);
    }

    /// <summary>Finds the header of the file at <paramref name="path"/> (<see cref="CsvHead.Find"/>) and matches it (<see cref="Resolve"/>).</summary>
    /// <exception cref="Loading.ExtractFileException">No header, two candidate header lines, a required column missing or named twice.</exception>
    public (CsvHead Head, CsvHeader Header) Find(string path, IReadOnlyList<string> required, string fileName)
    {
        var head = CsvHead.Find(path, fileName, fields => IsHeader(fields, required), fields => Resolve(fields, required, fileName));
        return (head, Resolve(head.Fields, required, fileName, head.Line));
    }

    /// <summary>
    /// Matches a file's header: each known column gets the index of the header that names it. Unknown headers are
    /// ignored (and listed); a known column named twice is a file-level error, and so is a missing one of
    /// <paramref name="required"/>.
    /// </summary>
    /// <exception cref="Loading.ExtractFileException">A required column is missing or a column is named twice.</exception>
    public CsvHeader Resolve(IReadOnlyList<string> headers, IEnumerable<string> required, string fileName, int line = 1)
    {
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var ignored = new List<string>();
        var notes = new List<(int Index, German.Normalisation Note)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = German.GermanLabel.Read(headers[i], out var note);
            if (header.Length == 0 && i == headers.Count - 1)
            {
                continue; // a trailing separator in the header line
            }

            if (!_columnBySpelling.TryGetValue(header, out var column))
            {
                ignored.Add(header);
                continue;
            }

            if (note is not null)
            {
                notes.Add((i, note));
            }

            if (!indexes.TryAdd(column, i))
            {
                throw new Loading.ExtractFileException(CsvReasons.ColumnAmbiguous,
                    $"{fileName}: die Spalten '{German.GermanLabel.Normalise(headers[indexes[column]])}' und '{header}' bedeuten beide '{column}'; welche gilt, wäre geraten.");
            }
        }

        var missing = required.Where(c => !indexes.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new Loading.ExtractFileException(CsvReasons.ColumnMissing,
                $"{fileName}: die Spalte{(missing.Count > 1 ? "n" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))} fehl{(missing.Count > 1 ? "en" : "t")} in der Kopfzeile "
                + $"(gefunden: {string.Join(", ", headers.Select(h => h.Trim()))}); eine umbenannte Spalte wird in der Pipeline-Definition als Alias eingetragen.");
        }

        return new CsvHeader(indexes, headers.Select(h => German.GermanLabel.Normalise(h)).ToList(), ignored, notes, line);
    }
}
