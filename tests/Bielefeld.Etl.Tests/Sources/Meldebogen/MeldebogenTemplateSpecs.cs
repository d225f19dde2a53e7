using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Meldebogen;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bielefeld.Etl.Tests.Sources.Meldebogen;

/// <summary>The stewards' template as Excel shows it: read back with the Open XML SDK, independent of the writer.</summary>
public sealed class MeldebogenTemplateSpecs : IDisposable
{
    private static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L"];
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    public static Worksheet Sheet(SpreadsheetDocument document, string name)
    {
        var book = document.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet;
    }

    public static Cell Cell(Row row, string column) =>
        row.Elements<Cell>().Single(c => c.CellReference == column + row.RowIndex!.Value);

    private static CellFormat Format(SpreadsheetDocument document, Cell cell) =>
        document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));

    private static bool IsInput(SpreadsheetDocument document, Cell cell)
    {
        var format = Format(document, cell);
        var unlocked = format.Protection?.Locked?.Value == false;
        var fill = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value).PatternFill!;
        var highlighted = fill.PatternType?.Value == PatternValues.Solid && fill.ForegroundColor?.Rgb?.Value == "FFFFF2CC";
        Assert.Equal(unlocked, highlighted); // an editable cell is always marked, a marked cell always editable
        return unlocked;
    }

    private string Template540()
    {
        var path = _dir.File("Meldebogen_540_2017.xlsx");
        MeldebogenFileWriter.Write(MeldebogenTemplate.ForOrgUnit(KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping, "540", 2017), KafPipeline.Catalog, path);
        return path;
    }

    [Fact]
    public void The_sheet_is_protected_and_only_the_fields_of_each_rows_kind_Kommentar_and_Gemeldet_von_are_unlocked_and_highlighted()
    {
        using var document = SpreadsheetDocument.Open(Template540(), isEditable: false);
        var sheet = Sheet(document, "Meldebogen");
        var rows = sheet.Descendants<Row>().ToList();

        var protection = Assert.Single(sheet.Elements<SheetProtection>());
        Assert.True(protection.Sheet?.Value);
        Assert.Null(protection.Password);
        Assert.All(rows[0].Elements<Cell>(), c => Assert.False(IsInput(document, c)));
        var inputs = rows.Skip(1)
            .Select(r => (Kind: KafPipeline.Catalog.FindIndicator(Cell(r, "A").InnerText)!.Kind, Input: string.Concat(Columns.Where(c => IsInput(document, Cell(r, c))))))
            .Distinct()
            .OrderBy(k => k.Kind)
            .ToList();
        Assert.Equal(
            [(IndicatorKind.Count, "FKL"), (IndicatorKind.Rate, "GHKL"), (IndicatorKind.Milestone, "IKL"), (IndicatorKind.Qualitative, "JKL")],
            inputs);
        Assert.Equal(151, rows.Count); // the header and 150 template rows, every one checked
    }

    [Fact]
    public void Bewertung_offers_exactly_the_three_words_the_reader_accepts_as_a_drop_down_on_every_qualitative_row()
    {
        using var document = SpreadsheetDocument.Open(Template540(), isEditable: false);
        var sheet = Sheet(document, "Meldebogen");
        var qualitative = sheet.Descendants<Row>().Skip(1)
            .Where(r => KafPipeline.Catalog.FindIndicator(Cell(r, "A").InnerText)!.Kind == IndicatorKind.Qualitative)
            .Select(r => "J" + r.RowIndex!.Value)
            .ToList();

        var validation = Assert.Single(sheet.Descendants<DataValidation>());
        Assert.Equal(DataValidationValues.List, validation.Type!.Value);
        Assert.Equal("\"erreicht,teilweise,nicht erreicht\"", validation.Formula1!.Text);
        Assert.True(validation.ShowErrorMessage?.Value);
        Assert.Equal(qualitative, validation.SequenceOfReferences!.Items.Select(i => i.Value));
        Assert.Equal(["J2", "J3"], qualitative);
    }

    [Fact]
    public void Every_word_of_the_drop_down_list_is_read_as_its_assessment()
    {
        var template = Template540();
        string[] words;
        using (var document = SpreadsheetDocument.Open(template, isEditable: false))
        {
            words = Sheet(document, "Meldebogen").Descendants<DataValidation>().Single().Formula1!.Text.Trim('"').Split(',');
        }

        var assessments = words.Select(word =>
        {
            var path = _dir.File($"Meldebogen_540_2017_{word}.xlsx");
            File.Copy(template, path);
            using (var document = SpreadsheetDocument.Open(path, isEditable: true))
            {
                var row = Sheet(document, "Meldebogen").Descendants<Row>().Single(r => Cell(r, "A").InnerText == "540-4.1");
                Type(Cell(row, "J"), word);
                Type(Cell(row, "K"), "Begründung");
                Type(Cell(row, "L"), "540 Öffentlichkeitsarbeit");
            }

            using var reading = MeldebogenPipeline.Reader.Open(path);
            return Assert.Single(Assert.Single(reading.Rows.OfType<SourceRow.Accepted>()).Observations).Value!.Value;
        });

        Assert.Equal([1m, 0.5m, 0m], assessments);
    }

    private static void Type(Cell cell, string text)
    {
        cell.DataType = CellValues.InlineString;
        cell.InlineString = new InlineString(new Text(text));
    }
}
