using System.Globalization;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>
/// Writes a <see cref="BaTable"/> as the BA statistics portal lays it out, as <c>.xlsx</c>. Legacy <c>.xls</c> is not
/// written: no maintained library writes BIFF8, so the one legacy sample is a committed file.
/// </summary>
public static class BaTableWriter
{
    /// <summary>The table's sheet name in the <see cref="SpreadsheetVariant.RenamedSheet"/> variant: the table's sheet and the year.</summary>
    public const string RenamedSheetSuffix = " 2017";

    /// <summary>Writes the table to <paramref name="path"/>, overwriting it; the same table always writes the same bytes.</summary>
    /// <param name="table">The content.</param>
    /// <param name="path">The target file (<c>.xlsx</c>).</param>
    /// <exception cref="ArgumentException">The extension is not <c>.xlsx</c>.</exception>
    public static void Write(BaTable table, string path) => Write(table, path, SpreadsheetVariant.None);

    /// <summary>
    /// Writes the table in the forms of <paramref name="variant"/> that apply to a BA table: Berichtsmonat and Datenstand
    /// as <c>Jun. 2017</c>, <c>06/2017</c> or date cells; figures as German text; labels with non-breaking and trailing
    /// spaces; two more title lines; <c>Merkmal</c> merged over both header rows; an empty column; a renamed sheet.
    /// </summary>
    /// <param name="table">The content.</param>
    /// <param name="path">The target file (<c>.xlsx</c>).</param>
    /// <param name="variant">The forms to write; <see cref="SpreadsheetVariant.None"/> is the contract's.</param>
    /// <exception cref="ArgumentException">The extension is not <c>.xlsx</c>.</exception>
    public static void Write(BaTable table, string path, SpreadsheetVariant variant)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unsupported extension '{Path.GetExtension(path)}': expected .xlsx.", nameof(path));
        }

        var book = new XlsxWorkbook("Bielefeld.Etl.Synthetic", new DateTime(2017, 7, 13, 0, 0, 0, DateTimeKind.Utc));
        if (table.OtherSheets.Count > 0)
        {
            book.AddSheet(table.OtherSheets[0]).Text(0, 0, "Hinweise zur Tabelle: Zahlen sind vorläufig und werden revidiert.");
        }

        if (variant.HasFlag(SpreadsheetVariant.HeaderMoved))
        {
            table = table with { TitleLines = ["Statistik der Bundesagentur für Arbeit", "Tabellen zum Arbeitsmarkt", .. table.TitleLines] };
        }

        table = table with { MergedMerkmalHeader = table.MergedMerkmalHeader || variant.HasFlag(SpreadsheetVariant.MergedHeader) };
        var sheetName = variant.HasFlag(SpreadsheetVariant.RenamedSheet) ? table.Sheet + RenamedSheetSuffix : table.Sheet;
        WriteTable(book.AddSheet(sheetName), table, variant);
        foreach (var other in table.OtherSheets.Skip(1))
        {
            book.AddSheet(other).Text(0, 0, "Statistik der Bundesagentur für Arbeit, Nürnberg");
        }

        book.Save(path);
    }

    private static void WriteTable(XlsxSheet sheet, BaTable table, SpreadsheetVariant variant)
    {
        // The empty column stands between Merkmal and the value columns, with an empty header.
        var blank = variant.HasFlag(SpreadsheetVariant.BlankColumn) ? 1 : 0;
        int At(int c) => c == 0 ? 0 : c + blank;
        var width = table.ColumnLabels.Count + blank;
        var r = table.BlankRowsAbove;
        for (var i = 0; i < table.TitleLines.Count; i++, r++)
        {
            if (i == 0)
            {
                sheet.Text(r, 0, table.TitleLines[i], XlsxStyle.Bold);
                sheet.Merge(r, 0, r, width - 1);
            }
            else
            {
                WriteTitleLine(sheet, r, table.TitleLines[i], variant);
            }
        }

        r++; // the empty row between title block and header
        for (var c = 0; c < table.ColumnLabels.Count; c++)
        {
            sheet.Text(r, At(c), SpreadsheetForms.Label(table.ColumnLabels[c], variant), XlsxStyle.Bold);
        }

        if (table.WithNumberRow)
        {
            var first = table.MergedMerkmalHeader ? 1 : 0;
            for (var c = first; c < table.ColumnLabels.Count; c++)
            {
                sheet.Number(r + 1, At(c), c - first + 1);
            }

            if (table.MergedMerkmalHeader)
            {
                sheet.Merge(r, 0, r + 1, 0);
            }

            r++;
        }

        r++;
        foreach (var row in table.Rows)
        {
            var indent = row.Label.Length - row.Label.TrimStart().Length;
            sheet.Text(r, 0, row.Label[..indent] + SpreadsheetForms.Label(row.Label[indent..], variant));
            for (var c = 0; c < row.Cells.Count; c++)
            {
                switch (row.Cells[c])
                {
                    case decimal number when variant.HasFlag(SpreadsheetVariant.NumbersAsText):
                        sheet.Text(r, At(c + 1), number.ToString("#,##0.##", GermanValues.Culture));
                        break;
                    case decimal number:
                        sheet.Number(r, At(c + 1), decimal.ToDouble(number));
                        break;
                    case string text:
                        sheet.Text(r, At(c + 1), text);
                        break;
                }
            }

            r++;
        }

        r++; // the empty row between the table and its footnotes
        foreach (var footnote in table.Footnotes)
        {
            sheet.Text(r, 0, footnote);
            sheet.Merge(r, 0, r, width - 1);
            r++;
        }

        sheet.ColumnWidth(0, 62);
        for (var c = 1; c < width; c++)
        {
            sheet.ColumnWidth(c, 12);
        }
    }

    /// <summary>A title line; <c>Berichtsmonat: Juni 2017</c> and <c>Datenstand: Juli 2017</c> in the variant's month form.</summary>
    private static void WriteTitleLine(XlsxSheet sheet, int r, string line, SpreadsheetVariant variant)
    {
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var month = colon > 0 && line[..colon] is "Berichtsmonat" or "Datenstand" ? GermanMonthName.Read(line[(colon + 2)..]) : null;
        if (month is not { Year: { } year })
        {
            sheet.Text(r, 0, line);
        }
        else if (variant.HasFlag(SpreadsheetVariant.MonthDates))
        {
            sheet.Text(r, 0, line[..(colon + 1)]);
            sheet.Date(r, 1, new DateOnly(year, month.Month, 1));
        }
        else
        {
            var text = variant.HasFlag(SpreadsheetVariant.ExcelMonthAbbreviations) ? string.Create(CultureInfo.InvariantCulture, $"{SpreadsheetForms.ExcelMonths[month.Month - 1]} {year}")
                : variant.HasFlag(SpreadsheetVariant.MonthNumbers) ? string.Create(CultureInfo.InvariantCulture, $"{month.Month:D2}/{year}")
                : line[(colon + 2)..];
            sheet.Text(r, 0, line[..(colon + 2)] + text);
        }
    }
}
