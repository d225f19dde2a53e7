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
    public static CsvReader Open(string path) =>
        CsvReader.FromFile(path, new CsvReaderOptions
        {
            Encoding = ExtractEncoding.Detect(path),
            Separator = null,
            HasHeader = true,
            SkipEmptyLines = false,
            TrackLineNumbers = true,
            TrimWhitespace = true,
            IncludeValuesInExceptions = false,
        });

    /// <summary>
    /// Reads the header of an opened file: an unreadable head (not CSV at all, binary garbage) becomes a file-level
    /// <see cref="Loading.FileReasons.Unreadable"/> error.
    /// </summary>
    public static IReadOnlyList<string> ReadHeader(CsvReader reader, string fileName)
    {
        try
        {
            return reader.Headers;
        }
        catch (Exception ex) when (ex is CsvFormatException or InvalidOperationException or ArgumentException)
        {
            throw new Loading.ExtractFileException(Loading.FileReasons.Unreadable, $"{fileName}: keine lesbare CSV-Kopfzeile ({ex.Message}).", ex);
        }
    }
}
