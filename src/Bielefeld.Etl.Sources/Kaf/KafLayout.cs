using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Kaf;

/// <summary>
/// Where the Controlling sheet's columns are, read from its header row by content: <c>Kennzahl</c>, the twelve months in
/// any German form (<see cref="GermanMonthName"/>), <c>Summe</c>; columns with a blank header only where the pipeline
/// allows them (<c>blank_columns: true</c>). An unknown header, a month that cannot be read, a month twice or missing
/// refuse the file: the figures would be guessed.
/// </summary>
internal sealed class KafLayout(int[] columns, IReadOnlyList<int> blankColumns)
{
    /// <summary>The contract's column headers, in contract order; the month headers are the canonical forms.</summary>
    public static readonly string[] ContractHeader =
        ["Kennzahl", "Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez", "Summe"];

    /// <summary>The sheet column of each contract column (Kennzahl, Jan … Dez, Summe), by contract index.</summary>
    public int[] Columns { get; } = columns;

    /// <summary>Columns with a blank header the pipeline allows; they must stay empty.</summary>
    public IReadOnlyList<int> BlankColumns { get; } = blankColumns;

    /// <summary>The layout of the contract itself (columns A to N).</summary>
    public static KafLayout Contract { get; } = new([.. Enumerable.Range(0, ContractHeader.Length)], []);

    /// <summary>Whether a row is the header: <c>Kennzahl</c> in some column.</summary>
    public static int KennzahlColumn(Func<int, object?> cell, int width) =>
        Enumerable.Range(0, width).FirstOrDefault(c => string.Equals(GermanLabel.Of(cell(c)), ContractHeader[0], StringComparison.OrdinalIgnoreCase), -1);

    /// <summary>Reads the layout from the header row's cells (merged values filled in).</summary>
    /// <exception cref="ExtractFileException">The header cannot be read without guessing (<c>KOPF_UNERWARTET</c>) or names another year (<c>DATEI_WIDERSPRUCH</c>).</exception>
    public static KafLayout Read(object?[] header, int headerRow, int year, bool allowBlankColumns, string fileName, string sheet, NormalisationProtocol protocol)
    {
        var columns = Enumerable.Repeat(-1, ContractHeader.Length).ToArray();
        var blank = new List<int>();
        var last = Array.FindLastIndex(header, c => !SheetCell.IsBlank(c));
        for (var c = 0; c <= last; c++)
        {
            var letter = SheetCell.ColumnLetter(c);
            var label = GermanLabel.Of(header[c]);
            if (SheetCell.IsBlank(header[c]))
            {
                blank.Add(c);
                continue;
            }

            int index;
            if (string.Equals(label, ContractHeader[0], StringComparison.OrdinalIgnoreCase) || string.Equals(label, ContractHeader[^1], StringComparison.OrdinalIgnoreCase))
            {
                index = string.Equals(label, ContractHeader[0], StringComparison.OrdinalIgnoreCase) ? 0 : ContractHeader.Length - 1;
                protocol.Note(header[c] is string text ? LabelNote(text) : null, sheet, headerRow, letter);
            }
            else if (GermanMonthName.Read(header[c]) is { } month)
            {
                if (month.Year is { } named && named != year)
                {
                    throw new ExtractFileException(FileReasons.Contradiction, string.Create(CultureInfo.InvariantCulture,
                        $"{fileName}: Kopfzeile {headerRow}, Spalte {letter} nennt {GermanMonthName.FullName(month.Month)} {named}, die Mappe das Jahr {year}."));
                }

                index = month.Month;
                protocol.Note(month.NoteAgainst(ContractHeader[index]), sheet, headerRow, letter);
            }
            else
            {
                throw Head(fileName, $"Kopfzeile {headerRow}, Spalte {letter}: '{SheetCell.Raw(header[c])}' ist weder 'Kennzahl' noch ein Monat (Jan … Dez, Januar, Mrz, 03, Datum) noch 'Summe'.");
            }

            if (columns[index] >= 0)
            {
                throw Head(fileName, $"Kopfzeile {headerRow}: '{ContractHeader[index]}' steht in Spalte {SheetCell.ColumnLetter(columns[index])} und {letter}.");
            }

            columns[index] = c;
        }

        var missing = Enumerable.Range(0, ContractHeader.Length).Where(i => columns[i] < 0).Select(i => ContractHeader[i]).ToList();
        if (missing.Count > 0)
        {
            throw Head(fileName, $"in der Kopfzeile {headerRow} fehl{(missing.Count > 1 ? "en" : "t")} {string.Join(", ", missing.Select(m => $"'{m}'"))}.");
        }

        if (blank.Count > 0 && !allowBlankColumns)
        {
            throw Head(fileName, $"Kopfzeile {headerRow}: Spalte {string.Join(", ", blank.Select(SheetCell.ColumnLetter))} ohne Kopf; eine leere Zusatzspalte erlaubt die Pipeline mit 'blank_columns: true'.");
        }

        foreach (var c in blank)
        {
            protocol.Add(NormalisationCodes.BlankColumn, "", $"Spalte {SheetCell.ColumnLetter(c)} ohne Kopf übergangen (blank_columns der Pipeline)", sheet, headerRow, SheetCell.ColumnLetter(c));
        }

        return new KafLayout(columns, blank);
    }

    /// <summary>A data row's cells in contract order (Kennzahl, Jan … Dez, Summe).</summary>
    public object?[] Arrange(object?[] cells) => [.. Columns.Select(c => c < cells.Length ? cells[c] : null)];

    private static Normalisation? LabelNote(string text)
    {
        GermanLabel.Read(text, out var note);
        return note;
    }

    private static ExtractFileException Head(string fileName, string detail) => new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");
}
