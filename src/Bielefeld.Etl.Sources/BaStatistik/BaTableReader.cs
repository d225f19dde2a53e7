using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>
/// Reads a monthly BA table: a title block of varying height (Region, Berichtsmonat, Datenstand), a two-row header
/// found by its content (<c>Merkmal</c>, column labels; then column numbers), data rows with indented or
/// <c>darunter:</c> sub-rows, footnotes. Only the rows and columns the pipeline maps are read; the other rows are
/// skipped, and a mapped row the table lacks refuses the file (a renamed row must not silently stop a series).
/// Month forms, labels and numbers are read as the statistics-table engine reads them (<see cref="GermanMonthName"/>,
/// <see cref="GermanLabel"/>, <see cref="GermanValues.TryCellNumber"/>), and what differs from the contract's form is
/// noted in the load protocol.
/// </summary>
internal sealed partial class BaTableReader(string pipeline, BaStatistikMapping mapping)
{
    // The title block may grow by a few lines; a header further down than this is not the contract's layout.
    private const int MaxHeadRows = 30;

    static BaTableReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ExtractReading Open(string path)
    {
        var fileName = Path.GetFileName(path);
        var name = FileNamePattern().Match(fileName);
        if (!name.Success || !DateOnly.TryParseExact(name.Groups["month"].Value + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var fileMonth))
        {
            throw new ExtractFileException(FileReasons.UnexpectedName,
                $"{fileName}: erwartet wird BA_<Tabellenkürzel>_<AGS>_<JJJJMM>.xlsx oder .xls, z. B. BA_AMR_05711_201706.xlsx.");
        }

        if (!BaRegion.IsBielefeld(name.Groups["ags"].Value))
        {
            throw new ExtractFileException(BaStatistikReasons.ForeignRegion,
                $"{fileName}: der Dateiname nennt den Gemeindeschlüssel {name.Groups["ags"].Value}, Bielefeld ist 05711 bzw. 05711000.");
        }

        var table = mapping.FindTable(name.Groups["table"].Value)
            ?? throw new ExtractFileException(BaStatistikReasons.UnknownTable,
                $"{fileName}: die Tabelle '{name.Groups["table"].Value}' ist nicht bekannt; eine neue Tabelle wird in pipelines/{pipeline}.yml eingetragen.");

        var (stream, excel) = ExcelWorkbook.Open(path);

        try
        {
            // The sheet is chosen as every workbook reader chooses it: case and spaces ignored, and noted.
            var protocol = new NormalisationProtocol();
            var sheet = Workbooks.SheetChoice.MoveTo(excel, fileName, table.Sheet, table.SheetAliases, protocol);
            var head = ReadHead(excel, fileName, table, fileMonth, new Notes(protocol, sheet));
            var scope = new DeliveryScope(pipeline, null, head.Month, head.Month) { Mode = SupersedeMode.PerValue };
            return new ExtractReading(scope, head.Rows.Concat(ReadBody(excel, fileName, table, head)), new CompositeDisposable(excel, stream))
            {
                Sheet = sheet,
                Normalisations = protocol,
            };
        }
        catch
        {
            excel.Dispose();
            stream.Dispose();
            throw;
        }
    }

    private static TableHead ReadHead(IExcelDataReader excel, string fileName, TableMapping table, DateOnly fileMonth, Notes notes)
    {
        var rows = new List<SourceRow>();
        var title = new Dictionary<string, TitleEntry>(StringComparer.OrdinalIgnoreCase);
        object?[]? header = null;
        var number = 0;
        while (header is null && number < MaxHeadRows && excel.Read())
        {
            number++;
            var cells = Statistiktabelle.TableHead.Cells(excel);
            if (cells.Length > 0 && BaStatistikMapping.Normalise(SheetCell.Raw(cells[0]) ?? "") == "MERKMAL")
            {
                header = cells;
                rows.Add(new SourceRow.Skipped(number, "Kopfzeile"));
                break;
            }

            ReadTitleLine(cells, number, title);
            rows.Add(new SourceRow.Skipped(number, cells.All(SheetCell.IsBlank) ? "Leerzeile" : "Titelblock"));
        }

        if (header is null)
        {
            throw Head(fileName, $"keine Kopfzeile mit 'Merkmal' in Spalte A in den ersten {MaxHeadRows} Zeilen des Blatts '{table.Sheet}'.");
        }

        var headerRow = number;
        var month = TitleMonth(title, "Berichtsmonat", fileName, allowDay: false, notes);
        var vintage = TitleMonth(title, "Datenstand", fileName, allowDay: true, notes);
        CheckRegion(title, fileName);
        if (month != fileMonth)
        {
            throw new ExtractFileException(FileReasons.Contradiction,
                string.Create(CultureInfo.InvariantCulture, $"{fileName}: der Dateiname nennt den Berichtsmonat {fileMonth:yyyy-MM}, der Titelblock {month:yyyy-MM}."));
        }

        if (vintage < month)
        {
            throw new ExtractFileException(BaStatistikReasons.InvalidDataStatus,
                string.Create(CultureInfo.InvariantCulture, $"{fileName}: der Datenstand {vintage:dd.MM.yyyy} liegt vor dem Berichtsmonat {month:MM/yyyy}."));
        }

        var columns = ColumnsOf(header, headerRow, fileName, table, notes);

        // The second header row holds the column numbers 1, 2, 3, …; a table without it loses nothing.
        object?[]? firstData = null;
        if (excel.Read())
        {
            number++;
            var cells = Statistiktabelle.TableHead.Cells(excel);
            if (IsNumbering(cells))
            {
                rows.Add(new SourceRow.Skipped(number, "Kopfzeile (Spaltennummern)"));
            }
            else
            {
                firstData = cells;
                number--; // read again as the first data row
            }
        }

        return new TableHead(notes, headerRow, month, vintage, columns, rows, number, firstData);
    }

    private static void ReadTitleLine(object?[] cells, int row, Dictionary<string, TitleEntry> title)
    {
        var parts = cells.Select((c, i) => (Cell: c, Column: i)).Where(p => !SheetCell.IsBlank(p.Cell)).ToList();
        if (parts.Count == 0 || SheetCell.Raw(parts[0].Cell) is not { } first)
        {
            return;
        }

        var colon = first.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return;
        }

        var key = GermanLabel.Normalise(first[..colon]);
        var rest = first[(colon + 1)..].Trim();
        if (rest.Length == 0 && parts.Count > 1)
        {
            // "Datenstand:" in A and the value in B (as text or as a date cell).
            var value = parts[1].Cell is DateTime date ? (object)date : string.Join(' ', parts.Skip(1).Select(p => SheetCell.Raw(p.Cell)));
            title.TryAdd(key, new TitleEntry(value, row, parts[1].Column));
        }
        else
        {
            title.TryAdd(key, new TitleEntry(rest, row, parts[0].Column));
        }
    }

    /// <summary>
    /// A month of the title block in any form a German reader reads without guessing (<see cref="GermanMonthName"/>:
    /// <c>Juni 2017</c>, <c>Mrz 2017</c>, <c>06/2017</c>, <c>2017-06</c>, a date), or <c>201706</c>; with
    /// <paramref name="allowDay"/> (the Datenstand) a date keeps its day. Another form than the contract's
    /// <c>Juni 2017</c> or a date is noted (<see cref="NormalisationCodes.MonthValue"/>).
    /// </summary>
    private static DateOnly TitleMonth(Dictionary<string, TitleEntry> title, string key, string fileName, bool allowDay, Notes notes)
    {
        if (!title.TryGetValue(key, out var entry))
        {
            throw Head(fileName, $"der Titelblock nennt keinen {key} ('{key}: …').");
        }

        var text = entry.Value is DateTime cell ? GermanValues.Format(DateOnly.FromDateTime(cell)) : GermanLabel.Of(entry.Value);
        DateOnly? day = entry.Value is DateTime date ? DateOnly.FromDateTime(date) : GermanValues.TryDate(text, out var d) ? d : null;
        if (day is { } known && allowDay)
        {
            return known;
        }

        var heading = text.Length == 6 && DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact)
            ? new MonthHeading(compact.Month, compact.Year, text, IsDateCell: false)
            : GermanMonthName.Read(entry.Value);
        if (heading is not { Year: { } year })
        {
            throw Head(fileName, $"{key} '{text}' ist kein Monat (z. B. 'Juni 2017'){(allowDay ? " und kein Datum (TT.MM.JJJJ)" : "")}.");
        }

        var read = string.Create(CultureInfo.InvariantCulture, $"{GermanMonthName.FullName(heading.Month)} {year}");
        if (day is not null || !string.Equals(text, read, StringComparison.Ordinal))
        {
            var shown = entry.Value is DateTime ? $"(Datumszelle {text})" : $"'{text}'";
            notes.Add(new Normalisation(NormalisationCodes.MonthValue, text, $"{key} {shown} als {read} gelesen"), entry.Row, entry.Column);
        }

        return new DateOnly(year, heading.Month, 1);
    }

    private static void CheckRegion(Dictionary<string, TitleEntry> title, string fileName)
    {
        if (!title.TryGetValue("Region", out var entry))
        {
            throw Head(fileName, "der Titelblock nennt keine Region ('Region: Bielefeld, Stadt (05711000)').");
        }

        var text = SheetCell.Raw(entry.Value) ?? "";
        var key = RegionKey().Match(text);
        if (!key.Success)
        {
            // "Bielefeld" alone could be the Agenturbezirk (with Kreis Gütersloh): without the key the table is not certain to be the city's.
            throw Head(fileName, $"die Region '{text}' nennt keinen Gemeindeschlüssel (05711000).");
        }

        if (!BaRegion.IsBielefeld(key.Groups["ags"].Value))
        {
            throw new ExtractFileException(BaStatistikReasons.ForeignRegion, $"{fileName}: die Tabelle gilt für '{text}', nicht für Bielefeld (05711000).");
        }
    }

    private static Dictionary<string, int> ColumnsOf(object?[] header, int headerRow, string fileName, TableMapping table, Notes notes)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 1; i < header.Length; i++)
        {
            if (SheetCell.Raw(header[i]) is { } label && !string.IsNullOrWhiteSpace(label))
            {
                var key = BaStatistikMapping.Normalise(label);
                columns[key] = columns.ContainsKey(key) ? -1 : i;
                notes.Label(label, headerRow, i);
            }
        }

        var labels = string.Join(", ", header.Skip(1).Select(SheetCell.Raw).Where(l => !string.IsNullOrWhiteSpace(l)));
        foreach (var column in table.Rows.Values.SelectMany(r => r.Columns).Select(c => c.Column).Distinct(StringComparer.Ordinal))
        {
            if (!columns.TryGetValue(column, out var index))
            {
                throw Head(fileName, $"die Spalte '{column}' fehlt in der Kopfzeile (vorhanden: {labels}).");
            }

            if (index < 0)
            {
                throw Head(fileName, $"die Spalte '{column}' steht mehrfach in der Kopfzeile.");
            }
        }

        return columns;
    }

    private static bool IsNumbering(object?[] cells)
    {
        var numbers = cells.Where(c => !SheetCell.IsBlank(c)).Select(c => SheetCell.Raw(c)!.Trim()).ToList();
        for (var i = 0; i < numbers.Count; i++)
        {
            if (!int.TryParse(numbers[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n != i + 1)
            {
                return false;
            }
        }

        return numbers.Count > 0;
    }

    private IEnumerable<SourceRow> ReadBody(IExcelDataReader excel, string fileName, TableMapping table, TableHead head)
    {
        var number = head.LastHeadRow;
        var found = new HashSet<RowMapping>();
        var section = "";
        var pending = head.FirstDataRow;
        while (pending is not null || excel.Read())
        {
            var cells = pending ?? Statistiktabelle.TableHead.Cells(excel);
            pending = null;
            number++;
            var raw = cells.Length > 0 ? SheetCell.Raw(cells[0]) ?? "" : "";
            var label = raw.Trim();
            var hasValues = cells.Skip(1).Any(c => !SheetCell.IsBlank(c));
            if (label.Length == 0)
            {
                yield return hasValues
                    ? new SourceRow.Rejected(number, [new RejectedRow(head.Notes.Sheet, number, "A", null, ReasonCode.FiguresWithoutKennzahl, "Die Zeile enthält Werte, aber kein Merkmal in Spalte A.")])
                    : new SourceRow.Skipped(number, "Leerzeile");
                continue;
            }

            if (number <= MaxHeadRows && BaStatistikMapping.Normalise(label) == "MERKMAL")
            {
                throw Head(fileName, string.Create(CultureInfo.InvariantCulture,
                    $"die Zeilen {head.HeaderRow} und {number} kommen beide als Kopfzeile ('Merkmal') in Frage; welche gilt, wäre geraten."));
            }

            var topLevel = raw.Length == raw.TrimStart().Length && !label.StartsWith("darunter", StringComparison.OrdinalIgnoreCase);
            if (topLevel)
            {
                section = label;
            }

            var row = topLevel ? table.Find("", label) : table.Find(section, label);
            if (row is null)
            {
                yield return new SourceRow.Skipped(number, hasValues ? "Merkmal nicht zugeordnet" : "ohne Werte (Überschrift oder Fußnote)");
                continue;
            }

            if (!found.Add(row))
            {
                yield return new SourceRow.Rejected(number, [new RejectedRow(head.Notes.Sheet, number, "A", raw, BaStatistikReasons.Duplicate, $"Die Zeile {row.Display} steht bereits weiter oben.")]);
                continue;
            }

            head.Notes.Label(raw.TrimStart(), number, 0);
            yield return MappedRow(head, number, cells, row);
        }

        var missing = table.Rows.Values.Distinct().Where(r => !found.Contains(r)).Select(r => r.Display).ToList();
        if (missing.Count > 0)
        {
            throw new ExtractFileException(BaStatistikReasons.MissingMerkmal,
                $"{fileName}: die Tabelle enthält die Zeile {string.Join(", ", missing)} nicht; eine umbenannte Zeile wird in pipelines/{pipeline}.yml als Alias eingetragen.");
        }
    }

    private static SourceRow MappedRow(TableHead head, int number, object?[] cells, RowMapping row)
    {
        var problems = new List<RejectedRow>();
        var observations = new List<Observation>();
        var noValue = new List<string>();
        foreach (var (column, indicator) in row.Columns)
        {
            var index = head.Columns[column];
            var cell = index < cells.Length ? cells[index] : null;
            var value = BaValue.Parse(cell);
            if (value.Problem(indicator) is { } problem)
            {
                problems.Add(new RejectedRow(head.Notes.Sheet, number, SheetCell.ColumnLetter(index), value.Raw, problem.Reason, problem.Message));
            }
            else if (value.IsObservation)
            {
                head.Notes.Number(cell, number, index);
                observations.Add(new Observation(indicator.Code, head.Month, Area.CityCode, BaStatistikReader.SeriesKey(indicator.Code), value.Number)
                {
                    Suppressed = value.Kind == BaValueKind.Suppressed,
                    Vintage = head.Vintage,
                });
            }
            else
            {
                noValue.Add(value.NoValueReason);
            }
        }

        if (problems.Count > 0)
        {
            return new SourceRow.Rejected(number, problems);
        }

        return observations.Count > 0
            ? new SourceRow.Accepted(number, observations)
            : new SourceRow.Skipped(number, "kein Wert (" + string.Join(", ", noValue.Distinct(StringComparer.Ordinal)) + ")");
    }

    private static ExtractFileException Head(string fileName, string detail) => new(FileReasons.UnexpectedHead, $"{fileName}: {detail}");

    [GeneratedRegex(@"^BA_(?<table>[A-Za-z0-9]+)_(?<ags>\d{5}|\d{8})_(?<month>\d{6})\.(xlsx|xls)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileNamePattern();

    [GeneratedRegex(@"\((?<ags>\d{5}|\d{8})\)|\b(?<ags>\d{5}|\d{8})\b", RegexOptions.CultureInvariant)]
    private static partial Regex RegionKey();

    /// <summary>A value of the title block (<c>Berichtsmonat: Juni 2017</c>) and the cell it stands in.</summary>
    private sealed record TitleEntry(object Value, int Row, int Column);

    /// <summary>What the reader read differently from the contract's form, noted in the file's load protocol at its cell.</summary>
    private sealed class Notes(NormalisationProtocol protocol, string sheet)
    {
        public string Sheet => sheet;

        public void Add(Normalisation? note, int row, int column) => protocol.Note(note, sheet, row, SheetCell.ColumnLetter(column));

        /// <summary>A label with non-breaking, doubled or trailing spaces (<see cref="NormalisationCodes.LabelSpaces"/>).</summary>
        public void Label(string text, int row, int column)
        {
            GermanLabel.Read(text, out var note);
            Add(note, row, column);
        }

        /// <summary>A number typed as German text (<see cref="NormalisationCodes.NumberAsText"/>).</summary>
        public void Number(object? cell, int row, int column)
        {
            if (cell is string && GermanValues.TryCellNumber(cell, out _, out var note))
            {
                Add(note, row, column);
            }
        }
    }

    private sealed record TableHead(
        Notes Notes,
        int HeaderRow,
        DateOnly Month, DateOnly Vintage, IReadOnlyDictionary<string, int> Columns, IReadOnlyList<SourceRow> Rows, int LastHeadRow, object?[]? FirstDataRow);
}
