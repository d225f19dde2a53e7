using System.Globalization;
using System.Net;
using System.Text;
using Bielefeld.Etl.Warehouse;
using CsvHelper;

namespace Bielefeld.Etl.Jobs.Reports;

/// <summary>
/// The rejected-row report for data stewards: a CSV that German Excel opens as it is (UTF-8 with BOM, <c>;</c>,
/// cells that would start a formula neutralised with a leading apostrophe) and a self-contained, printable HTML page
/// with every value escaped.
/// </summary>
public static class StewardReport
{
    /// <summary>The CSV header, in German as stewards read it.</summary>
    public static IReadOnlyList<string> Header { get; } = ["Datei", "Blatt", "Zeile", "Spalte", "Rohwert", "Grund-Code", "Grund"];

    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

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

    /// <summary>Writes the rows as a self-contained HTML page to <paramref name="path"/> (overwritten).</summary>
    /// <param name="rows">The rejected rows.</param>
    /// <param name="title">The page title, e.g. the file name.</param>
    /// <param name="created">When the report was made, shown in the page.</param>
    /// <param name="path">The target file.</param>
    public static void WriteHtml(IReadOnlyCollection<RejectedRowRecord> rows, string title, DateTimeOffset created, string path)
    {
        var html = new StringBuilder();
        html.Append("""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            """);
        html.Append(German, $"<title>Abgewiesene Zeilen – {E(title)}</title>\n");
        html.Append("""
            <style>
            body { font-family: "Segoe UI", Arial, sans-serif; font-size: 10.5pt; margin: 1.5em; color: #1a1a1a; }
            h1 { font-size: 15pt; margin-bottom: .2em; }
            p.meta { color: #555; margin-top: 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border: 1px solid #bbb; padding: .3em .5em; text-align: left; vertical-align: top; }
            th { background: #e8eef5; }
            tr:nth-child(even) td { background: #f7f7f7; }
            td.num { text-align: right; white-space: nowrap; }
            td.code, td.raw { font-family: Consolas, "Courier New", monospace; white-space: pre-wrap; word-break: break-all; }
            @media print { body { margin: 0; font-size: 9pt; } thead { display: table-header-group; } tr { page-break-inside: avoid; } th { background: none; } }
            </style>
            </head>
            <body>
            """);
        html.Append(German, $"<h1>Abgewiesene Zeilen – {E(title)}</h1>\n");
        html.Append(German, $"<p class=\"meta\">{rows.Count:N0} abgewiesene Zeilen · erstellt am {BerlinTime.Stamp(created)} · ");
        html.Append("Bitte die genannten Zellen in der Datei korrigieren und die Datei erneut in den Eingang legen; die Bedeutung jedes Grund-Codes steht in docs/reason-codes.md.</p>\n");
        html.Append("<table>\n<thead><tr>");
        foreach (var column in Header)
        {
            html.Append(German, $"<th>{E(column)}</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in rows)
        {
            html.Append(German,
                $"<tr><td>{E(row.Datei)}</td><td>{E(row.Blatt)}</td><td class=\"num\">{row.Zeile}</td><td>{E(row.Spalte)}</td><td class=\"raw\">{E(row.Rohwert)}</td><td class=\"code\">{E(row.GrundCode)}</td><td>{E(row.Grund)}</td></tr>\n");
        }

        if (rows.Count == 0)
        {
            html.Append("<tr><td colspan=\"7\">Keine abgewiesenen Zeilen.</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</body>\n</html>\n");
        File.WriteAllText(path, html.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
