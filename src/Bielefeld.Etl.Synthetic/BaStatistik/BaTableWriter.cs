using System.Globalization;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>Writes a <see cref="BaTable"/> as the BA statistics portal lays it out, as <c>.xlsx</c> or legacy <c>.xls</c>.</summary>
public static class BaTableWriter
{
    /// <summary>The contract file name, <c>BA_&lt;Kürzel&gt;_&lt;AGS&gt;_&lt;yyyyMM&gt;.xlsx</c> or <c>.xls</c> when legacy.</summary>
    /// <param name="code">The Tabellenkürzel.</param>
    /// <param name="ags">The municipality key (<c>05711</c>).</param>
    /// <param name="month">The reporting month.</param>
    /// <param name="legacy">True for the legacy BIFF8 <c>.xls</c> format.</param>
    public static string FileName(string code, string ags, DateOnly month, bool legacy) =>
        string.Create(CultureInfo.InvariantCulture, $"BA_{code}_{ags}_{month:yyyyMM}.{(legacy ? "xls" : "xlsx")}");

    /// <summary>Writes the table to <paramref name="path"/>, overwriting it; the extension chooses the format.</summary>
    /// <param name="table">The content.</param>
    /// <param name="path">The target file (<c>.xlsx</c> or <c>.xls</c>).</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.xlsx</c> nor <c>.xls</c>.</exception>
    public static void Write(BaTable table, string path)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var book = CreateBook(Path.GetExtension(path), path);
        if (table.OtherSheets.Count > 0)
        {
            WriteNotes(book, table.OtherSheets[0], "Hinweise zur Tabelle: Zahlen sind vorläufig und werden revidiert.");
        }

        WriteTable(book, table);
        foreach (var other in table.OtherSheets.Skip(1))
        {
            WriteNotes(book, other, "Statistik der Bundesagentur für Arbeit, Nürnberg");
        }

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        book.Write(stream);
    }

    private static IWorkbook CreateBook(string extension, string path)
    {
        var created = new DateTime(2017, 7, 13, 0, 0, 0, DateTimeKind.Utc);
        if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var xssf = new XSSFWorkbook();
            xssf.GetProperties().CoreProperties.Created = created;
            xssf.GetProperties().CoreProperties.Creator = "Bielefeld.Etl.Synthetic";
            return xssf;
        }

        if (string.Equals(extension, ".xls", StringComparison.OrdinalIgnoreCase))
        {
            var hssf = new HSSFWorkbook();
            hssf.CreateInformationProperties();
            hssf.SummaryInformation.CreateDateTime = created;
            hssf.SummaryInformation.Author = "Bielefeld.Etl.Synthetic";
            return hssf;
        }

        throw new ArgumentException($"Unsupported extension '{extension}': expected .xlsx or .xls.", nameof(path));
    }

    private static void WriteTable(IWorkbook book, BaTable table)
    {
        var sheet = book.CreateSheet(table.Sheet);
        var width = table.ColumnLabels.Count;
        var r = table.BlankRowsAbove;
        var bold = book.CreateCellStyle();
        var font = book.CreateFont();
        font.IsBold = true;
        bold.SetFont(font);

        for (var i = 0; i < table.TitleLines.Count; i++, r++)
        {
            var cell = sheet.CreateRow(r).CreateCell(0);
            cell.SetCellValue(table.TitleLines[i]);
            if (i == 0)
            {
                cell.CellStyle = bold;
                sheet.AddMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
            }
        }

        r++; // the empty row between title block and header
        var header = sheet.CreateRow(r);
        for (var c = 0; c < width; c++)
        {
            var cell = header.CreateCell(c);
            cell.SetCellValue(table.ColumnLabels[c]);
            cell.CellStyle = bold;
        }

        if (table.WithNumberRow)
        {
            var numbers = sheet.CreateRow(r + 1);
            var first = table.MergedMerkmalHeader ? 1 : 0;
            for (var c = first; c < width; c++)
            {
                numbers.CreateCell(c).SetCellValue(c - first + 1);
            }

            if (table.MergedMerkmalHeader)
            {
                sheet.AddMergedRegion(new CellRangeAddress(r, r + 1, 0, 0));
            }

            r++;
        }

        r++;
        foreach (var row in table.Rows)
        {
            var sheetRow = sheet.CreateRow(r++);
            sheetRow.CreateCell(0).SetCellValue(row.Label);
            for (var c = 0; c < row.Cells.Count; c++)
            {
                switch (row.Cells[c])
                {
                    case decimal number:
                        sheetRow.CreateCell(c + 1).SetCellValue(decimal.ToDouble(number));
                        break;
                    case string text:
                        sheetRow.CreateCell(c + 1).SetCellValue(text);
                        break;
                }
            }
        }

        r++; // the empty row between the table and its footnotes
        foreach (var footnote in table.Footnotes)
        {
            sheet.CreateRow(r).CreateCell(0).SetCellValue(footnote);
            sheet.AddMergedRegion(new CellRangeAddress(r, r, 0, width - 1));
            r++;
        }

        sheet.SetColumnWidth(0, 62 * 256);
        for (var c = 1; c < width; c++)
        {
            sheet.SetColumnWidth(c, 12 * 256);
        }
    }

    private static void WriteNotes(IWorkbook book, string name, string text) =>
        book.CreateSheet(name).CreateRow(0).CreateCell(0).SetCellValue(text);
}
