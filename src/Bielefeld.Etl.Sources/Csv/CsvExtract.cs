using System.Buffers;
using System.Globalization;
using System.Text;
using CsvHelper;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// How every reader here reads a delivered CSV file once its head is found (<see cref="CsvHead"/>): empty lines kept so
/// that every line is accounted for, and line numbers tracked so that rejected rows name the line a steward sees in an
/// editor.
/// </summary>
public static class CsvExtract
{
    /// <summary>The ASCII characters <see cref="char.IsWhiteSpace(char)"/> calls white space, taken from it rather than listed.</summary>
    private static readonly SearchValues<byte> AsciiWhiteSpace =
        SearchValues.Create([.. Enumerable.Range(0, 128).Where(c => char.IsWhiteSpace((char)c)).Select(c => (byte)c)]);

    /// <summary>
    /// The options every reader here reads a delivered file with: empty lines kept and line numbers tracked (so that
    /// every line is accounted for), fields trimmed, no values in exception messages, records bounded.
    /// </summary>
    /// <param name="encoding">The file's encoding (<see cref="ExtractEncoding"/>).</param>
    /// <param name="separator">The separator; null to detect it from the first lines.</param>
    /// <param name="hasHeader">Whether the first line is the header.</param>
    public static CsvReaderOptions Options(System.Text.Encoding encoding, char? separator, bool hasHeader) => new()
    {
        Encoding = encoding,
        Separator = separator,
        HasHeader = hasHeader,
        SkipEmptyLines = false,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        IncludeValuesInExceptions = false,
        MaxRecordSize = Limits.ExtractLimits.Default.MaxRecordBytes,
    };

    /// <summary>Whether every field of the reader's record is empty or white space (as <see cref="string.IsNullOrWhiteSpace"/> says), without decoding ASCII fields.</summary>
    public static bool IsBlank(CsvReader reader)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var bytes = reader.GetSpan(i);
            if (bytes.IsEmpty)
            {
                continue;
            }

            // Almost every field of a data row starts with a printable ASCII character, which is no white space.
            if (bytes[0] is > 0x20 and < 0x7F)
            {
                return false;
            }

            var blank = Ascii.IsValid(bytes) ? bytes.IndexOfAnyExcept(AsciiWhiteSpace) < 0 : string.IsNullOrWhiteSpace(reader.GetString(i));
            if (!blank)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses the file when a record has more fields than <see cref="Limits.ExtractLimits.MaxColumns"/>.</summary>
    /// <exception cref="Loading.ExtractFileException">Too many fields (<see cref="Limits.ExtractLimitReasons.TooManyColumns"/>).</exception>
    public static void CheckFieldCount(int fieldCount, long line, string fileName)
    {
        var max = Limits.ExtractLimits.Default.MaxColumns;
        if (fieldCount > max)
        {
            throw new Loading.ExtractFileException(Limits.ExtractLimitReasons.TooManyColumns, string.Create(CultureInfo.InvariantCulture,
                $"{fileName}: Zeile {line} hat {fieldCount} Felder (höchstens {max}); die Datei wird nicht gelesen."));
        }
    }
}
