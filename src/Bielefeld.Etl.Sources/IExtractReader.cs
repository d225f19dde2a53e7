using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources;

/// <summary>Reads the extract files of one source format.</summary>
public interface IExtractReader
{
    /// <summary>Opens <paramref name="path"/> and checks its head (sheet, title block, header row).</summary>
    /// <exception cref="Loading.ExtractFileException">The file cannot be read without guessing.</exception>
    ExtractReading Open(string path);
}
