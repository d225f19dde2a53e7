using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.German;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>A value column of a wide table and what its header says: month, series, area (each null where rows or the pipeline say it).</summary>
internal sealed record TableColumn(int Index, MonthHeading? Month, Indicator? Indicator, Area? Area);

/// <summary>The key columns of a long table, by index.</summary>
internal sealed record LongColumns(int? Month, int? Series, int? Area, int Value);

/// <summary>
/// The title block and the header of an official table, found by the text of column A in the header's first row
/// within the first rows of the sheet. Merged header cells count for every column they span (a month over its
/// three Geschlecht columns). What cannot be read without guessing refuses the file.
/// </summary>
internal sealed class TableHead(int lastRow, List<SourceRow> rows, List<string> title)
{
    /// <summary>Title blocks of official tables run to a dozen lines; a header further down is not the described layout.</summary>
    public const int MaxHeadRows = 30;

    /// <summary>The number of the last header row (1-based); the data follow it.</summary>
    public int LastRow { get; } = lastRow;

    /// <summary>The title and header rows, skipped.</summary>
    public IReadOnlyList<SourceRow> Rows { get; } = rows;

    /// <summary>The title block's lines (normalised), for the checks of table and area.</summary>
    public IReadOnlyList<string> Title { get; } = title;

    /// <summary>The value columns of a wide table that feed a mapped series.</summary>
    public IReadOnlyList<TableColumn> Columns { get; private set; } = [];

    /// <summary>The key columns of a long table.</summary>
    public LongColumns? Long { get; private set; }

    public static TableHead Read(IExcelDataReader excel, StatistiktabelleMapping mapping, IReadOnlyList<CellRange> merges, string fileName, string sheet, NormalisationProtocol protocol)
    {
        var options = mapping.Options;
        var firstCell = GermanLabel.Normalise(options.Header.FirstCell);
        var rows = new List<SourceRow>();
        var title = new List<string>();
        var cells = new List<object?[]>();
        var number = 0;
        var headerStart = -1;
        while (number < MaxHeadRows + options.Header.Rows && excel.Read())
        {
            number++;
            var row = Cells(excel);
            cells.Add(row);
            if (headerStart < 0 && number <= MaxHeadRows && string.Equals(GermanLabel.Of(row.Length > 0 ? row[0] : null), firstCell, StringComparison.OrdinalIgnoreCase))
            {
                headerStart = number;
            }

            if (headerStart < 0)
            {
                var line = string.Join(" ", row.Where(c => !SheetCell.IsBlank(c)).Select(GermanLabel.Of));
                if (line.Length > 0)
                {
                    title.Add(line);
                }

                rows.Add(new SourceRow.Skipped(number, line.Length == 0 ? "Leerzeile" : "Titelblock"));
                continue;
            }

            rows.Add(new SourceRow.Skipped(number, "Kopfzeile"));
            if (number == headerStart + options.Header.Rows - 1)
            {
                break;
            }
        }

        if (headerStart < 0)
        {
            throw Head(fileName, $"keine Kopfzeile mit '{options.Header.FirstCell}' in Spalte A in den ersten {MaxHeadRows} Zeilen des Blatts '{sheet}'.");
        }

        if (number < headerStart + options.Header.Rows - 1)
        {
            throw Head(fileName, $"der Kopf ab Zeile {headerStart} hat nicht die {options.Header.Rows} Zeilen, die die Pipeline beschreibt.");
        }

        var head = new TableHead(number, rows, title);
        var header = new HeaderCells(cells, merges, headerStart);
        if (mapping.IsLong)
        {
            head.Long = LongColumnsOf(header, mapping, fileName);
        }
        else
        {
            head.Columns = ColumnsOf(header, mapping, fileName, new MonthNotes(protocol, sheet, headerStart));
        }

        return head;
    }

    /// <summary>Every cell of the current row.</summary>
    public static object?[] Cells(IExcelDataReader excel)
    {
        var cells = new object?[excel.FieldCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = excel.GetValue(i);
        }

        return cells;
    }

    private static List<TableColumn> ColumnsOf(HeaderCells header, StatistiktabelleMapping mapping, string fileName, MonthNotes notes)
    {
        var options = mapping.Options;
        var columns = new List<TableColumn>();
        var seenSeries = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<(int?, int?, string?, string?), int>();
        for (var c = 1; c < header.Width; c++)
        {
            var monthCell = options.Header.MonthRow is { } mr ? header.Cell(mr, c) : null;
            var seriesCell = options.Header.SeriesRow is { } sr ? header.Cell(sr, c) : null;
            var areaCell = options.Header.AreaRow is { } ar ? header.Cell(ar, c) : null;
            if ((options.Header.MonthRow is not null && SheetCell.IsBlank(monthCell))
                || (options.Header.SeriesRow is not null && SheetCell.IsBlank(seriesCell))
                || (options.Header.AreaRow is not null && SheetCell.IsBlank(areaCell)))
            {
                continue;
            }

            var letter = SheetCell.ColumnLetter(c);
            MonthHeading? month = null;
            if (options.Header.MonthRow is not null)
            {
                month = mapping.Month(monthCell)
                    ?? throw Head(fileName, $"der Monat im Kopf von Spalte {letter} ('{SheetCell.Raw(monthCell)}') ist nicht lesbar.");
                if (mapping.RowKey != TableKey.Year && month.Year is null)
                {
                    throw Head(fileName, $"der Monat im Kopf von Spalte {letter} ('{SheetCell.Raw(monthCell)}') nennt kein Jahr, und die Zeilen nennen keines.");
                }

                notes.Add(month, options.Header.MonthRow.Value, letter);
            }

            Indicator? indicator = null;
            if (options.Header.SeriesRow is not null)
            {
                var label = GermanLabel.Of(seriesCell);
                seenSeries.Add(label);
                indicator = mapping.Series(label);
                if (indicator is null)
                {
                    continue; // a series the pipeline does not load
                }
            }

            Area? area = null;
            if (options.Header.AreaRow is not null)
            {
                var label = GermanLabel.Of(areaCell);
                area = mapping.Total(label) is true ? mapping.TableArea : mapping.Area(label);
                if (area is null)
                {
                    if (mapping.Total(label) is false || options.UnknownAreas == "skip")
                    {
                        continue;
                    }

                    throw new ExtractFileException(StatistiktabelleReasons.UnknownRow,
                        $"{fileName}: Spalte {letter}: {mapping.WhyNoArea(label)}");
                }
            }

            var key = (month?.Month, month?.Year, indicator?.Code, area?.Code);
            if (!keys.TryAdd(key, c))
            {
                throw Head(fileName, $"die Spalten {SheetCell.ColumnLetter(keys[key])} und {letter} haben denselben Kopf; welche gilt, wäre geraten.");
            }

            columns.Add(new TableColumn(c, month, indicator, area));
        }

        if (options.Header.SeriesRow is not null)
        {
            var missing = options.Series.Where(s => !s.Aliases.Prepend(s.Label).Any(l => seenSeries.Contains(GermanLabel.Normalise(l)))).Select(s => s.Label).ToList();
            if (missing.Count > 0)
            {
                throw new ExtractFileException(StatistiktabelleReasons.MissingSeries,
                    $"{fileName}: der Kopf nennt die Reihe {string.Join(", ", missing.Select(m => $"'{m}'"))} nicht (vorhanden: {string.Join(", ", seenSeries)}); eine umbenannte Reihe wird in der Pipeline als Alias eingetragen.");
            }
        }

        return columns.Count > 0 ? columns : throw Head(fileName, "der Kopf hat keine Spalte, deren Werte die Pipeline lädt.");
    }

    private static LongColumns LongColumnsOf(HeaderCells header, StatistiktabelleMapping mapping, string fileName)
    {
        var labels = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < header.Width; c++)
        {
            var label = GermanLabel.Of(header.Cell(mapping.Options.Header.Rows, c));
            if (label.Length > 0)
            {
                labels[label] = labels.ContainsKey(label) ? -1 : c;
            }
        }

        int? Find(string? name)
        {
            if (name is null)
            {
                return null;
            }

            return labels.TryGetValue(GermanLabel.Normalise(name), out var index) switch
            {
                false => throw Head(fileName, $"die Spalte '{name}' fehlt im Kopf (vorhanden: {string.Join(", ", labels.Keys)})."),
                true when index < 0 => throw Head(fileName, $"die Spalte '{name}' steht mehrfach im Kopf; welche gilt, wäre geraten."),
                _ => index,
            };
        }

        var columns = mapping.Options.Columns;
        return new LongColumns(Find(columns.Month), Find(columns.Series), Find(columns.Area), Find(columns.Value)!.Value);
    }

    private static ExtractFileException Head(string fileName, string detail) => new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");

    /// <summary>
    /// Notes month headers read from another form than the full German name (<c>Mrz</c>, <c>03</c>, a date cell) as
    /// <see cref="NormalisationCodes.MonthHeader"/>, once per spelling: a month merged over its series columns is one header.
    /// </summary>
    private sealed class MonthNotes(NormalisationProtocol protocol, string sheet, int headerStart)
    {
        private readonly HashSet<MonthHeading> _noted = [];

        public void Add(MonthHeading month, int headerRow, string letter)
        {
            if (!_noted.Add(month))
            {
                return;
            }

            var name = GermanMonthName.FullName(month.Month);
            var canonical = month.Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{name} {year}") : name;
            if (month.IsDateCell || !string.Equals(GermanLabel.Normalise(month.Raw), canonical, StringComparison.Ordinal))
            {
                protocol.Note(month.NoteAgainst(canonical), sheet, headerStart + headerRow - 1, letter);
            }
        }
    }

    /// <summary>The header rows' cells; an empty cell inside a merged range reads as the range's first cell.</summary>
    private sealed class HeaderCells(List<object?[]> rows, IReadOnlyList<CellRange> merges, int headerStart)
    {
        public int Width => rows.Skip(headerStart - 1).Max(r => r.Length);

        /// <summary>The cell of header row <paramref name="headerRow"/> (1-based) in column <paramref name="column"/> (0-based).</summary>
        public object? Cell(int headerRow, int column)
        {
            var row = headerStart - 1 + headerRow - 1;
            var value = At(row, column);
            if (!SheetCell.IsBlank(value))
            {
                return value;
            }

            var merge = merges.FirstOrDefault(m => m.FromRow <= row && row <= m.ToRow && m.FromColumn <= column && column <= m.ToColumn);
            return merge is not null && merge.FromRow >= headerStart - 1 ? At(merge.FromRow, merge.FromColumn) : value;
        }

        private object? At(int row, int column) =>
            row >= 0 && row < rows.Count && column < rows[row].Length ? rows[row][column] : null;
    }

    /// <summary>A year in column A (<c>2013</c>, as number or text).</summary>
    public static int? Year(object? cell)
    {
        var text = GermanLabel.Of(cell);
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100 ? year : null;
    }
}
