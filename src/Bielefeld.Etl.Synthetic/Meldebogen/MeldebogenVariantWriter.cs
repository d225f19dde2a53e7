using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Sources.Xlsx;

namespace Bielefeld.Etl.Synthetic.Meldebogen;

/// <summary>
/// Writes a filled Meldebogen the way people pass one on instead of the generated template: of
/// <see cref="SpreadsheetVariant"/>, a title block above the header (<see cref="SpreadsheetVariant.HeaderMoved"/>),
/// header names with odd spaces (<see cref="SpreadsheetVariant.LabelSpaces"/>), figures typed as text
/// (<see cref="SpreadsheetVariant.NumbersAsText"/>) and the sheet renamed to <see cref="RenamedSheetName"/>.
/// </summary>
public static class MeldebogenVariantWriter
{
    /// <summary>The sheet's name in the <see cref="SpreadsheetVariant.RenamedSheet"/> variant.</summary>
    public const string RenamedSheetName = "Meldungen 2017";

    /// <summary>Writes <paramref name="entries"/> as an <c>.xlsx</c> Meldebogen in <paramref name="variant"/>'s forms.</summary>
    public static void Write(IReadOnlyList<MeldebogenEntry> entries, string path, SpreadsheetVariant variant)
    {
        var book = new XlsxWorkbook("Bielefeld.Etl.Synthetic", new DateTime(2017, 7, 5, 0, 0, 0, DateTimeKind.Utc));
        var sheet = book.AddSheet(variant.HasFlag(SpreadsheetVariant.RenamedSheet) ? RenamedSheetName : MeldebogenColumns.SheetName);
        var headerRow = 0;
        if (variant.HasFlag(SpreadsheetVariant.HeaderMoved))
        {
            sheet.Text(0, 0, "Meldebogen (weitergeleitet)");
            headerRow = 2;
        }

        for (var c = 0; c < MeldebogenColumns.Header.Count; c++)
        {
            var name = MeldebogenColumns.Header[c];
            sheet.Text(headerRow, c, variant.HasFlag(SpreadsheetVariant.LabelSpaces) ? name + "\u00A0 " : name);
        }

        for (var r = 0; r < entries.Count; r++)
        {
            var cells = entries[r].Cells();
            for (var c = 0; c < cells.Count; c++)
            {
                if (cells[c] is not { Length: > 0 } value)
                {
                    continue;
                }

                var numeric = MeldebogenColumns.Header[c] is MeldebogenColumns.Wert or MeldebogenColumns.Zaehler or MeldebogenColumns.Nenner;
                if (numeric && !variant.HasFlag(SpreadsheetVariant.NumbersAsText) && GermanValues.TryNumber(value, out var number))
                {
                    sheet.Number(headerRow + 1 + r, c, decimal.ToDouble(number));
                }
                else
                {
                    sheet.Text(headerRow + 1 + r, c, numeric && GermanValues.TryNumber(value, out var typed) ? typed.ToString("#,0.##", GermanValues.Culture) : value);
                }
            }
        }

        book.Save(path);
    }
}
