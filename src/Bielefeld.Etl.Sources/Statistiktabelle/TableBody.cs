using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.German;
using ExcelDataReader;

namespace Bielefeld.Etl.Sources.Statistiktabelle;

/// <summary>
/// The data rows of an official table, after its header: each row loaded, rejected or skipped (blank, heading,
/// totals row, footnote, the Stand line), so that rows read = loaded + rejected + skipped. Values a symbol marks as not
/// (yet) there yield no observation, never 0.
/// </summary>
internal sealed class TableBody(StatistiktabelleMapping mapping, TableHead head, string fileName, string sheet, string seriesKey, DateOnly? stand, int? standRow, NormalisationProtocol protocol)
{
    private readonly HashSet<(string, DateOnly, string)> _seen = [];
    private bool _inTotals = mapping.Options.TotalsBegin is null;

    /// <summary>The first month a value was read for; null before the first.</summary>
    public DateOnly? First { get; private set; }

    /// <summary>The last month a value was read for.</summary>
    public DateOnly? Last { get; private set; }

    public IEnumerable<SourceRow> ReadWide(IExcelDataReader excel)
    {
        foreach (var (number, cells, skip) in Rows(excel))
        {
            if (skip is not null)
            {
                yield return skip;
                continue;
            }

            var label = GermanLabel.Of(cells[0]);
            var hasValues = cells.Skip(1).Any(c => !SheetCell.IsBlank(c));
            if (!hasValues)
            {
                yield return new SourceRow.Skipped(number, "ohne Werte (Überschrift oder Anmerkung)");
                continue;
            }

            DateOnly? rowMonth = null;
            int? rowYear = null;
            Indicator? rowIndicator = null;
            Area? rowArea = null;
            string? unknown = null;
            switch (mapping.RowKey)
            {
                case TableKey.Year:
                    rowYear = TableHead.Year(cells[0]);
                    unknown = rowYear is null ? $"'{label}' ist kein Jahr." : null;
                    break;
                case TableKey.Month:
                    rowMonth = mapping.Month(cells[0]) is { Year: { } year } m ? new DateOnly(year, m.Month, 1) : null;
                    unknown = rowMonth is null ? $"'{label}' ist kein Monat mit Jahr (z. B. 'März 2014', '03.2014')." : null;
                    break;
                case TableKey.Series:
                    rowIndicator = mapping.Series(label);
                    if (rowIndicator is null)
                    {
                        yield return new SourceRow.Skipped(number, "Reihe nicht zugeordnet");
                        continue;
                    }

                    break;
                case TableKey.Area:
                    if (TotalOf(label) is { } load)
                    {
                        if (!load)
                        {
                            yield return new SourceRow.Skipped(number, "Summenzeile");
                            continue;
                        }

                        rowArea = mapping.TableArea;
                    }
                    else
                    {
                        rowArea = mapping.Area(label);
                        if (rowArea is null && mapping.Options.UnknownAreas == "skip")
                        {
                            yield return new SourceRow.Skipped(number, "Gebiet nicht zugeordnet");
                            continue;
                        }

                        unknown = rowArea is null ? mapping.WhyNoArea(label) : null;
                    }

                    break;
            }

            if (unknown is not null)
            {
                yield return new SourceRow.Rejected(number, [new RejectedRow(sheet, number, "A", SheetCell.Raw(cells[0]), StatistiktabelleReasons.UnknownRow, unknown)]);
                continue;
            }

            var values = head.Columns.Select(column =>
            {
                var indicator = column.Indicator ?? rowIndicator ?? mapping.SingleSeries!;
                var month = rowMonth ?? mapping.FixedMonthOf(indicator) ?? (column.Month is { } m ? new DateOnly(rowYear ?? m.Year!.Value, m.Month, 1) : null);
                return (column.Index, month!.Value, indicator, column.Area ?? rowArea ?? mapping.TableArea!);
            });
            yield return Row(number, cells, values);
        }
    }

    public IEnumerable<SourceRow> ReadLong(IExcelDataReader excel)
    {
        var columns = head.Long!;
        foreach (var (number, cells, skip) in Rows(excel))
        {
            if (skip is not null)
            {
                yield return skip;
                continue;
            }

            object? Cell(int? index) => index is { } i && i < cells.Length ? cells[i] : null;
            var problems = new List<RejectedRow>();
            DateOnly? month = null;
            if (columns.Month is { } monthColumn)
            {
                month = MonthOf(Cell(monthColumn));
                if (month is null)
                {
                    problems.Add(Problem(number, monthColumn, Cell(monthColumn), "ist kein Monat mit Jahr (z. B. 'März 2014', '03.2014', '201403')."));
                }
            }

            var indicator = mapping.SingleSeries;
            if (columns.Series is { } seriesColumn)
            {
                indicator = mapping.Series(GermanLabel.Of(Cell(seriesColumn)));
                if (indicator is null)
                {
                    yield return new SourceRow.Skipped(number, "Reihe nicht zugeordnet");
                    continue;
                }
            }

            var area = mapping.TableArea;
            if (columns.Area is { } areaColumn)
            {
                var label = GermanLabel.Of(Cell(areaColumn));
                var total = TotalOf(label);
                if (total is false || (total is null && mapping.Area(label) is null && mapping.Options.UnknownAreas == "skip"))
                {
                    yield return new SourceRow.Skipped(number, total is false ? "Summenzeile" : "Gebiet nicht zugeordnet");
                    continue;
                }

                area = total is true ? mapping.TableArea : mapping.Area(label);
                if (area is null)
                {
                    problems.Add(new RejectedRow(sheet, number, SheetCell.ColumnLetter(areaColumn), SheetCell.Raw(Cell(areaColumn)), StatistiktabelleReasons.UnknownRow, mapping.WhyNoArea(label)));
                }
            }

            yield return problems.Count > 0
                ? new SourceRow.Rejected(number, problems)
                : Row(number, cells, [(columns.Value, (month ?? mapping.FixedMonthOf(indicator!))!.Value, indicator!, area!)]);
        }
    }

    /// <summary>The rows after the header, with the skip of the rows that carry no data (blank, footnotes, Stand line).</summary>
    private IEnumerable<(int Number, object?[] Cells, SourceRow? Skip)> Rows(IExcelDataReader excel)
    {
        var number = head.LastRow;
        var footnotes = false;
        while (excel.Read())
        {
            number++;
            var cells = TableHead.Cells(excel);
            var first = cells.Length > 0 ? GermanLabel.Of(cells[0]) : "";
            if (number <= TableHead.MaxHeadRows && string.Equals(first, GermanLabel.Normalise(mapping.Options.Header.FirstCell), StringComparison.OrdinalIgnoreCase))
            {
                var header = head.LastRow - mapping.Options.Header.Rows + 1;
                throw new ExtractFileException(FileReasons.UnexpectedHead,
                    string.Create(CultureInfo.InvariantCulture, $"{fileName}: die Zeilen {header} und {number} kommen beide als Kopfzeile ('{mapping.Options.Header.FirstCell}') in Frage; welche gilt, wäre geraten."));
            }

            if (number == standRow)
            {
                yield return (number, cells, new SourceRow.Skipped(number, "Stand der Tabelle"));
            }
            else if (footnotes || (mapping.Footnotes is { } pattern && first.Length > 0 && pattern.IsMatch(first)))
            {
                footnotes = true;
                yield return (number, cells, new SourceRow.Skipped(number, "Fußnote"));
            }
            else if (cells.All(SheetCell.IsBlank))
            {
                yield return (number, cells, new SourceRow.Skipped(number, "Leerzeile"));
            }
            else
            {
                yield return (number, cells.Length > 0 ? cells : [null], null);
            }
        }
    }

    private SourceRow Row(int number, object?[] cells, IEnumerable<(int Index, DateOnly Month, Indicator Indicator, Area Area)> values)
    {
        var problems = new List<RejectedRow>();
        var observations = new List<Observation>();
        var noValue = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (index, month, indicator, area) in values)
        {
            var value = mapping.Symbols.Parse(index < cells.Length ? cells[index] : null);
            if (value.Problem(indicator, mapping.Symbols.Listing) is { } problem)
            {
                problems.Add(new RejectedRow(sheet, number, SheetCell.ColumnLetter(index), value.Raw, problem.Reason, problem.Message));
            }
            else if (!_seen.Add((indicator.Code, month, area.Code)))
            {
                problems.Add(new RejectedRow(sheet, number, SheetCell.ColumnLetter(index), value.Raw, StatistiktabelleReasons.Duplicate,
                    string.Create(CultureInfo.InvariantCulture, $"{indicator.Code} für {month:MM/yyyy} in {area.Name} steht schon weiter oben; gezählt wird jener Wert.")));
            }
            else if (value.IsObservation)
            {
                protocol.Note(value.Note, sheet, number, SheetCell.ColumnLetter(index));

                observations.Add(new Observation(indicator.Code, month, area.Code, seriesKey, value.Number)
                {
                    Suppressed = value.Kind == TableValueKind.Suppressed,
                    Vintage = stand,
                });
            }
            else
            {
                noValue.Add(value.NoValueReason ?? "leer");
            }
        }

        if (problems.Count > 0)
        {
            return new SourceRow.Rejected(number, problems);
        }

        foreach (var observation in observations)
        {
            First = First is { } f && f <= observation.Month ? f : observation.Month;
            Last = Last is { } l && l >= observation.Month ? l : observation.Month;
        }

        return observations.Count > 0
            ? new SourceRow.Accepted(number, observations)
            : new SourceRow.Skipped(number, "kein Wert (" + string.Join(", ", noValue) + ")");
    }

    /// <summary>Whether a row label is a totals row here: in the totals block (or anywhere, without a block), by the pipeline's totals.</summary>
    private bool? TotalOf(string label)
    {
        _inTotals = _inTotals || mapping.BeginsTotals(label);
        return _inTotals ? mapping.Total(label) : null;
    }

    private RejectedRow Problem(int number, int column, object? cell, string what) =>
        new(sheet, number, SheetCell.ColumnLetter(column), SheetCell.Raw(cell), StatistiktabelleReasons.UnknownRow, $"'{SheetCell.Raw(cell)}' {what}");

    private DateOnly? MonthOf(object? cell)
    {
        var text = GermanLabel.Of(cell);
        if (text.Length == 6 && DateOnly.TryParseExact(text + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var compact))
        {
            return compact;
        }

        return mapping.Month(cell) is { Year: { } year } m ? new DateOnly(year, m.Month, 1) : null;
    }
}
