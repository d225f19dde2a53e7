using System.Globalization;
using System.Text;

namespace Bielefeld.Etl.Synthetic;

/// <summary>What the CSV generators share: encodings, German dates, splitting into files below the readers' row limit.</summary>
internal static class SyntheticCsv
{
    /// <summary>Data rows per file at most: half the readers' limit of 10 million rows per CSV file.</summary>
    public const long MaxRowsPerFile = 5_000_000;

    static SyntheticCsv() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, as older exports are encoded.</summary>
    public static Encoding Windows1252 { get; } = GetWindows1252();

    /// <summary>UTF-8 with byte order mark.</summary>
    public static Encoding Utf8Bom { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    /// <summary>A date as the contracts write it (<c>dd.MM.yyyy</c>).</summary>
    public static string German(DateOnly date) => date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    /// <summary>A random day in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static DateOnly Day(Random random, DateOnly from, DateOnly to) =>
        to <= from ? from : DateOnly.FromDayNumber(from.DayNumber + random.Next(to.DayNumber - from.DayNumber + 1));

    /// <summary>The earlier of two dates.</summary>
    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>Data rows of each file when <paramref name="rows"/> are split into files of at most <see cref="MaxRowsPerFile"/>.</summary>
    public static IEnumerable<long> Split(long rows)
    {
        do
        {
            var take = Math.Min(rows, MaxRowsPerFile);
            yield return take;
            rows -= take;
        }
        while (rows > 0);
    }

    /// <summary>A writer for a generated file with a large buffer.</summary>
    public static StreamWriter Create(string path, Encoding encoding, string newLine)
    {
        var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        return new StreamWriter(stream, encoding, 1 << 16) { NewLine = newLine };
    }

    private static Encoding GetWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
