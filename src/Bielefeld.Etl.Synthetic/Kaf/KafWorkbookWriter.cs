using System.Globalization;
using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.Kaf;

/// <summary>Writes a <see cref="KafWorkbook"/> in the KAF-Projektcontrolling layout (contract <c>kaf.md</c>).</summary>
public static class KafWorkbookWriter
{
    /// <summary>The sheet readers load; every other sheet is ignored.</summary>
    public const string SheetName = "Controlling";

    /// <summary>The sheet with free text that readers must ignore.</summary>
    public const string NotesSheetName = "Notizen";

    // Zero-based sheet rows: row 6 of the contract is the header, Kennzahlen start at row 7.
    private const int HeaderRow = 5;
    private const int FirstKennzahlRow = 6;
    private const int SumColumn = 13;

    private static readonly string[] MonthHeaders =
        ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

    /// <summary>The contract file name, <c>KAF_&lt;code&gt;_&lt;yyyy&gt;.xlsx</c>.</summary>
    /// <param name="projectCode">The Projektkürzel.</param>
    /// <param name="year">The controlling year.</param>
    public static string FileName(string projectCode, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"KAF_{projectCode}_{year:D4}.xlsx");

    /// <summary>
    /// Writes the workbook to <paramref name="path"/> as <c>.xlsx</c>, overwriting it; the same workbook always writes the
    /// same bytes. Summe formulas carry their computed cached values. Legacy <c>.xls</c> is not written: no maintained
    /// library writes BIFF8, so the one legacy sample is a committed file.
    /// </summary>
    /// <param name="workbook">The content to write.</param>
    /// <param name="path">The target file.</param>
    /// <exception cref="ArgumentException">The extension is not <c>.xlsx</c>, or a row is malformed.</exception>
    public static void Write(KafWorkbook workbook, string path)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!string.Equals(Path.GetExtension(path), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Unsupported extension '{Path.GetExtension(path)}': expected .xlsx.", nameof(path));
        }

        foreach (var row in workbook.Rows)
        {
            Validate(row);
        }

        // A fixed creation time instead of "now", so regenerating the samples changes nothing.
        var book = new XlsxWorkbook("Bielefeld.Etl.Synthetic", new DateTime(workbook.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        WriteControllingSheet(book.AddSheet(SheetName), workbook);
        if (workbook.WithNotesSheet)
        {
            WriteNotesSheet(book.AddSheet(NotesSheetName));
        }

        book.Save(path);
    }

    private static void Validate(KafRow row)
    {
        if (row.Months.Count != 12)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Row '{row.Label}' has {row.Months.Count} months, expected 12."),
                nameof(row));
        }

        foreach (var month in row.TextCells?.Keys ?? [])
        {
            if (month is < 0 or > 11)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"Row '{row.Label}' has a text cell for month index {month}."),
                    nameof(row));
            }
        }
    }

    private static void WriteControllingSheet(XlsxSheet sheet, KafWorkbook workbook)
    {
        sheet.Text(0, 0, "KAF-Projektcontrolling", XlsxStyle.Bold);
        sheet.Text(1, 0, "Projekt:");
        sheet.Text(1, 1, workbook.ProjectName);
        sheet.Text(2, 0, "Projektkürzel:");
        sheet.Text(2, 1, workbook.ProjectCode);
        sheet.Text(3, 0, "Jahr:");
        sheet.Number(3, 1, workbook.Year);

        string[] headers = ["Kennzahl", .. MonthHeaders, "Summe"];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(HeaderRow, c, headers[c], XlsxStyle.Bold);
        }

        var r = FirstKennzahlRow;
        foreach (var row in workbook.Rows)
        {
            WriteKennzahl(sheet, r++, row);
        }

        r++; // the contract's empty row between the Kennzahlen and the remarks
        foreach (var remark in workbook.Remarks)
        {
            sheet.Text(r++, 0, remark);
        }

        sheet.ColumnWidth(0, 55);
        for (var c = 1; c <= 12; c++)
        {
            sheet.ColumnWidth(c, 7);
        }

        sheet.ColumnWidth(SumColumn, 9);
    }

    private static void WriteKennzahl(XlsxSheet sheet, int r, KafRow row)
    {
        sheet.Text(r, 0, row.Label);
        var sum = 0m;
        for (var m = 0; m < 12; m++)
        {
            if (row.TextCells is not null && row.TextCells.TryGetValue(m, out var text))
            {
                sheet.Text(r, m + 1, text);
            }
            else if (row.Months[m] is decimal value)
            {
                sheet.Number(r, m + 1, decimal.ToDouble(value));
                sum += value;
            }
        }

        if (row.SumOverride is decimal typedOver)
        {
            sheet.Number(r, SumColumn, decimal.ToDouble(typedOver));
        }
        else
        {
            // SUM skips text cells, as Excel does; readers see only this cached result.
            sheet.Formula(r, SumColumn, $"SUM({XlsxSheet.Reference(r, 1)}:{XlsxSheet.Reference(r, 12)})", decimal.ToDouble(sum));
        }
    }

    private static void WriteNotesSheet(XlsxSheet sheet)
    {
        string[] lines =
        [
            "Notizen (werden nicht ausgewertet)",
            "Rückfragen zu Vermittlungen bitte an das KAF-Controlling.",
            "Zahlen Jan 12 bis 14 telefonisch bestätigt; Summe 99 vorläufig.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.Text(i, 0, lines[i]);
        }

        sheet.ColumnWidth(0, 70);
    }
}
