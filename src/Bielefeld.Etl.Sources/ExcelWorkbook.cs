using Bielefeld.Etl.Loading;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources;

/// <summary>Opens a delivered workbook (.xlsx or legacy .xls) for reading; a file that is none is refused with a reason.</summary>
internal static class ExcelWorkbook
{
    /// <summary>The open file and its reader; dispose the reader, then the stream.</summary>
    /// <exception cref="ExtractFileException">The file is no readable workbook (<see cref="FileReasons.Unreadable"/>).</exception>
    public static (FileStream Stream, IExcelDataReader Excel) Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            return (stream, ExcelReaderFactory.CreateReader(stream));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            stream.Dispose();
            throw new ExtractFileException(FileReasons.Unreadable, $"{Path.GetFileName(path)}: keine lesbare Excel-Mappe ({ex.Message}).", ex);
        }
    }
}
