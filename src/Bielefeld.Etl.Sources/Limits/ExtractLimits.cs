namespace Bielefeld.Etl.Sources.Limits;

/// <summary>
/// How much of a delivered file a reader will look at before it refuses the file: the one place for the limits that
/// keep a broken or hostile file (a zip bomb named <c>.xlsx</c>, a 100 MB line, a million columns) from exhausting
/// memory or time. Every limit lies far above what a contract's file ever needs: the largest sample is a few hundred
/// rows of a few dozen columns. A file past a limit is refused with an <see cref="ExtractLimitReasons"/> code; it is
/// kept, never lost.
/// </summary>
public sealed record ExtractLimits
{
    /// <summary>The limits every reader uses.</summary>
    public static ExtractLimits Default { get; } = new();

    /// <summary>The longest CSV record, in bytes (1 MiB; a contract's line has well under 1 KiB).</summary>
    public int MaxRecordBytes { get; init; } = 1 << 20;

    /// <summary>The most fields a CSV record or header may have (1 000; the widest contract has 30).</summary>
    public int MaxColumns { get; init; } = 1_000;

    /// <summary>The most rows read from one sheet of a workbook (100 000; a KAF sheet has about 30).</summary>
    public int MaxSheetRows { get; init; } = 100_000;

    /// <summary>The most rows read from one CSV file (10 million; streaming keeps memory flat below that).</summary>
    public int MaxCsvRows { get; init; } = 10_000_000;

    /// <summary>The most entries an .xlsx archive may have (10 000).</summary>
    public int MaxWorkbookEntries { get; init; } = 10_000;

    /// <summary>The most bytes an .xlsx archive may unpack to, all entries together (256 MiB).</summary>
    public long MaxWorkbookUnpackedBytes { get; init; } = 256L << 20;

    /// <summary>
    /// The most bytes the shared strings of an .xlsx (<c>xl/sharedStrings.xml</c>) may unpack to (16 MiB; a KAF
    /// workbook has a few KiB). Sheets are read as a stream, but ExcelDataReader holds every shared string in memory
    /// for the whole reading, at two to three times their XML size: 250 MiB of them, within every other limit, took
    /// 631 MB.
    /// </summary>
    public long MaxSharedStringsBytes { get; init; } = 16L << 20;

    /// <summary>
    /// The highest unpacked-to-packed ratio of an .xlsx entry larger than <see cref="RatioCheckedFromBytes"/> (100;
    /// sheet XML compresses 10 to 30 times, a zip bomb thousands of times).
    /// </summary>
    public int MaxCompressionRatio { get; init; } = 100;

    /// <summary>Entries below this unpacked size (1 MiB) are not checked for their ratio: small, so harmless.</summary>
    public long RatioCheckedFromBytes { get; init; } = 1L << 20;
}
