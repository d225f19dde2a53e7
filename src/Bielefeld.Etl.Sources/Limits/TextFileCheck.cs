using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Limits;

/// <summary>
/// Scans a delivered text file once, before any reader decodes it, for what no contract's file has: NUL bytes, a line
/// longer than <see cref="ExtractLimits.MaxRecordBytes"/>, a line with more separators than
/// <see cref="ExtractLimits.MaxColumns"/>. Streaming, in 64 KiB blocks: memory stays flat whatever the file.
/// </summary>
public static class TextFileCheck
{
    /// <summary>
    /// Refuses <paramref name="path"/> when it is past a limit, naming the line. A UTF-16 file (byte order mark FF FE
    /// or FE FF) is not checked: NUL bytes are part of its encoding, and the CSV reader refuses it itself.
    /// </summary>
    /// <exception cref="ExtractFileException">A NUL byte, a line too long, or too many separators in a line.</exception>
    public static void Check(string path, ExtractLimits limits)
    {
        var fileName = Path.GetFileName(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var buffer = new byte[1 << 16];
        long line = 1, length = 0;
        int semicolons = 0, commas = 0;
        var first = true;
        var window = (int)Math.Min(limits.MaxColumns, (long)limits.MaxRecordBytes + 1);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var chunk = buffer.AsSpan(0, read);
            if (first && read >= 2 && ((chunk[0] == 0xFF && chunk[1] == 0xFE) || (chunk[0] == 0xFE && chunk[1] == 0xFF)))
            {
                return;
            }

            first = false;
            // Line by line with vectorised searches. A line shorter than MaxColumns bytes cannot have MaxColumns
            // separators, so its separators are counted only when it is long or runs on into the next block (then the
            // counts carry over). A line that may be past a limit is walked byte by byte, so the first offending byte
            // decides the reason exactly as a plain scan would.
            var clean = !chunk.Contains((byte)0);
            while (!chunk.IsEmpty)
            {
                // At a line's start, every line that ends inside the next `window` bytes is shorter than both limits:
                // those lines are passed in one step (the last newline in the window, their count), not one by one.
                if (clean && length == 0 && chunk[..Math.Min(window, chunk.Length)].LastIndexOf((byte)'\n') is var last and >= 0)
                {
                    line += chunk[..(last + 1)].Count((byte)'\n');
                    chunk = chunk[(last + 1)..];
                    continue;
                }

                var end = chunk.IndexOf((byte)'\n');
                var segment = end < 0 ? chunk : chunk[..end];
                if (clean && end >= 0 && length + segment.Length < limits.MaxColumns && length + segment.Length <= limits.MaxRecordBytes)
                {
                    line++;
                    length = semicolons = commas = 0;
                    chunk = chunk[(end + 1)..];
                    continue;
                }

                var addSemicolons = segment.Count((byte)';');
                var addCommas = segment.Count((byte)',');
                if ((!clean && segment.Contains((byte)0)) || length + segment.Length > limits.MaxRecordBytes
                    || Math.Max(semicolons + addSemicolons, commas + addCommas) >= limits.MaxColumns)
                {
                    foreach (var b in segment)
                    {
                        Step(b, fileName, line, ref length, ref semicolons, ref commas, limits);
                    }
                }
                else
                {
                    length += segment.Length;
                    semicolons += addSemicolons;
                    commas += addCommas;
                }

                if (end < 0)
                {
                    break;
                }

                line++;
                length = semicolons = commas = 0;
                chunk = chunk[(end + 1)..];
            }
        }
    }

    private static void Step(byte b, string fileName, long line, ref long length, ref int semicolons, ref int commas, ExtractLimits limits)
    {
        switch (b)
        {
            case 0:
                throw new ExtractFileException(ExtractLimitReasons.NulByte,
                    $"{fileName}: NUL-Byte in Zeile {Number(line)}; die Datei ist binär oder bei der Übertragung beschädigt und wird nicht gelesen.");
            case (byte)';':
                semicolons++;
                break;
            case (byte)',':
                commas++;
                break;
        }

        if (++length > limits.MaxRecordBytes)
        {
            throw new ExtractFileException(ExtractLimitReasons.RecordTooLong,
                $"{fileName}: Zeile {Number(line)} ist länger als {Number(limits.MaxRecordBytes)} Byte; die Datei wird nicht gelesen.");
        }

        if (Math.Max(semicolons, commas) >= limits.MaxColumns)
        {
            throw new ExtractFileException(ExtractLimitReasons.TooManyColumns,
                $"{fileName}: Zeile {Number(line)} hat mehr als {Number(limits.MaxColumns)} Felder; die Datei wird nicht gelesen.");
        }
    }

    private static string Number(long value) => value.ToString("N0", GermanValues.Culture);
}
