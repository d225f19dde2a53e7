namespace Bielefeld.Etl.Synthetic;

/// <summary>
/// What the CSV generators share: the rows are split into files of at most <see cref="SyntheticCsv.MaxRowsPerFile"/>
/// (half the readers' row limit), one random sequence runs through all of them so the same seed writes the same bytes,
/// and every file's expected counts follow from its share of deliberately bad rows (one header row, skipped).
/// </summary>
public abstract class CsvExtractGenerator : IExtractGenerator
{
    /// <summary>Creates a generator.</summary>
    /// <param name="rows">Data rows over all files.</param>
    /// <param name="seed">The same seed writes the same bytes.</param>
    /// <param name="badEvery">Every this-many-th data row is deliberately bad; 0 for none.</param>
    protected CsvExtractGenerator(long rows, int seed, int badEvery)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(badEvery);
        Rows = rows;
        Seed = seed;
        BadEvery = badEvery;
    }

    /// <inheritdoc />
    public abstract string Source { get; }

    /// <inheritdoc />
    public string Inbox => Source;

    /// <inheritdoc />
    public long Rows { get; }

    /// <summary>The seed.</summary>
    public int Seed { get; }

    /// <summary>Every this-many-th data row is bad.</summary>
    public int BadEvery { get; }

    /// <summary>
    /// The real-export forms to write: of <see cref="SpreadsheetVariant"/>, CSV files take
    /// <see cref="SpreadsheetVariant.LabelSpaces"/> (each header name with a leading space and a trailing non-breaking space)
    /// and <see cref="SpreadsheetVariant.HeaderMoved"/> (a title line and a blank line above the header).
    /// </summary>
    public SpreadsheetVariant Variant { get; init; }

    /// <inheritdoc />
    public IReadOnlyList<GeneratedFile> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var random = new Random(Seed);
        var files = new List<GeneratedFile>();
        long first = 0;
        foreach (var rows in SyntheticCsv.Split(Rows))
        {
            var path = Path.Combine(directory, FileNameOf(files.Count));
            WriteFile(path, files.Count, first, rows, random);
            var bad = BadRows.Count(first, rows, BadEvery);
            var head = 1 + TitleLines.Length;
            files.Add(new GeneratedFile(path, new FileInfo(path).Length, rows, new ExpectedCounts(rows + head, rows - bad, bad, head)));
            first += rows;
        }

        return files;
    }

    /// <summary>
    /// The lines above the header in the <see cref="Variant"/>'s form: with <see cref="SpreadsheetVariant.HeaderMoved"/>
    /// a title line and a blank line, as reporting modules export them; none otherwise.
    /// </summary>
    protected string[] TitleLines => Variant.HasFlag(SpreadsheetVariant.HeaderMoved) ? [$"Export {Source} aus dem Fachverfahren", ""] : [];

    /// <summary>Writes the title lines (<see cref="TitleLines"/>) and the header line.</summary>
    protected void WriteHead(TextWriter writer, string header)
    {
        foreach (var line in TitleLines)
        {
            writer.WriteLine(line);
        }

        writer.WriteLine(HeaderLine(header));
    }

    /// <summary>The header line as written, in the <see cref="Variant"/>'s form.</summary>
    protected string HeaderLine(string header) =>
        Variant.HasFlag(SpreadsheetVariant.LabelSpaces)
            ? string.Join(';', (header ?? "").Split(';').Select(name => " " + name + "\u00A0"))
            : header ?? "";

    /// <summary>The name of the 0-based file <paramref name="fileIndex"/> (the newest delivery first).</summary>
    protected abstract string FileNameOf(int fileIndex);

    /// <summary>Writes the data rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="rows"/>) as the file <paramref name="fileIndex"/>.</summary>
    protected abstract void WriteFile(string path, int fileIndex, long first, long rows, Random random);
}
