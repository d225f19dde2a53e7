namespace Bielefeld.Etl.Synthetic;

/// <summary>The rows a reader must report for a generated file: every row is exactly one of loaded, rejected, skipped.</summary>
/// <param name="Read">Rows the reader accounts for (header and title rows included).</param>
/// <param name="Loaded">Rows accepted.</param>
/// <param name="Rejected">Rows rejected: the deliberately bad ones.</param>
/// <param name="Skipped">Rows without data: header, title block, blank and remark rows.</param>
public readonly record struct ExpectedCounts(long Read, long Loaded, long Rejected, long Skipped)
{
    /// <summary>The counts of two files together.</summary>
    public static ExpectedCounts operator +(ExpectedCounts a, ExpectedCounts b) =>
        new(a.Read + b.Read, a.Loaded + b.Loaded, a.Rejected + b.Rejected, a.Skipped + b.Skipped);

    /// <summary>The counts of two files together (named alternative of <c>+</c>).</summary>
    public static ExpectedCounts Add(ExpectedCounts left, ExpectedCounts right) => left + right;
}

/// <summary>A file an <see cref="IExtractGenerator"/> wrote, with the counts its reader must report.</summary>
/// <param name="Path">The file.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="DataRows">The generated data rows in it (what <c>--rows</c> counts).</param>
/// <param name="Expected">What the source's reader must report for it.</param>
public sealed record GeneratedFile(string Path, long Bytes, long DataRows, ExpectedCounts Expected);

/// <summary>
/// Writes synthetic extracts of one source in its contract format at any scale, deterministic from a seed (same seed,
/// same bytes), with a known share of deliberately bad rows so that a load rejects an exact, predictable number.
/// Record-level sources get synthetic records only: made-up ids, no real persons or cases.
/// </summary>
public interface IExtractGenerator
{
    /// <summary>The source's short name on the bench's command line (<c>rekom</c>).</summary>
    string Source { get; }

    /// <summary>The inbox folder of the source's pipeline (the <c>inbox:</c> of pipelines/&lt;name&gt;.yml).</summary>
    string Inbox { get; }

    /// <summary>The data rows to write over all files (header and title rows not counted).</summary>
    long Rows { get; }

    /// <summary>Writes the files into <paramref name="directory"/> (created if missing); returns them in file order.</summary>
    IReadOnlyList<GeneratedFile> Write(string directory);
}

/// <summary>Which generated rows are deliberately bad: every <c>badEvery</c>-th data row (1-based), so exactly ⌊rows / badEvery⌋.</summary>
public static class BadRows
{
    /// <summary>One row in ten thousand (0.01 %) by default.</summary>
    public const int DefaultEvery = 10_000;

    /// <summary>Whether the 0-based data row <paramref name="index"/> is bad.</summary>
    public static bool IsBad(long index, int every) => every > 0 && (index + 1) % every == 0;

    /// <summary>How many of <paramref name="rows"/> data rows are bad.</summary>
    public static long Count(long rows, int every) => every > 0 ? rows / every : 0;

    /// <summary>How many bad rows fall into the data rows [<paramref name="first"/>, <paramref name="first"/> + <paramref name="rows"/>).</summary>
    public static long Count(long first, long rows, int every) => Count(first + rows, every) - Count(first, every);
}
