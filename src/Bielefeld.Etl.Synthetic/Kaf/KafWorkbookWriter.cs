using System.Globalization;
using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.Kaf;

/// <summary>Writes a <see cref="KafWorkbook"/> in the KAF-Projektcontrolling layout (contract <c>kaf.md</c>).</summary>
public static class KafWorkbookWriter
{
    /// <summary>The sheet readers load; every other sheet is ignored.</summary>
    public const string SheetName = "Controlling";

    /// <summary>The data sheet's name in the <see cref="SpreadsheetVariant.RenamedSheet"/> variant.</summary>
    public const string RenamedSheetName = "Controlling 2017";

    /// <summary>The sheet with free text that readers must ignore.</summary>
    public const string NotesSheetName = "Notizen";

    // Zero-based sheet rows: row 6 of the contract is the header (Kennzahlen start below it).
    private const int HeaderRow = 5;
    private const int SumColumn = 13;

    private static readonly string[] MonthHeaders =
        ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

    private static readonly string[] MonthNames =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

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
        WriteControllingSheet(book.AddSheet(workbook.Variant.HasFlag(SpreadsheetVariant.RenamedSheet) ? RenamedSheetName : SheetName), workbook);
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
        var variant = workbook.Variant;
        sheet.Text(0, 0, "KAF-Projektcontrolling", XlsxStyle.Bold);
        sheet.Text(1, 0, "Projekt:");
        sheet.Text(1, 1, workbook.ProjectName);
        sheet.Text(2, 0, "Projektkürzel:");
        sheet.Text(2, 1, workbook.ProjectCode);
        sheet.Text(3, 0, "Jahr:");
        sheet.Number(3, 1, workbook.Year);

        var headerRow = HeaderRow;
        if (variant.HasFlag(SpreadsheetVariant.HeaderMoved))
        {
            sheet.Text(4, 0, "Ansprechpartnerin:");
            sheet.Text(4, 1, "KAF-Controlling");
            headerRow += 2;
        }

        // The blank column sits between Kennzahl and January, as when someone inserts a column for notes.
        var offset = variant.HasFlag(SpreadsheetVariant.BlankColumn) ? 1 : 0;
        if (variant.HasFlag(SpreadsheetVariant.MergedHeader))
        {
            // A grouping row: Kennzahl and Summe merged down over both header rows, "Monat" merged across the months.
            sheet.Text(headerRow, 0, SpreadsheetForms.Label("Kennzahl", variant), XlsxStyle.Bold);
            sheet.Merge(headerRow, 0, headerRow + 1, 0);
            sheet.Text(headerRow, 1 + offset, "Monat", XlsxStyle.Bold);
            sheet.Merge(headerRow, 1 + offset, headerRow, 12 + offset);
            sheet.Text(headerRow, SumColumn + offset, "Summe", XlsxStyle.Bold);
            sheet.Merge(headerRow, SumColumn + offset, headerRow + 1, SumColumn + offset);
            headerRow++;
        }
        else
        {
            sheet.Text(headerRow, 0, SpreadsheetForms.Label("Kennzahl", variant), XlsxStyle.Bold);
            sheet.Text(headerRow, SumColumn + offset, "Summe", XlsxStyle.Bold);
        }

        for (var m = 0; m < 12; m++)
        {
            WriteMonthHeader(sheet, headerRow, m + 1 + offset, m, workbook.Year, variant);
        }

        var r = headerRow + 1;
        foreach (var row in workbook.Rows)
        {
            WriteKennzahl(sheet, r++, row, variant, offset);
        }

        r++; // the contract's empty row between the Kennzahlen and the remarks
        foreach (var remark in workbook.Remarks)
        {
            sheet.Text(r++, 0, remark);
        }

        sheet.ColumnWidth(0, 55);
        for (var c = 1; c <= 12; c++)
        {
            sheet.ColumnWidth(c + offset, 7);
        }

        sheet.ColumnWidth(SumColumn + offset, 9);
    }

    private static void WriteMonthHeader(XlsxSheet sheet, int row, int column, int month, int year, SpreadsheetVariant variant)
    {
        if (variant.HasFlag(SpreadsheetVariant.MonthDates))
        {
            sheet.Date(row, column, new DateOnly(year, month + 1, 1), XlsxStyle.Bold);
            return;
        }

        var text = variant.HasFlag(SpreadsheetVariant.MonthNames) ? MonthNames[month]
            : variant.HasFlag(SpreadsheetVariant.ExcelMonthAbbreviations) ? SpreadsheetForms.ExcelMonths[month]
            : variant.HasFlag(SpreadsheetVariant.MonthNumbers) ? (month + 1).ToString("D2", CultureInfo.InvariantCulture)
            : MonthHeaders[month];
        sheet.Text(row, column, text, XlsxStyle.Bold);
    }

    private static void WriteKennzahl(XlsxSheet sheet, int r, KafRow row, SpreadsheetVariant variant, int offset)
    {
        var asText = variant.HasFlag(SpreadsheetVariant.NumbersAsText);
        sheet.Text(r, 0, SpreadsheetForms.Label(row.Label, variant));
        var sum = 0m;
        for (var m = 0; m < 12; m++)
        {
            if (row.TextCells is not null && row.TextCells.TryGetValue(m, out var text))
            {
                sheet.Text(r, m + 1 + offset, text);
            }
            else if (row.Months[m] is decimal value)
            {
                WriteFigure(sheet, r, m + 1 + offset, value, asText);
                sum += value;
            }
        }

        if (row.SumOverride is decimal typedOver)
        {
            WriteFigure(sheet, r, SumColumn + offset, typedOver, asText);
        }
        else if (asText)
        {
            // Excel's SUM would skip text cells; whoever types figures as text types the total too.
            WriteFigure(sheet, r, SumColumn + offset, sum, asText);
        }
        else
        {
            // SUM skips text cells, as Excel does; readers see only this cached result.
            sheet.Formula(r, SumColumn + offset, $"SUM({XlsxSheet.Reference(r, 1 + offset)}:{XlsxSheet.Reference(r, 12 + offset)})", decimal.ToDouble(sum));
        }
    }

    /// <summary>A figure as a number cell, or as German text (<c>1.270</c>).</summary>
    private static void WriteFigure(XlsxSheet sheet, int r, int column, decimal value, bool asText)
    {
        if (asText)
        {
            sheet.Text(r, column, value.ToString("#,0.##", Sources.Csv.GermanValues.Culture));
        }
        else
        {
            sheet.Number(r, column, decimal.ToDouble(value));
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
