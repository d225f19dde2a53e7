using System.Globalization;
using System.Text;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Warehouse;
using CsvHelper;

namespace Bielefeld.Etl.Jobs.Reports;

/// <summary>
/// The rejected-row report for data stewards: a CSV that German Excel opens as it is (UTF-8 with BOM, <c>;</c>,
/// cells that would start a formula neutralised with a leading apostrophe) and a self-contained, printable HTML page
/// (<see cref="StewardReportPage"/>).
/// </summary>
public static class StewardReport
{
    /// <summary>The CSV header, in German as stewards read it.</summary>
    public static IReadOnlyList<string> Header { get; } = ["Datei", "Blatt", "Zeile", "Spalte", "Rohwert", "Grund-Code", "Grund"];

    /// <summary>
    /// The longest base name in UTF-8 bytes: with <c>.html</c> it stays well below the 255 bytes a file name may have
    /// on Linux, Windows and macOS, however long the delivered file's name is.
    /// </summary>
    public const int MaxBaseNameBytes = 200;

    /// <summary>
    /// The file names of a load's report, without extension: <c>abgewiesen_&lt;datei_id&gt;_&lt;file name&gt;</c>, the
    /// file name shortened (never inside a character) to <see cref="MaxBaseNameBytes"/>; the load's number keeps it unique.
    /// </summary>
    public static string BaseName(long fileId, string fileName)
    {
        var prefix = string.Create(CultureInfo.InvariantCulture, $"abgewiesen_{fileId:D6}_");
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var budget = MaxBaseNameBytes - Encoding.UTF8.GetByteCount(prefix);
        var length = stem.Length;
        while (length > 0 && (Encoding.UTF8.GetByteCount(stem.AsSpan(0, length)) > budget || char.IsHighSurrogate(stem[length - 1])))
        {
            length--;
        }

        return prefix + stem[..length];
    }

    /// <summary>Writes the rows as CSV to <paramref name="path"/> (overwritten).</summary>
    public static void WriteCsv(IEnumerable<RejectedRowRecord> rows, string path)
    {
        // Injection = Escape puts ' before a field starting with = + - @ tab or CR (and quotes it): Excel shows it as text.
        using var writer = CsvWriter.ToFile(path, new CsvWriterOptions
        {
            Separator = ';',
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
        });
        writer.WriteHeader([.. Header]);
        foreach (var row in rows)
        {
            writer.WriteRecord([row.Datei, row.Blatt, row.Zeile.ToString(CultureInfo.InvariantCulture), row.Spalte, row.Rohwert, row.GrundCode, row.Grund]);
        }
    }

    /// <summary>Writes the rows as a self-contained HTML page to <paramref name="path"/> (overwritten), titled <paramref name="title"/> (e.g. the file name).</summary>
    public static void WriteHtml(IReadOnlyCollection<RejectedRowRecord> rows, string title, DateTimeOffset created, string path) =>
        File.WriteAllText(path, PageRenderer.Render<StewardReportPage>(new { Rows = rows, Title = title, Created = created }),
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
