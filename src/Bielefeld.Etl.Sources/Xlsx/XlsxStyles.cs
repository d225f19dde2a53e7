using DocumentFormat.OpenXml.Spreadsheet;

namespace Bielefeld.Etl.Sources.Xlsx;

/// <summary>The styles a workbook uses, numbered in order of first use (0 is the default look), and its styles part.</summary>
internal sealed class XlsxStyles
{
    // Fonts: 0 regular, 1 bold. Fills: 0 and 1 are the two Excel reserves, 2 the input highlight. Formats: built-in
    // 0 General and 49 Text; 164 is the first custom number.
    private const uint DateFormatId = 164;
    private const uint TextFormatId = 49;
    private const string InputColour = "FFFFF2CC";

    private readonly Dictionary<XlsxStyle, uint> _indexes = new() { [default] = 0 };
    private readonly List<XlsxStyle> _styles = [default];

    public XlsxStyles(IEnumerable<XlsxSheet> sheets)
    {
        foreach (var style in sheets.SelectMany(s => s.Rows.Values).SelectMany(r => r.Values).Select(c => c.Style))
        {
            if (_indexes.TryAdd(style, (uint)_styles.Count))
            {
                _styles.Add(style);
            }
        }
    }

    public uint IndexOf(XlsxStyle style) => _indexes[style];

    public Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = DateFormatId, FormatCode = "dd.mm.yyyy" }) { Count = 1 },
        new Fonts(Font(bold: false), Font(bold: true)) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = InputColour }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
        new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
        new CellFormats(_styles.Select(Format)) { Count = (uint)_styles.Count },
        new CellStyles(new CellStyle { Name = "Standard", FormatId = 0, BuiltinId = 0 }) { Count = 1 });

    private static Font Font(bool bold)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        font.Append(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }, new FontFamilyNumbering { Val = 2 });
        return font;
    }

    private static CellFormat Format(XlsxStyle style)
    {
        var format = new CellFormat
        {
            NumberFormatId = style.Format switch
            {
                XlsxFormat.Text => TextFormatId,
                XlsxFormat.Date => DateFormatId,
                _ => 0U,
            },
            FontId = style.IsBold ? 1U : 0U,
            FillId = style.IsInput ? 2U : 0U,
            BorderId = 0,
            FormatId = 0,
        };
        format.ApplyNumberFormat = style.Format != XlsxFormat.General ? true : null;
        format.ApplyFont = style.IsBold ? true : null;
        format.ApplyFill = style.IsInput ? true : null;
        if (style.IsInput)
        {
            format.ApplyProtection = true;
            format.Append(new Protection { Locked = false });
        }

        return format;
    }
}
