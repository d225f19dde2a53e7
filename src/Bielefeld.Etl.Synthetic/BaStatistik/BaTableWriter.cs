using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>
/// Writes a <see cref="BaTable"/> as the BA statistics portal lays it out, as <c>.xlsx</c>. Legacy <c>.xls</c> is not
/// written: no maintained library writes BIFF8, so the one legacy sample is a committed file.
/// </summary>
public static class BaTableWriter
{
    /// <summary>Writes the table to <paramref name="path"/>, overwriting it; the same table always writes the same bytes.</summary>
    /// <param name="table">The content.</param>
    /// <param name="path">The target file (<c>.xlsx</c>).</param>
    /// <exception cref="ArgumentException">The extension is not <c>.xlsx</c>.</exception>
    public static void Write(BaTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
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

        WriteTable(book.AddSheet(table.Sheet), table);
        foreach (var other in table.OtherSheets.Skip(1))
        {
            book.AddSheet(other).Text(0, 0, "Statistik der Bundesagentur für Arbeit, Nürnberg");
        }

        book.Save(path);
    }

    private static void WriteTable(XlsxSheet sheet, BaTable table)
    {
        var width = table.ColumnLabels.Count;
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
                sheet.Text(r, 0, table.TitleLines[i]);
            }
        }

        r++; // the empty row between title block and header
        for (var c = 0; c < width; c++)
        {
            sheet.Text(r, c, table.ColumnLabels[c], XlsxStyle.Bold);
        }

        if (table.WithNumberRow)
        {
            var first = table.MergedMerkmalHeader ? 1 : 0;
            for (var c = first; c < width; c++)
            {
                sheet.Number(r + 1, c, c - first + 1);
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
            sheet.Text(r, 0, row.Label);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                switch (row.Cells[c])
                {
                    case decimal number:
                        sheet.Number(r, c + 1, decimal.ToDouble(number));
                        break;
                    case string text:
                        sheet.Text(r, c + 1, text);
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
}
