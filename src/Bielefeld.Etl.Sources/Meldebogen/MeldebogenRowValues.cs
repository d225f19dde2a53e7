using System.Globalization;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>One data row of a Meldebogen: its cells by contract column, and where each column is in the file.</summary>
internal sealed class MeldebogenRowValues(int number, string? sheet, IReadOnlyDictionary<string, (object? Value, string Column)> cells)
{
    /// <summary>The columns a steward fills; a row with none of them is an untouched template row.</summary>
    private static readonly string[] Filled =
    [
        MeldebogenColumns.Wert, MeldebogenColumns.Zaehler, MeldebogenColumns.Nenner, MeldebogenColumns.ErledigtAm,
        MeldebogenColumns.Bewertung, MeldebogenColumns.Kommentar, MeldebogenColumns.GemeldetVon,
    ];

    public int Number { get; } = number;

    /// <summary>Where a workbook's numbers typed as text are noted; null for CSV files, whose numbers are text by nature.</summary>
    public NormalisationProtocol? Protocol { get; init; }

    public bool IsBlank => cells.Values.All(c => SheetCell.IsBlank(c.Value));

    public bool IsUntouched => Filled.All(IsEmpty);

    public bool IsEmpty(string column) => !cells.TryGetValue(column, out var cell) || SheetCell.IsBlank(cell.Value);

    public object? Value(string column) => cells.TryGetValue(column, out var cell) ? cell.Value : null;

    public string Text(string column) => SheetCell.Raw(Value(column))?.Trim() ?? "";

    public RejectedRow Problem(string column, ReasonCode reason, string message) =>
        new(sheet, Number, cells.TryGetValue(column, out var cell) ? cell.Column : column, SheetCell.Raw(Value(column)), reason, message);

    /// <summary>A number from a number cell or German text (<c>1.234,5</c>); null with a problem otherwise.</summary>
    /// <remarks>Text that would need guessing (<c>1.5</c>: a decimal point or a thousands separator?) is not a number.</remarks>
    public decimal? ParseNumber(string column, List<RejectedRow> problems)
    {
        if (GermanValues.TryCellNumber(Value(column), out var value, out var note))
        {
            Protocol?.Note(note, sheet, Number, cells.TryGetValue(column, out var cell) ? cell.Column : column);
            return value;
        }

        problems.Add(Problem(column, ReasonCode.NotANumber, $"{column}: '{Text(column)}' ist keine Zahl (erlaubt z. B. 12 oder 1.234,5)."));
        return null;
    }

    /// <summary>A date from a date cell or text TT.MM.JJJJ; null with a problem otherwise.</summary>
    public DateOnly? ParseDate(string column, List<RejectedRow> problems)
    {
        switch (Value(column))
        {
            case DateTime dt when dt.TimeOfDay == TimeSpan.Zero:
                return DateOnly.FromDateTime(dt);
            case string s when DateOnly.TryParseExact(s.Trim(), ["dd.MM.yyyy", "d.M.yyyy"], GermanValues.Culture, DateTimeStyles.None, out var day):
                return day;
            default:
                problems.Add(Problem(column, Csv.CsvReasons.InvalidDate, $"{column}: '{Text(column)}' ist kein Datum TT.MM.JJJJ."));
                return null;
        }
    }

    /// <summary>The Periode from text, a year typed as a number, or a month Excel turned into a date.</summary>
    public MeldebogenPeriod? Period()
    {
        switch (Value(MeldebogenColumns.Periode))
        {
            case string s when MeldebogenPeriod.TryParse(s, out var period):
                return period;
            case double d when d == Math.Floor(d) && d is >= 1900 and <= 2999:
                return MeldebogenPeriod.Year((int)d);
            case DateTime dt when dt.Day == 1 && dt.TimeOfDay == TimeSpan.Zero:
                return MeldebogenPeriod.Month(dt.Year, dt.Month);
            default:
                return null;
        }
    }
}
