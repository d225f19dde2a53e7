using System.IO.Compression;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Limits;

/// <summary>
/// Checks an .xlsx file's zip archive before ExcelDataReader unpacks it: number of entries, unpacked size,
/// compression ratio and the size of the shared strings (which the reader holds in memory) from the central directory. The declared sizes are binding: .NET's zip reader stops an entry at
/// its declared length, so an entry cannot unpack to more than the directory says.
/// </summary>
public static class WorkbookArchive
{
    /// <summary>Refuses <paramref name="path"/> when its archive is unreadable or past the <paramref name="limits"/>.</summary>
    /// <exception cref="ExtractFileException">Not a zip archive, or past a limit (<see cref="ExtractLimitReasons.WorkbookTooLarge"/>).</exception>
    public static void Check(string path, ExtractLimits limits)
    {
        var fileName = Path.GetFileName(path);
        try
        {
            using var archive = ZipFile.OpenRead(path);
            CheckEntries(archive, fileName, limits);
        }
        catch (InvalidDataException ex)
        {
            throw new ExtractFileException(FileReasons.Unreadable, $"{fileName}: keine lesbare Excel-Mappe (kein gültiges ZIP-Archiv: {ex.Message}).", ex);
        }
    }

    private static void CheckEntries(ZipArchive archive, string fileName, ExtractLimits limits)
    {
        {
            if (archive.Entries.Count > limits.MaxWorkbookEntries)
            {
                throw TooLarge(fileName, $"{Number(archive.Entries.Count)} Einträge im Archiv (höchstens {Number(limits.MaxWorkbookEntries)})");
            }

            long unpacked = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.Length >= limits.RatioCheckedFromBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(entry.CompressedLength, 1))
                {
                    throw TooLarge(fileName,
                        $"der Eintrag '{entry.FullName}' ist {Number(entry.Length / Math.Max(entry.CompressedLength, 1))}-fach gepackt (höchstens {Number(limits.MaxCompressionRatio)}-fach): das Muster einer Zip-Bombe");
                }

                // ExcelDataReader's own name for the part (xl/sharedStrings.xml, .bin in .xlsb), whatever the relationships say.
                if (entry.FullName.StartsWith("xl/sharedStrings.", StringComparison.OrdinalIgnoreCase) && entry.Length > limits.MaxSharedStringsBytes)
                {
                    throw new ExtractFileException(ExtractLimitReasons.SharedStringsTooLarge,
                        $"{fileName}: die Texte der Mappe ('{entry.FullName}') entpacken sich zu {Number(entry.Length >> 20)} MiB (höchstens {Number(limits.MaxSharedStringsBytes >> 20)} MiB), "
                        + "und sie alle müssten beim Lesen im Speicher liegen; die Mappe wird nicht geöffnet.");
                }

                unpacked += entry.Length;
                if (unpacked > limits.MaxWorkbookUnpackedBytes)
                {
                    throw TooLarge(fileName, $"entpackt mehr als {Number(limits.MaxWorkbookUnpackedBytes >> 20)} MiB (bei '{entry.FullName}')");
                }
            }
        }
    }

    private static ExtractFileException TooLarge(string fileName, string detail) =>
        new(ExtractLimitReasons.WorkbookTooLarge, $"{fileName}: {detail}; die Mappe wird nicht geöffnet.");

    private static string Number(long value) => value.ToString("N0", GermanValues.Culture);
}
