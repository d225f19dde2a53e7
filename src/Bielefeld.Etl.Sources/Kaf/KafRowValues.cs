using System.Globalization;
using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Sources.Kaf;

/// <summary>One Kennzahl row of a Controlling sheet, its month cells parsed; what cannot be parsed is listed as a problem.</summary>
internal sealed class KafRowValues
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private readonly List<(int Column, ReasonCode Reason, string Message)> _problems = [];

    private KafRowValues(int number, object?[] cells)
    {
        Number = number;
        Cells = cells;
        Label = SheetCell.Raw(cells[0])?.Trim() ?? "";
    }

    public int Number { get; }

    public object?[] Cells { get; }

    public string Label { get; }

    /// <summary>January to December; null where the cell is empty ("not yet reported").</summary>
    public decimal?[] Months { get; } = new decimal?[12];

    public bool IsBlank => Label.Length == 0 && Cells.Skip(1).All(SheetCell.IsBlank);

    public bool HasFigures => Cells.Skip(1).Any(c => !SheetCell.IsBlank(c));

    public bool IsSubset => Label.StartsWith("darunter", StringComparison.OrdinalIgnoreCase);

    public static KafRowValues Parse(int number, object?[] cells)
    {
        var row = new KafRowValues(number, cells);
        for (var m = 0; m < 12; m++)
        {
            row.Months[m] = row.ParseCount(m + 1);
        }

        return row;
    }

    public IEnumerable<RejectedRow> CellProblems(string sheet) =>
        _problems.Select(p => new RejectedRow(sheet, Number, SheetCell.ColumnLetter(p.Column), SheetCell.Raw(Cells[p.Column]), p.Reason, p.Message));

    /// <summary>The stated and computed sums where they differ; an empty Summe beside reported months differs too.</summary>
    public (decimal Stated, decimal Computed)? SumMismatch()
    {
        var computed = Months.Sum(m => m ?? 0);
        var sumCell = Cells[^1];
        if (SheetCell.IsBlank(sumCell))
        {
            return Months.Any(m => m is not null) ? (0, computed) : null;
        }

        return TryNumber(sumCell, out var stated) && stated == computed ? null : (stated, computed);
    }

    private decimal? ParseCount(int column)
    {
        var cell = Cells[column];
        if (SheetCell.IsBlank(cell))
        {
            return null;
        }

        if (!TryNumber(cell, out var value))
        {
            _problems.Add((column, ReasonCode.NotANumber, $"'{SheetCell.Raw(cell)}' ist keine Zahl; leer lassen heißt „noch nicht gemeldet“, 0 heißt „keine“."));
            return null;
        }

        if (value < 0)
        {
            _problems.Add((column, ReasonCode.Negative, "Neue Fälle eines Monats können nicht negativ sein."));
            return null;
        }

        if (value != decimal.Truncate(value))
        {
            _problems.Add((column, ReasonCode.NotWhole, "Fälle werden ganzzahlig gezählt."));
            return null;
        }

        return value;
    }

    private static bool TryNumber(object? cell, out decimal value)
    {
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                value = (decimal)d;
                return true;
            case string s:
                return decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, German, out value);
            default:
                value = 0;
                return false;
        }
    }
}
