using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Workbooks;

/// <summary>
/// The first rows of a sheet, held in memory so that the header row can be found by its content rather than by a fixed
/// row number (title blocks grow and shrink by a line). Merged header cells read as their merged value: Excel keeps a
/// merged cell's value in its top-left cell only, so a label merged over two header rows or several columns would
/// otherwise be blank where the reader looks. Rows after the header that were already read are handed back as data.
/// </summary>
public sealed class SheetHead
{
    /// <summary>How far down a header row is looked for: a title block of up to 19 lines.</summary>
    public const int SearchRows = 20;

    private readonly List<object?[]> _rows;
    private readonly IReadOnlyList<CellRange> _merges;

    private SheetHead(List<object?[]> rows, IReadOnlyList<CellRange> merges)
    {
        _rows = rows;
        _merges = merges;
    }

    /// <summary>The rows read, 0-based (row 0 is sheet row 1).</summary>
    public IReadOnlyList<object?[]> Rows => _rows;

    /// <summary>Reads up to <paramref name="rows"/> rows of the current sheet, each at least <paramref name="width"/> cells wide.</summary>
    public static SheetHead Read(IExcelDataReader excel, int width, int rows = SearchRows)
    {
        var read = new List<object?[]>();
        while (read.Count < rows && excel.Read())
        {
            read.Add(Cells(excel, width));
        }

        return new SheetHead(read, excel.MergeCells ?? []);
    }

    /// <summary>The current row of <paramref name="excel"/>, at least <paramref name="width"/> cells wide.</summary>
    public static object?[] Cells(IExcelDataReader excel, int width)
    {
        var cells = new object?[Math.Max(width, excel.FieldCount)];
        for (var i = 0; i < excel.FieldCount; i++)
        {
            cells[i] = excel.GetValue(i);
        }

        return cells;
    }

    /// <summary>A cell's value; a blank cell inside a merged range has the range's (top-left) value.</summary>
    public object? Cell(int row, int column)
    {
        var value = Raw(row, column);
        return SheetCell.IsBlank(value) && MergeOf(row, column) is { } merge ? Raw(merge.FromRow, merge.FromColumn) : value;
    }

    /// <summary>
    /// A header row's cells with merged values filled in (<see cref="Cell"/>), each fill noted as
    /// <see cref="NormalisationCodes.MergedHeader"/>.
    /// </summary>
    public object?[] HeaderCells(int row, string? sheet, NormalisationProtocol protocol)
    {
        var cells = (object?[])_rows[row].Clone();
        for (var c = 0; c < cells.Length; c++)
        {
            if (SheetCell.IsBlank(cells[c]) && MergeOf(row, c) is { } merge && Raw(merge.FromRow, merge.FromColumn) is { } value && !SheetCell.IsBlank(value))
            {
                cells[c] = value;
                var label = GermanLabel.Of(value);
                protocol.Add(NormalisationCodes.MergedHeader, label,
                    $"Kopfzelle {SheetCell.ColumnLetter(c)}{(row + 1).ToString(CultureInfo.InvariantCulture)} aus der verbundenen Zelle {SheetCell.ColumnLetter(merge.FromColumn)}{(merge.FromRow + 1).ToString(CultureInfo.InvariantCulture)} ('{label}') gelesen",
                    sheet, row + 1, SheetCell.ColumnLetter(c));
            }
        }

        return cells;
    }

    /// <summary>Whether the cell is the last row of the range it belongs to (a cell outside any merge is its own range).</summary>
    public bool IsBottomOfCell(int row, int column) => MergeOf(row, column) is not { } merge || merge.ToRow == row;

    /// <summary>
    /// The one row among the rows read that <paramref name="isHeader"/> accepts (0-based). None, or two, refuse the file
    /// with <see cref="FileReasons.UnexpectedHead"/>: which row holds the header would be guessed.
    /// </summary>
    /// <param name="isHeader">Whether a row (0-based index into <see cref="Rows"/>) is the header row.</param>
    /// <param name="fileName">For the message.</param>
    /// <param name="description">What the header row has, for the message (e.g. „'Kennzahl' in Spalte A und Monate Jan–Dez“).</param>
    /// <param name="expectedRow">The contract's header row (0-based): finding it elsewhere is noted as <see cref="NormalisationCodes.HeaderRowMoved"/>.</param>
    /// <param name="sheet">For the note.</param>
    /// <param name="protocol">Receives the note.</param>
    public int FindHeader(Func<int, bool> isHeader, string fileName, string description, int expectedRow, string? sheet, NormalisationProtocol protocol)
    {
        var candidates = Enumerable.Range(0, _rows.Count).Where(isHeader).ToList();
        if (candidates.Count == 0)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                string.Create(CultureInfo.InvariantCulture, $"{fileName}: keine Kopfzeile mit {description} in den ersten {SearchRows} Zeilen."));
        }

        if (candidates.Count > 1)
        {
            throw new ExtractFileException(FileReasons.UnexpectedHead,
                $"{fileName}: die Zeilen {string.Join(" und ", candidates.Select(c => (c + 1).ToString(CultureInfo.InvariantCulture)))} kommen beide als Kopfzeile ({description}) in Frage; welche gilt, wäre geraten.");
        }

        var header = candidates[0];
        if (header != expectedRow)
        {
            protocol.Add(NormalisationCodes.HeaderRowMoved, (header + 1).ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"Kopfzeile in Zeile {header + 1} statt {expectedRow + 1} gefunden"), sheet, header + 1, null);
        }

        return header;
    }

    private object? Raw(int row, int column) => row < _rows.Count && column < _rows[row].Length ? _rows[row][column] : null;

    private CellRange? MergeOf(int row, int column) =>
        _merges.FirstOrDefault(m => m.FromRow <= row && row <= m.ToRow && m.FromColumn <= column && column <= m.ToColumn);
}
