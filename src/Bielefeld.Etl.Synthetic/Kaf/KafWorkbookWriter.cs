using System.Globalization;
using NPOI.HSSF.UserModel;
using NPOI.SS.UserModel;
using NPOI.SS.Util;
using NPOI.XSSF.UserModel;

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

    /// <summary>The contract file name, <c>KAF_&lt;code&gt;_&lt;yyyy&gt;.xlsx</c> or <c>.xls</c> when legacy.</summary>
    /// <param name="projectCode">The Projektkürzel.</param>
    /// <param name="year">The controlling year.</param>
    /// <param name="legacy">True for the legacy BIFF8 <c>.xls</c> format.</param>
    public static string FileName(string projectCode, int year, bool legacy) =>
        string.Create(CultureInfo.InvariantCulture, $"KAF_{projectCode}_{year:D4}.{(legacy ? "xls" : "xlsx")}");

    /// <summary>
    /// Writes the workbook to <paramref name="path"/>, overwriting it: <c>.xlsx</c> as Office Open XML,
    /// <c>.xls</c> as legacy BIFF8. Summe formulas carry their computed cached values.
    /// </summary>
    /// <param name="workbook">The content to write.</param>
    /// <param name="path">The target file; its extension chooses the format.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.xlsx</c> nor <c>.xls</c>, or a row is malformed.</exception>
    public static void Write(KafWorkbook workbook, string path)
    {
        ArgumentNullException.ThrowIfNull(workbook);
        ArgumentException.ThrowIfNullOrEmpty(path);
        foreach (var row in workbook.Rows)
        {
            Validate(row);
        }

        IWorkbook book = CreateBook(workbook, Path.GetExtension(path), path);
        WriteControllingSheet(book, workbook);
        if (workbook.WithNotesSheet)
        {
            WriteNotesSheet(book);
        }

        // Readers (ExcelDataReader) see only cached formula results, so they must be computed before saving.
        book.GetCreationHelper().CreateFormulaEvaluator().EvaluateAll();

        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        book.Write(stream);
    }

    private static IWorkbook CreateBook(KafWorkbook workbook, string extension, string path)
    {
        // A fixed creation time instead of "now", so regenerating the samples changes as little as possible:
        // .xls comes out byte-identical; .xlsx differs only in the zip entries' times, which NPOI does not expose.
        var created = new DateTime(workbook.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var xssf = new XSSFWorkbook();
            var core = xssf.GetProperties().CoreProperties;
            core.Created = created;
            core.Creator = "Bielefeld.Etl.Synthetic";
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

    private static void WriteControllingSheet(IWorkbook book, KafWorkbook workbook)
    {
        var sheet = book.CreateSheet(SheetName);
        var bold = book.CreateCellStyle();
        var boldFont = book.CreateFont();
        boldFont.IsBold = true;
        bold.SetFont(boldFont);

        var title = sheet.CreateRow(0).CreateCell(0);
        title.SetCellValue("KAF-Projektcontrolling");
        title.CellStyle = bold;
        WriteField(sheet, 1, "Projekt:").SetCellValue(workbook.ProjectName);
        WriteField(sheet, 2, "Projektkürzel:").SetCellValue(workbook.ProjectCode);
        WriteField(sheet, 3, "Jahr:").SetCellValue(workbook.Year);

        var header = sheet.CreateRow(HeaderRow);
        string[] headers = ["Kennzahl", .. MonthHeaders, "Summe"];
        for (var c = 0; c < headers.Length; c++)
        {
            var cell = header.CreateCell(c);
            cell.SetCellValue(headers[c]);
            cell.CellStyle = bold;
        }

        var r = FirstKennzahlRow;
        foreach (var row in workbook.Rows)
        {
            WriteKennzahl(sheet.CreateRow(r++), row);
        }

        r++; // the contract's empty row between the Kennzahlen and the remarks
        foreach (var remark in workbook.Remarks)
        {
            sheet.CreateRow(r++).CreateCell(0).SetCellValue(remark);
        }

        // Fixed widths (in 1/256 character): AutoSizeColumn would need System.Drawing, which is not there on Linux.
        sheet.SetColumnWidth(0, 55 * 256);
        for (var c = 1; c <= 12; c++)
        {
            sheet.SetColumnWidth(c, 7 * 256);
        }

        sheet.SetColumnWidth(SumColumn, 9 * 256);
    }

    private static ICell WriteField(ISheet sheet, int rowIndex, string label)
    {
        var row = sheet.CreateRow(rowIndex);
        row.CreateCell(0).SetCellValue(label);
        return row.CreateCell(1);
    }

    private static void WriteKennzahl(IRow sheetRow, KafRow row)
    {
        sheetRow.CreateCell(0).SetCellValue(row.Label);
        for (var m = 0; m < 12; m++)
        {
            if (row.TextCells is not null && row.TextCells.TryGetValue(m, out var text))
            {
                sheetRow.CreateCell(m + 1).SetCellValue(text);
            }
            else if (row.Months[m] is decimal value)
            {
                sheetRow.CreateCell(m + 1).SetCellValue(decimal.ToDouble(value));
            }
        }

        var sum = sheetRow.CreateCell(SumColumn);
        if (row.SumOverride is decimal typedOver)
        {
            sum.SetCellValue(decimal.ToDouble(typedOver));
        }
        else
        {
            var first = new CellReference(sheetRow.RowNum, 1).FormatAsString();
            var last = new CellReference(sheetRow.RowNum, 12).FormatAsString();
            sum.SetCellFormula($"SUM({first}:{last})");
        }
    }

    private static void WriteNotesSheet(IWorkbook book)
    {
        var sheet = book.CreateSheet(NotesSheetName);
        string[] lines =
        [
            "Notizen (werden nicht ausgewertet)",
            "Rückfragen zu Vermittlungen bitte an das KAF-Controlling.",
            "Zahlen Jan 12 bis 14 telefonisch bestätigt; Summe 99 vorläufig.",
        ];
        for (var i = 0; i < lines.Length; i++)
        {
            sheet.CreateRow(i).CreateCell(0).SetCellValue(lines[i]);
        }

        sheet.SetColumnWidth(0, 70 * 256);
    }
}
