using System.Globalization;
using Bielefeld.Etl.Catalog;
using CsvHelper;
using NPOI.SS.UserModel;
using NPOI.XSSF.UserModel;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// Writes a Meldebogen: an Excel workbook with the sheet <c>Meldebogen</c> (header row, one row per entry) and the sheet
/// <c>Hinweise</c> (what each column means, which fields each indicator needs), or a CSV file with <c>;</c> and a UTF-8 BOM.
/// </summary>
public static class MeldebogenFileWriter
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>The file name of a generated template, e.g. <c>Meldebogen_540-10_2017.xlsx</c>.</summary>
    public static string FileName(string subject, int year, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"Meldebogen_{subject}_{year:D4}.{extension.TrimStart('.')}");

    /// <summary>Writes <paramref name="entries"/> to <paramref name="path"/>; the extension (<c>.xlsx</c> or <c>.csv</c>) chooses the format.</summary>
    /// <param name="entries">The rows.</param>
    /// <param name="plan">The plan, for the indicator kinds on the Hinweise sheet.</param>
    /// <param name="path">The target file, overwritten.</param>
    /// <exception cref="ArgumentException">The extension is neither <c>.xlsx</c> nor <c>.csv</c>.</exception>
    public static void Write(IReadOnlyList<MeldebogenEntry> entries, PlanCatalog plan, string path)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(plan);
        var extension = Path.GetExtension(path);
        if (string.Equals(extension, ".csv", StringComparison.OrdinalIgnoreCase))
        {
            WriteCsv(entries, path);
        }
        else if (string.Equals(extension, ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            WriteWorkbook(entries, plan, path);
        }
        else
        {
            throw new ArgumentException($"Nicht unterstützte Endung '{extension}': .xlsx oder .csv.", nameof(path));
        }
    }

    /// <summary>Which fields a row of an indicator of this kind fills, in German.</summary>
    public static string FieldsFor(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "Wert (ganze Zahl ab 0), Gemeldet_von",
        IndicatorKind.Amount => "Wert (Betrag), Gemeldet_von",
        IndicatorKind.Stock => "Wert (Bestand zum Monatsende, ganze Zahl ab 0), Gemeldet_von",
        IndicatorKind.PublishedRate => "Wert (veröffentlichte Quote in %), Gemeldet_von",
        IndicatorKind.Rate => "Zaehler und Nenner (Wert leer), Gemeldet_von",
        IndicatorKind.Milestone => "Erledigt_am (TT.MM.JJJJ), Gemeldet_von",
        _ => "Bewertung (erreicht / teilweise / nicht erreicht), Kommentar mit Begründung, Gemeldet_von",
    };

    private static void WriteCsv(IReadOnlyList<MeldebogenEntry> entries, string path)
    {
        using var writer = CsvWriter.ToFile(path, new CsvWriterOptions { Separator = ';', WriteByteOrderMark = true });
        writer.WriteHeader([.. MeldebogenColumns.Header]);
        foreach (var entry in entries)
        {
            writer.WriteRecord([.. entry.Cells()]);
        }
    }

    private static void WriteWorkbook(IReadOnlyList<MeldebogenEntry> entries, PlanCatalog plan, string path)
    {
        var book = new XSSFWorkbook();
        var core = book.GetProperties().CoreProperties;
        core.Creator = "Bielefeld.Etl";
        var bold = book.CreateCellStyle();
        var boldFont = book.CreateFont();
        boldFont.IsBold = true;
        bold.SetFont(boldFont);
        var text = book.CreateCellStyle();
        text.DataFormat = book.CreateDataFormat().GetFormat("@");
        var date = book.CreateCellStyle();
        date.DataFormat = book.CreateDataFormat().GetFormat("dd.mm.yyyy");

        var sheet = book.CreateSheet(MeldebogenColumns.SheetName);
        var header = sheet.CreateRow(0);
        for (var c = 0; c < MeldebogenColumns.Header.Count; c++)
        {
            var cell = header.CreateCell(c);
            cell.SetCellValue(MeldebogenColumns.Header[c]);
            cell.CellStyle = bold;
        }

        for (var r = 0; r < entries.Count; r++)
        {
            var row = sheet.CreateRow(r + 1);
            var cells = entries[r].Cells();
            for (var c = 0; c < cells.Count; c++)
            {
                WriteCell(row.CreateCell(c), MeldebogenColumns.Header[c], cells[c], text, date);
            }
        }

        sheet.CreateFreezePane(0, 1);
        int[] widths = [12, 50, 20, 10, 24, 10, 10, 10, 12, 16, 40, 24];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.SetColumnWidth(c, widths[c] * 256);
        }

        WriteNotes(book, bold, entries, plan);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        book.Write(stream);
    }

    private static void WriteCell(ICell cell, string column, string? value, ICellStyle text, ICellStyle date)
    {
        var numeric = column is MeldebogenColumns.Wert or MeldebogenColumns.Zaehler or MeldebogenColumns.Nenner;
        if (numeric && value is not null
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, German, out var number))
        {
            cell.SetCellValue(decimal.ToDouble(number));
            return;
        }

        if (column == MeldebogenColumns.ErledigtAm && value is not null
            && DateOnly.TryParseExact(value, "dd.MM.yyyy", German, DateTimeStyles.None, out var day))
        {
            cell.SetCellValue(day.ToDateTime(TimeOnly.MinValue));
            cell.CellStyle = date;
            return;
        }

        // Codes, periods and names stay text: Excel would otherwise turn 2017-03 into a date.
        cell.CellStyle = text;
        if (value is not null)
        {
            cell.SetCellValue(value);
        }
    }

    private static void WriteNotes(XSSFWorkbook book, ICellStyle bold, IReadOnlyList<MeldebogenEntry> entries, PlanCatalog plan)
    {
        var sheet = book.CreateSheet(MeldebogenColumns.NotesSheetName);
        var r = 0;
        void Line(ICellStyle? style, params string[] values)
        {
            var row = sheet.CreateRow(r++);
            for (var c = 0; c < values.Length; c++)
            {
                var cell = row.CreateCell(c);
                cell.SetCellValue(values[c]);
                if (style is not null)
                {
                    cell.CellStyle = style;
                }
            }
        }

        Line(bold, "Hinweise zum Meldebogen");
        Line(null, "Bitte nur im Blatt „Meldebogen“ eintragen; dieses Blatt wird beim Einlesen nicht ausgewertet.");
        Line(null, "Jede ausgefüllte Zeile füllt genau die Felder, die die Art ihres Indikators verlangt; sonst wird sie mit Begründung abgewiesen.");
        Line(null, "Zeilen ohne Eintrag (nur die vorausgefüllten Spalten) werden übersprungen. Eine spätere Meldung für denselben Indikator, dieselbe Periode und denselben Bereich ersetzt die frühere.");
        r++;
        Line(bold, "Spalte", "Bedeutung und erlaubte Werte");
        foreach (var (column, explanation) in MeldebogenColumns.Explanations)
        {
            Line(null, column, explanation);
        }

        r++;
        Line(bold, "Indikator", "Art", "Auszufüllen");
        foreach (var code in entries.Select(e => e.Indikator).Distinct(StringComparer.Ordinal))
        {
            if (plan.FindIndicator(code) is { } indicator)
            {
                Line(null, indicator.Code, KindName(indicator.Kind), FieldsFor(indicator.Kind));
            }
        }

        sheet.SetColumnWidth(0, 16 * 256);
        sheet.SetColumnWidth(1, 110 * 256);
        sheet.SetColumnWidth(2, 70 * 256);
    }

    private static string KindName(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Count => "Anzahl",
        IndicatorKind.Amount => "Betrag",
        IndicatorKind.Stock => "Bestand",
        IndicatorKind.Rate => "Quote",
        IndicatorKind.PublishedRate => "veröffentlichte Quote",
        IndicatorKind.Milestone => "Meilenstein",
        _ => "qualitativ",
    };
}
