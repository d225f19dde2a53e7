using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.Xlsx;
using CsvHelper;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// Writes a Meldebogen: an Excel workbook with the sheet <c>Meldebogen</c> (header row, one row per entry) and the sheet
/// <c>Hinweise</c> (what each column means, which fields each indicator needs), or a CSV file with <c>;</c> and a UTF-8 BOM.
/// In the workbook the sheet <c>Meldebogen</c> is protected: only the input cells of each row (the fields its indicator's
/// kind needs, Kommentar, Gemeldet_von) are unlocked and highlighted, and Bewertung is a drop-down list.
/// </summary>
public static class MeldebogenFileWriter
{
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
        var book = new XlsxWorkbook("Bielefeld.Etl");
        var sheet = book.AddSheet(MeldebogenColumns.SheetName);
        for (var c = 0; c < MeldebogenColumns.Header.Count; c++)
        {
            sheet.Text(0, c, MeldebogenColumns.Header[c], XlsxStyle.Bold);
        }

        var choices = new List<(int Row, int Column)>();
        var bewertung = Column(MeldebogenColumns.Bewertung);
        for (var r = 0; r < entries.Count; r++)
        {
            var cells = entries[r].Cells();
            var inputs = InputColumns(plan.FindIndicator(entries[r].Indikator)?.Kind);
            for (var c = 0; c < cells.Count; c++)
            {
                var column = MeldebogenColumns.Header[c];
                WriteCell(sheet, r + 1, c, column, cells[c], inputs.Contains(column));
            }

            if (inputs.Contains(MeldebogenColumns.Bewertung))
            {
                choices.Add((r + 1, bewertung));
            }
        }

        if (choices.Count > 0)
        {
            sheet.ListValidation(choices, MeldebogenColumns.Assessments, "Bitte „erreicht“, „teilweise“ oder „nicht erreicht“ aus der Liste wählen.");
        }

        sheet.FrozenRows = 1;
        sheet.IsProtected = true;
        int[] widths = [12, 50, 20, 10, 24, 10, 10, 10, 12, 16, 40, 24];
        for (var c = 0; c < widths.Length; c++)
        {
            sheet.ColumnWidth(c, widths[c]);
        }

        WriteNotes(book.AddSheet(MeldebogenColumns.NotesSheetName), entries, plan);
        book.Save(path);
    }

    /// <summary>
    /// The columns a steward types into for an indicator of this kind: its fields (<see cref="FieldsFor"/>), Kommentar and
    /// Gemeldet_von; all of them where the plan does not know the indicator. Every other cell is locked.
    /// </summary>
    private static HashSet<string> InputColumns(IndicatorKind? kind)
    {
        HashSet<string> fields = kind switch
        {
            IndicatorKind.Count or IndicatorKind.Amount or IndicatorKind.Stock or IndicatorKind.PublishedRate => [MeldebogenColumns.Wert],
            IndicatorKind.Rate => [MeldebogenColumns.Zaehler, MeldebogenColumns.Nenner],
            IndicatorKind.Milestone => [MeldebogenColumns.ErledigtAm],
            IndicatorKind.Qualitative => [MeldebogenColumns.Bewertung],
            _ => [MeldebogenColumns.Wert, MeldebogenColumns.Zaehler, MeldebogenColumns.Nenner, MeldebogenColumns.ErledigtAm, MeldebogenColumns.Bewertung],
        };
        fields.Add(MeldebogenColumns.Kommentar);
        fields.Add(MeldebogenColumns.GemeldetVon);
        return fields;
    }

    private static int Column(string name) => MeldebogenColumns.Header.ToList().IndexOf(name);

    private static void WriteCell(XlsxSheet sheet, int row, int c, string column, string? value, bool input)
    {
        var numeric = column is MeldebogenColumns.Wert or MeldebogenColumns.Zaehler or MeldebogenColumns.Nenner;
        var look = new XlsxStyle { IsInput = input };
        if (numeric && value is not null
            && decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, GermanValues.Culture, out var number))
        {
            sheet.Number(row, c, decimal.ToDouble(number), look);
            return;
        }

        if (column == MeldebogenColumns.ErledigtAm && value is not null
            && DateOnly.TryParseExact(value, "dd.MM.yyyy", GermanValues.Culture, DateTimeStyles.None, out var day))
        {
            sheet.Date(row, c, day, look);
            return;
        }

        if (value is not null)
        {
            // Codes, periods and names stay text: Excel would otherwise turn 2017-03 into a date.
            sheet.Text(row, c, value, look with { Format = XlsxFormat.Text });
            return;
        }

        // An empty input cell takes what the steward types in the column's kind: a number, a date or text.
        sheet.Empty(row, c, look with
        {
            Format = numeric ? XlsxFormat.General : column == MeldebogenColumns.ErledigtAm ? XlsxFormat.Date : XlsxFormat.Text,
        });
    }

    private static void WriteNotes(XlsxSheet sheet, IReadOnlyList<MeldebogenEntry> entries, PlanCatalog plan)
    {
        var r = 0;
        void Line(XlsxStyle style, params string[] values)
        {
            for (var c = 0; c < values.Length; c++)
            {
                sheet.Text(r, c, values[c], style);
            }

            r++;
        }

        Line(XlsxStyle.Bold, "Hinweise zum Meldebogen");
        Line(default, "Bitte nur im Blatt „Meldebogen“ eintragen; dieses Blatt wird beim Einlesen nicht ausgewertet.");
        Line(default, "Eingabefelder sind gelb hinterlegt; die vorausgefüllten Spalten und die Felder, die die Art eines Indikators nicht verlangt, sind gesperrt (Blattschutz ohne Kennwort).");
        Line(default, "Jede ausgefüllte Zeile füllt genau die Felder, die die Art ihres Indikators verlangt; sonst wird sie mit Begründung abgewiesen.");
        Line(default, "Zeilen ohne Eintrag (nur die vorausgefüllten Spalten) werden übersprungen. Eine spätere Meldung für denselben Indikator, dieselbe Periode und denselben Bereich ersetzt die frühere.");
        r++;
        Line(XlsxStyle.Bold, "Spalte", "Bedeutung und erlaubte Werte");
        foreach (var (column, explanation) in MeldebogenColumns.Explanations)
        {
            Line(default, column, explanation);
        }

        r++;
        Line(XlsxStyle.Bold, "Indikator", "Art", "Auszufüllen");
        foreach (var code in entries.Select(e => e.Indikator).Distinct(StringComparer.Ordinal))
        {
            if (plan.FindIndicator(code) is { } indicator)
            {
                Line(default, indicator.Code, KindName(indicator.Kind), FieldsFor(indicator.Kind));
            }
        }

        sheet.ColumnWidth(0, 16);
        sheet.ColumnWidth(1, 110);
        sheet.ColumnWidth(2, 70);
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
