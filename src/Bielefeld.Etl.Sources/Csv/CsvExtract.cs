using System.Globalization;
using CsvHelper;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// Opens a delivered CSV file the way every reader here wants it: encoding detected (<see cref="ExtractEncoding"/>),
/// separator detected (<c>;</c> or <c>,</c>), one header row, empty lines kept so that every line is accounted for,
/// and line numbers tracked so that rejected rows name the line a steward sees in an editor (header = line 1).
/// </summary>
public static class CsvExtract
{
    /// <summary>Opens <paramref name="path"/>; nothing is read until the header is asked for.</summary>
    public static CsvReader Open(string path) => CsvReader.FromFile(path, Options(ExtractEncoding.Detect(path), null, hasHeader: true));

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

    /// <summary>
    /// Reads the header of an opened file: an unreadable head (not CSV at all, binary garbage) becomes a file-level
    /// <see cref="Loading.FileReasons.Unreadable"/> error.
    /// </summary>
    public static IReadOnlyList<string> ReadHeader(CsvReader reader, string fileName)
    {
        IReadOnlyList<string> headers;
        try
        {
            headers = reader.Headers;
        }
        catch (CsvFormatException ex) when (ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            throw new Loading.ExtractFileException(Limits.ExtractLimitReasons.RecordTooLong, $"{fileName}: die Kopfzeile ist länger als erlaubt ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException or ArgumentException)
        {
            throw new Loading.ExtractFileException(Loading.FileReasons.Unreadable, $"{fileName}: keine lesbare CSV-Kopfzeile ({ex.Message}).", ex);
        }

        CheckFieldCount(headers.Count, 1, fileName);
        return headers;
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
