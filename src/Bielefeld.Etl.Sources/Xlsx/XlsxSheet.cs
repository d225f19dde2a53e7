using System.Globalization;

namespace Bielefeld.Etl.Sources.Xlsx;

/// <summary>
/// One worksheet of an <see cref="XlsxWorkbook"/>, collected in memory and written when the workbook is saved. Rows and
/// columns are 0-based (row 0, column 0 is A1); a cell written twice keeps the last value.
/// </summary>
public sealed class XlsxSheet
{
    private static readonly DateOnly ExcelEpoch = new(1899, 12, 30);

    private readonly SortedDictionary<int, SortedDictionary<int, XlsxCell>> _rows = [];
    private readonly SortedDictionary<int, double> _widths = [];
    private readonly List<string> _merges = [];
    private readonly List<XlsxListValidation> _validations = [];

    internal XlsxSheet(string name) => Name = name;

    /// <summary>The sheet's name.</summary>
    public string Name { get; }

    /// <summary>How many rows at the top stay visible when scrolling; 0 for none.</summary>
    public int FrozenRows { get; set; }

    /// <summary>
    /// Whether the sheet is protected (without a password): only <see cref="XlsxStyle.IsInput"/> cells can be edited;
    /// column widths and row heights stay adjustable.
    /// </summary>
    public bool IsProtected { get; set; }

    internal SortedDictionary<int, SortedDictionary<int, XlsxCell>> Rows => _rows;

    internal IReadOnlyDictionary<int, double> Widths => _widths;

    internal IReadOnlyList<string> Merges => _merges;

    internal IReadOnlyList<XlsxListValidation> Validations => _validations;

    /// <summary>The Excel reference of a cell, <c>A1</c> for row 0 and column 0.</summary>
    public static string Reference(int row, int column) =>
        SheetCell.ColumnLetter(column) + (row + 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a text cell.</summary>
    public void Text(int row, int column, string value, XlsxStyle style = default)
    {
        Put(row, column, new XlsxCell(value, null, style));
    }

    /// <summary>Writes a number cell.</summary>
    public void Number(int row, int column, double value, XlsxStyle style = default) =>
        Put(row, column, new XlsxCell(value, null, style));

    /// <summary>Writes a date cell (a day number shown as <c>dd.mm.yyyy</c>).</summary>
    public void Date(int row, int column, DateOnly value, XlsxStyle style = default) =>
        Put(row, column, new XlsxCell((double)(value.DayNumber - ExcelEpoch.DayNumber), null, style with { Format = XlsxFormat.Date }));

    /// <summary>
    /// Writes a formula with its computed result: readers that do not calculate (ExcelDataReader) see only the cached
    /// value, so the writer must supply it.
    /// </summary>
    public void Formula(int row, int column, string formula, double cachedValue, XlsxStyle style = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(formula);
        Put(row, column, new XlsxCell(cachedValue, formula, style));
    }

    /// <summary>Writes an empty cell that carries a style, e.g. an input cell still to be filled in.</summary>
    public void Empty(int row, int column, XlsxStyle style) => Put(row, column, new XlsxCell(null, null, style));

    /// <summary>Sets a column's width in characters.</summary>
    public void ColumnWidth(int column, double characters)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(characters);
        _widths[column] = characters;
    }

    /// <summary>Merges the cells from the first to the last row and column, inclusive.</summary>
    public void Merge(int firstRow, int firstColumn, int lastRow, int lastColumn)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lastRow, firstRow);
        ArgumentOutOfRangeException.ThrowIfLessThan(lastColumn, firstColumn);
        _merges.Add(Reference(firstRow, firstColumn) + ":" + Reference(lastRow, lastColumn));
    }

    /// <summary>
    /// A drop-down list on the given cells: Excel offers <paramref name="values"/> and refuses anything else with
    /// <paramref name="error"/>. An empty cell stays allowed.
    /// </summary>
    /// <exception cref="ArgumentException">No cells or values, a value with a comma or quote, or the list longer than Excel's 255 characters.</exception>
    public void ListValidation(IReadOnlyCollection<(int Row, int Column)> cells, IReadOnlyList<string> values, string error)
    {
        ArgumentException.ThrowIfNullOrEmpty(error);
        if (cells.Count == 0 || values.Count == 0)
        {
            throw new ArgumentException("A list validation needs cells and values.", nameof(cells));
        }

        // Excel keeps an inline list as one quoted, comma-separated string of at most 255 characters.
        var list = string.Join(',', values);
        if (values.Any(v => v.Contains(',', StringComparison.Ordinal) || v.Contains('"', StringComparison.Ordinal)) || list.Length > 255)
        {
            throw new ArgumentException("Inline list values must not contain commas or quotes and stay within 255 characters.", nameof(values));
        }

        _validations.Add(new XlsxListValidation(string.Join(' ', cells.Select(c => Reference(c.Row, c.Column))), list, error));
    }

    private void Put(int row, int column, XlsxCell cell)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(column);
        if (!_rows.TryGetValue(row, out var cells))
        {
            cells = [];
            _rows.Add(row, cells);
        }

        cells[column] = cell;
    }
}

/// <summary>A cell's content: text, a number (dates included) or nothing; with a formula, the number is its cached result.</summary>
internal readonly record struct XlsxCell(object? Value, string? Formula, XlsxStyle Style);

/// <summary>A drop-down list over a space-separated list of cell references.</summary>
internal sealed record XlsxListValidation(string References, string List, string Error);
