using System.Globalization;
using System.IO.Compression;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Bielefeld.Etl.Sources.Xlsx;

/// <summary>
/// An Excel workbook (<c>.xlsx</c>) built in memory and written at once with the Open XML SDK. The same content always
/// writes the same bytes: part and relationship names are fixed, and every zip entry carries <see cref="EntryTime"/>
/// instead of the time of writing.
/// </summary>
public sealed class XlsxWorkbook
{
    /// <summary>The modification time of every entry in the written archive.</summary>
    public static readonly DateTimeOffset EntryTime = new(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<XlsxSheet> _sheets = [];

    /// <summary>Creates an empty workbook.</summary>
    /// <param name="creator">The author shown in the document properties.</param>
    /// <param name="created">The creation time shown in the document properties; none when null.</param>
    public XlsxWorkbook(string creator, DateTime? created = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(creator);
        Creator = creator;
        Created = created;
    }

    /// <summary>The author in the document properties.</summary>
    public string Creator { get; }

    /// <summary>The creation time in the document properties.</summary>
    public DateTime? Created { get; }

    /// <summary>Adds a sheet after the existing ones.</summary>
    /// <exception cref="ArgumentException">A sheet of that name exists.</exception>
    public XlsxSheet AddSheet(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_sheets.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new ArgumentException($"The workbook already has a sheet '{name}'.", nameof(name));
        }

        var sheet = new XlsxSheet(name);
        _sheets.Add(sheet);
        return sheet;
    }

    /// <summary>Writes the workbook to <paramref name="path"/>, overwriting it.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var package = new MemoryStream();
        WritePackage(package);
        package.Position = 0;

        // System.IO.Packaging stamps each entry with the current time; copying the entries with a fixed time makes the
        // bytes a function of the content alone.
        using var input = new ZipArchive(package, ZipArchiveMode.Read);
        using var output = new FileStream(path, FileMode.Create, FileAccess.Write);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create);
        foreach (var entry in input.Entries)
        {
            var copy = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }

    private void WritePackage(Stream stream)
    {
        var styles = new XlsxStyles(_sheets);
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);

        // Explicit relationship ids throughout: the SDK would otherwise make up random ones.
        var book = document.AddWorkbookPart();
        document.ChangeIdOfPart(book, "rId1");
        WriteCoreProperties(document.AddNewPart<CoreFilePropertiesPart>("rId2"));
        var sheets = new Sheets();
        for (var i = 0; i < _sheets.Count; i++)
        {
            var id = "rId" + (i + 1).ToString(CultureInfo.InvariantCulture);
            WriteSheet(book.AddNewPart<WorksheetPart>(id), _sheets[i], styles);
            sheets.Append(new Sheet { Name = _sheets[i].Name, SheetId = (uint)(i + 1), Id = id });
        }

        book.AddNewPart<WorkbookStylesPart>("rId" + (_sheets.Count + 1).ToString(CultureInfo.InvariantCulture)).Stylesheet = styles.Stylesheet();
        book.Workbook = new Workbook(sheets);
    }

    private void WriteCoreProperties(CoreFilePropertiesPart part)
    {
        const string Core = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string Dc = "http://purl.org/dc/elements/1.1/";
        const string Terms = "http://purl.org/dc/terms/";
        const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";
        using var stream = part.GetStream(FileMode.Create);
        using var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("cp", "coreProperties", Core);
        xml.WriteAttributeString("xmlns", "dc", null, Dc);
        xml.WriteAttributeString("xmlns", "dcterms", null, Terms);
        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteElementString("creator", Dc, Creator);
        if (Created is { } created)
        {
            xml.WriteStartElement("created", Terms);
            xml.WriteAttributeString("type", Xsi, "dcterms:W3CDTF");
            xml.WriteString(created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void WriteSheet(WorksheetPart part, XlsxSheet sheet, XlsxStyles styles)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.Rows.Count > 0)
        {
            var lastColumn = sheet.Rows.Values.Max(r => r.Keys.Max());
            writer.WriteElement(new SheetDimension { Reference = "A1:" + XlsxSheet.Reference(sheet.Rows.Keys.Max(), lastColumn) });
        }

        if (sheet.FrozenRows > 0)
        {
            var topLeft = XlsxSheet.Reference(sheet.FrozenRows, 0);
            writer.WriteElement(new SheetViews(new SheetView(
                new Pane { VerticalSplit = sheet.FrozenRows, TopLeftCell = topLeft, ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } })
            {
                WorkbookViewId = 0,
            }));
        }

        if (sheet.Widths.Count > 0)
        {
            writer.WriteElement(new Columns(sheet.Widths.Select(w =>
                new Column { Min = (uint)(w.Key + 1), Max = (uint)(w.Key + 1), Width = w.Value, CustomWidth = true })));
        }

        writer.WriteStartElement(new SheetData());
        foreach (var (r, cells) in sheet.Rows)
        {
            writer.WriteStartElement(new Row { RowIndex = (uint)(r + 1) });
            foreach (var (c, cell) in cells)
            {
                writer.WriteElement(Cell(XlsxSheet.Reference(r, c), cell, styles.IndexOf(cell.Style)));
            }

            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        if (sheet.IsProtected)
        {
            writer.WriteElement(new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        }

        if (sheet.Merges.Count > 0)
        {
            writer.WriteElement(new MergeCells(sheet.Merges.Select(m => new MergeCell { Reference = m })) { Count = (uint)sheet.Merges.Count });
        }

        if (sheet.Validations.Count > 0)
        {
            writer.WriteElement(new DataValidations(sheet.Validations.Select(Validation)) { Count = (uint)sheet.Validations.Count });
        }

        writer.WriteEndElement();
    }

    private static Cell Cell(string reference, XlsxCell cell, uint style)
    {
        var written = new Cell { CellReference = reference, StyleIndex = style == 0 ? null : style };
        switch (cell.Value)
        {
            case string text:
                written.DataType = CellValues.InlineString;
                written.InlineString = new InlineString(new Text(text)
                {
                    Space = text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) ? SpaceProcessingModeValues.Preserve : null,
                });
                break;
            case double number:
                if (cell.Formula is not null)
                {
                    written.CellFormula = new CellFormula(cell.Formula);
                }

                written.CellValue = new CellValue(number.ToString("R", CultureInfo.InvariantCulture));
                break;
        }

        return written;
    }

    private static DataValidation Validation(XlsxListValidation validation) =>
        new(new Formula1("\"" + validation.List + "\""))
        {
            Type = DataValidationValues.List,
            AllowBlank = true,
            ShowErrorMessage = true,
            ErrorTitle = "Ungültiger Wert",
            Error = validation.Error,
            SequenceOfReferences = new ListValue<StringValue> { InnerText = validation.References },
        };
}
