using System.Globalization;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;
using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.Statistiktabelle;

/// <summary>
/// Writes a <see cref="MonthlyTable"/> as <c>.xlsx</c> in the Landesdatenbank's layout, so that the statistics-table
/// engine is specified without the real exports (their legacy <c>.xls</c> cannot be written: no maintained library
/// writes BIFF8). The same table always writes the same bytes.
/// </summary>
public static class MonthlyTableWriter
{
    private static readonly string[] Days = ["31.", "28. bzw. 29.", "31.", "30.", "31.", "30.", "31.", "31. ", "30.", "31.", "30.", "31."];
    private static readonly string[] ExcelShort = ["Jan", "Feb", "Mrz", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> (<c>.xlsx</c>).</summary>
    public static void Write(MonthlyTable table, string path)
    {
        var book = new XlsxWorkbook("Bielefeld.Etl.Synthetic", new DateTime(2014, 7, 21, 0, 0, 0, DateTimeKind.Utc));
        var sheet = book.AddSheet("Temporär");
        var series = table.Series.Count;
        var width = 1 + (12 * series);
        var r = 0;
        foreach (var line in table.Title)
        {
            sheet.Text(r, 0, line);
            sheet.Merge(r, 0, r, width - 1);
            r++;
        }

        string Label(string text) => table.SpacedLabels ? text.Replace(" ", "\u00A0", StringComparison.Ordinal) + " " : text;
        sheet.Text(r, 0, "Jahr");
        sheet.Text(r, 1, "Monate (jeweils Stichtag zum Monatsende)");
        sheet.Merge(r, 1, r, width - 1);
        sheet.Merge(r, 0, r + 3, 0);
        for (var m = 1; m <= 12; m++)
        {
            var column = 1 + ((m - 1) * series);
            switch (table.Months)
            {
                case MonthHeaderStyle.Number:
                    sheet.Number(r + 1, column, m);
                    break;
                case MonthHeaderStyle.ExcelShort:
                    sheet.Text(r + 1, column, Label(ExcelShort[m - 1]));
                    break;
                default:
                    sheet.Text(r + 1, column, Label($"{GermanMonthName.FullName(m)} ({Days[m - 1]})"));
                    break;
            }

            sheet.Text(r + 2, column, "Geschlecht");
            sheet.Merge(r + 1, column, r + 1, column + series - 1);
            sheet.Merge(r + 2, column, r + 2, column + series - 1);
            for (var s = 0; s < series; s++)
            {
                sheet.Text(r + 3, column + s, Label(table.Series[s]));
            }
        }

        r += 4;
        foreach (var (year, value) in table.Years)
        {
            sheet.Text(r, 0, year.ToString(CultureInfo.InvariantCulture));
            for (var m = 1; m <= 12; m++)
            {
                for (var s = 0; s < series; s++)
                {
                    var column = 1 + ((m - 1) * series) + s;
                    switch (value(m, s))
                    {
                        case null:
                            sheet.Text(r, column, "...");
                            break;
                        case { } figure when table.NumbersAsText:
                            sheet.Text(r, column, figure.ToString("#,##0.##", GermanValues.Culture));
                            break;
                        case { } figure:
                            sheet.Number(r, column, decimal.ToDouble(figure));
                            break;
                    }
                }
            }

            r++;
        }

        sheet.Text(r++, 0, "__________");
        foreach (var footnote in table.Footnotes)
        {
            if (footnote.Length > 0)
            {
                sheet.Text(r, 0, footnote);
            }

            r++;
        }

        var stand = string.Create(CultureInfo.InvariantCulture, $"{table.Stand:dd.MM.yyyy} / 12:00:00");
        switch (table.StandCells)
        {
            case StandLayout.LabelBesideText:
                sheet.Text(r, 0, "Stand:");
                sheet.Text(r, 1, stand);
                break;
            case StandLayout.LabelBesideDate:
                sheet.Text(r, 0, "Stand:");
                sheet.Date(r, 1, table.Stand);
                break;
            default:
                sheet.Text(r, 0, "Stand: " + stand);
                break;
        }

        book.Save(path);
    }
}
