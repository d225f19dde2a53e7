using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Kaf;

/// <summary>One Kennzahl row of a Controlling sheet, its month cells parsed; what cannot be parsed is listed as a problem.</summary>
internal sealed class KafRowValues
{
    private readonly List<(int Column, ReasonCode Reason, string Message)> _problems = [];
    private readonly List<(int Column, Normalisation Note)> _notes = [];
    private readonly int[] _columns;

    private KafRowValues(int number, string sheet, object?[] cells, int[] columns)
    {
        Number = number;
        Sheet = sheet;
        Cells = cells;
        _columns = columns;
        Normalisation? note = null;
        Label = cells[0] is string text ? GermanLabel.Read(text, out note) : GermanLabel.Of(cells[0]);
        if (note is not null)
        {
            _notes.Add((columns[0], note));
        }
    }

    public int Number { get; }

    public string Sheet { get; }

    /// <summary>What was read in another form than the contract's, by sheet column: labels with odd spaces, numbers typed as text.</summary>
    public IReadOnlyList<(int Column, Normalisation Note)> Notes => _notes;

    public object?[] Cells { get; }

    public string Label { get; }

    /// <summary>January to December; null where the cell is empty ("not yet reported").</summary>
    public decimal?[] Months { get; } = new decimal?[12];

    public bool IsBlank => Label.Length == 0 && Cells.Skip(1).All(SheetCell.IsBlank);

    public bool HasFigures => Cells.Skip(1).Any(c => !SheetCell.IsBlank(c));

    public bool IsSubset => Label.StartsWith("darunter", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses a row whose cells are in contract order (Kennzahl, Jan … Dez, Summe); <paramref name="columns"/> says where each is in the sheet.</summary>
    public static KafRowValues Parse(int number, string sheet, object?[] cells, int[] columns)
    {
        var row = new KafRowValues(number, sheet, cells, columns);
        for (var m = 0; m < 12; m++)
        {
            row.Months[m] = row.ParseCount(m + 1);
        }

        if (GermanValues.TryCellNumber(cells[^1], out _, out var sumNote) && sumNote is not null)
        {
            row._notes.Add((columns[^1], sumNote));
        }

        return row;
    }

    /// <summary>The sheet's column letter of contract column <paramref name="index"/> (0 Kennzahl, 1–12 months, 13 Summe).</summary>
    public string Letter(int index) => SheetCell.ColumnLetter(_columns[index]);

    public IEnumerable<RejectedRow> CellProblems() =>
        _problems.Select(p => new RejectedRow(Sheet, Number, Letter(p.Column), SheetCell.Raw(Cells[p.Column]), p.Reason, p.Message));

    /// <summary>The stated and computed sums where they differ; an empty Summe beside reported months differs too.</summary>
    public (decimal Stated, decimal Computed)? SumMismatch()
    {
        var computed = Months.Sum(m => m ?? 0);
        var sumCell = Cells[^1];
        if (SheetCell.IsBlank(sumCell))
        {
            return Months.Any(m => m is not null) ? (0, computed) : null;
        }

        return GermanValues.TryCellNumber(sumCell, out var stated, out _) && stated == computed ? null : (stated, computed);
    }

    private decimal? ParseCount(int column)
    {
        var cell = Cells[column];
        if (SheetCell.IsBlank(cell))
        {
            return null;
        }

        if (!GermanValues.TryCellNumber(cell, out var value, out var note))
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

        if (note is not null)
        {
            _notes.Add((_columns[column], note));
        }

        return value;
    }
}
