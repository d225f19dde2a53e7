namespace Bielefeld.Etl.Synthetic.Kaf;

/// <summary>One Kennzahl row of a KAF-Projektcontrolling sheet.</summary>
/// <param name="Label">The Kennzahl label in column A, written as given (tests may pass unknown labels on purpose).</param>
/// <param name="Months">
/// Exactly 12 values, January to December; null writes an empty cell ("not yet reported"), 0 a reported zero.
/// </param>
public sealed record KafRow(string Label, IReadOnlyList<decimal?> Months)
{
    /// <summary>
    /// A constant written into the Summe column instead of the <c>SUM</c> formula, as when a steward types over
    /// the formula; a value other than the months' sum makes the row rejectable. Null keeps the formula.
    /// </summary>
    public decimal? SumOverride { get; init; }

    /// <summary>
    /// Month index (0 = January … 11 = December) to text written as a string cell (<c>12a</c>, <c>n.v.</c>),
    /// taking precedence over the numeric value in <see cref="Months"/> for that month. Null writes none.
    /// </summary>
    public IReadOnlyDictionary<int, string>? TextCells { get; init; }
}

/// <summary>One KAF-Projektcontrolling workbook: one project, one year (contract <c>kaf.md</c>).</summary>
/// <param name="ProjectCode">The Projektkürzel (<c>THEO</c>), written to B3 and used in the file name.</param>
/// <param name="ProjectName">The project's name, written to B2.</param>
/// <param name="Year">The controlling year, written to B4 as a number.</param>
/// <param name="Rows">The Kennzahl rows in sheet order, from row 7 on.</param>
public sealed record KafWorkbook(string ProjectCode, string ProjectName, int Year, IReadOnlyList<KafRow> Rows)
{
    /// <summary>Free-text remarks in column A, one per row, after one empty row below the last Kennzahl.</summary>
    public IReadOnlyList<string> Remarks { get; init; } = [];

    /// <summary>Whether to add a second sheet <c>Notizen</c> with free text that readers must ignore.</summary>
    public bool WithNotesSheet { get; init; } = true;

    /// <summary>The forms of a real workbook to write instead of the contract's (all of <see cref="SpreadsheetVariant"/> apply).</summary>
    public SpreadsheetVariant Variant { get; init; }
}
