using System.Globalization;
using System.Text;
using Bielefeld.Etl.Loading;
using CsvHelper;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// Where a delivered CSV file's header line is, found by its content within the first lines (title lines, an export
/// note or Excel's <c>sep=;</c> line above it are skipped with their reason), and the separator that header is written
/// with. A file where no line, or more than one, looks like the header is refused: which line holds it would be guessed.
/// </summary>
public sealed class CsvHead
{
    /// <summary>How far down the header is looked for: as in workbooks, a title block of up to 19 lines.</summary>
    public const int SearchLines = Workbooks.SheetHead.SearchRows;

    /// <summary>The separators a header may be written with, the contracts' <c>;</c> first.</summary>
    private static readonly char[] Separators = [';', ',', '\t', '|'];

    private readonly IReadOnlyList<bool> _preambleBlank;

    private CsvHead(int line, char separator, Encoding encoding, bool byteOrderMark, IReadOnlyList<string> fields, IReadOnlyList<bool> preambleBlank)
    {
        Line = line;
        Separator = separator;
        Encoding = encoding;
        ByteOrderMark = byteOrderMark;
        Fields = fields;
        _preambleBlank = preambleBlank;
    }

    /// <summary>The 1-based line of the header, as an editor shows it.</summary>
    public int Line { get; }

    /// <summary>The separator of the header line, used for the whole file.</summary>
    public char Separator { get; }

    /// <summary>The file's encoding (<see cref="ExtractEncoding"/>).</summary>
    public Encoding Encoding { get; }

    /// <summary>Whether the file starts with a UTF-8 byte order mark.</summary>
    public bool ByteOrderMark { get; }

    /// <summary>The header's fields as written (trimmed of ordinary spaces by the parser only).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>The encoding as a steward names it: <c>UTF-8 mit BOM</c>, <c>UTF-8 ohne BOM</c>, <c>Windows-1252</c>.</summary>
    public string EncodingName => Encoding.CodePage == ExtractEncoding.Windows1252.CodePage ? "Windows-1252"
        : Encoding.CodePage == Encoding.UTF8.CodePage ? (ByteOrderMark ? "UTF-8 mit BOM" : "UTF-8 ohne BOM")
        : Encoding.WebName;

    /// <summary>
    /// Finds the header among the first <see cref="SearchLines"/> lines: the one line that <paramref name="isHeader"/>
    /// accepts when split at one of <c>; , Tab |</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="fileName">For messages.</param>
    /// <param name="isHeader">Whether a line's fields are the header (e.g. every required column is named).</param>
    /// <param name="explain">
    /// Called when no line is the header, with the fields of the line that has the most: throws the reader's own refusal naming
    /// what that line lacks (e.g. <see cref="CsvReasons.ColumnMissing"/>); the search is added to its message.
    /// </param>
    /// <exception cref="ExtractFileException">No header, or two candidate header lines (<see cref="FileReasons.UnexpectedHead"/>).</exception>
    public static CsvHead Find(string path, string fileName, Func<IReadOnlyList<string>, bool> isHeader, Action<IReadOnlyList<string>> explain)
    {
        var encoding = ExtractEncoding.Detect(path);
        var (lines, bom) = FirstLines(path, encoding, fileName);
        var candidates = new List<(int Line, char Separator, string[] Fields)>();
        for (var i = 0; i < lines.Count; i++)
        {
            foreach (var separator in Separators)
            {
                var fields = Split(lines[i], separator);
                if (fields.Length > 1 && isHeader(fields))
                {
                    candidates.Add((i + 1, separator, fields));
                    break;
                }
            }
        }

        if (candidates.Count > 1)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                $"{fileName}: die Zeilen {string.Join(" und ", candidates.Select(c => c.Line.ToString(CultureInfo.InvariantCulture)))} kommen beide als Kopfzeile in Frage; welche gilt, wäre geraten.");
        }

        if (candidates.Count == 0)
        {
            throw NoHeader(lines, fileName, explain);
        }

        var (line, chosen, header) = candidates[0];
        CsvExtract.CheckFieldCount(header.Length, line, fileName);
        return new CsvHead(line, chosen, encoding, bom, header, [.. lines.Take(line - 1).Select(string.IsNullOrWhiteSpace)]);
    }

    /// <summary>
    /// Opens the file for its data: the reader stands on the header line, so that the next <see cref="CsvReader.Read"/>
    /// gives the first line after it. Line numbers count every line of the file, the skipped ones above the header too.
    /// </summary>
    public CsvReader OpenData(string path)
    {
        var reader = CsvReader.FromFile(path, CsvExtract.Options(Encoding, Separator, hasHeader: false));
        try
        {
            while (reader.LineNumber < Line && reader.Read())
            {
                // the lines above the header and the header itself; SkippedHead accounts for them
            }

            return reader;
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The lines above the header and the header itself, as skipped rows with their reason.</summary>
    public IEnumerable<SourceRow> SkippedHead(string headerReason)
    {
        for (var i = 0; i < _preambleBlank.Count; i++)
        {
            yield return new SourceRow.Skipped(i + 1, _preambleBlank[i] ? "Leerzeile" : "Titelzeile über der Kopfzeile");
        }

        yield return new SourceRow.Skipped(Line, headerReason);
    }

    /// <summary>
    /// Notes what differs from the contracts' form (header in line 1, separator <c>;</c>) in <paramref name="protocol"/>:
    /// <see cref="German.NormalisationCodes.HeaderRowMoved"/> and <see cref="German.NormalisationCodes.Separator"/>.
    /// </summary>
    public void Note(NormalisationProtocol protocol)
    {
        if (Line != 1)
        {
            protocol.Add(German.NormalisationCodes.HeaderRowMoved, Line.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"Kopfzeile in Zeile {Line} statt 1 gefunden"), null, Line, null);
        }

        if (Separator != ';')
        {
            var shown = Separator == '\t' ? "Tabulator" : $"'{Separator}'";
            protocol.Add(German.NormalisationCodes.Separator, Separator.ToString(), $"Trennzeichen {shown} statt ';' gelesen", null, Line, null);
        }
    }

    private static ExtractFileException NoHeader(List<string> lines, string fileName, Action<IReadOnlyList<string>> explain)
    {
        var searched = string.Create(CultureInfo.InvariantCulture, $"keine der ersten {Math.Min(lines.Count, SearchLines)} Zeilen ist die Kopfzeile");
        // The line with the most fields is most likely the header meant: its refusal names what it lacks.
        var widest = lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => Separators.Select(s => Split(l, s)).MaxBy(f => f.Length)!).MaxBy(f => f.Length);
        if (widest is { } fields)
        {
            try
            {
                explain(fields);
            }
            catch (ExtractFileException refused)
            {
                return new ExtractFileException(refused.Reason, $"{refused.Message} ({searched}.)", refused);
            }
        }

        return new ExtractFileException(FileReasons.UnexpectedHead, $"{fileName}: {searched}.");
    }

    /// <summary>The first lines as text (byte order mark removed), each at most one record long.</summary>
    private static (List<string> Lines, bool ByteOrderMark) FirstLines(string path, Encoding encoding, string fileName)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[3];
        var bom = stream.Read(start) == 3 && start.SequenceEqual((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        stream.Position = 0;
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true);
        var max = Limits.ExtractLimits.Default.MaxRecordBytes;
        var lines = new List<string>();
        var line = new StringBuilder();
        int c;
        while (lines.Count < SearchLines && (c = text.Read()) >= 0)
        {
            if (c is '\n' or '\r')
            {
                if (c == '\r' && text.Peek() == '\n')
                {
                    text.Read();
                }

                lines.Add(line.ToString());
                line.Clear();
                continue;
            }

            if (line.Length >= max)
            {
                throw new ExtractFileException(Limits.ExtractLimitReasons.RecordTooLong,
                    string.Create(CultureInfo.InvariantCulture, $"{fileName}: Zeile {lines.Count + 1} ist länger als erlaubt ({max} Zeichen); die Datei wird nicht gelesen."));
            }

            line.Append((char)c);
        }

        if (line.Length > 0 && lines.Count < SearchLines)
        {
            lines.Add(line.ToString());
        }

        return (lines, bom);
    }

    /// <summary>A line's fields at <paramref name="separator"/>, quotes as CSV has them.</summary>
    private static string[] Split(string line, char separator)
    {
        using var reader = CsvReader.FromText(line, new CsvReaderOptions { Separator = separator, HasHeader = false, TrimWhitespace = true });
        try
        {
            if (!reader.Read())
            {
                return [];
            }
        }
        catch (CsvFormatException)
        {
            return []; // a title line with a stray quote is no header
        }

        var fields = new string[reader.FieldCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = reader.GetString(i) ?? "";
        }

        return fields;
    }
}
