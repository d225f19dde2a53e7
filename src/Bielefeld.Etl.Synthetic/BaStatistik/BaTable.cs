namespace Bielefeld.Etl.Synthetic.BaStatistik;

/// <summary>
/// A monthly BA table as the statistics portal delivers it (contract <c>ba-statistik.md</c>, shape 1): title lines,
/// an empty row, a two-row header (labels, then column numbers), data rows, an empty row and footnotes.
/// </summary>
/// <param name="Code">The Tabellenkürzel (<c>AMR</c>).</param>
/// <param name="Sheet">The sheet that holds the table.</param>
/// <param name="TitleLines">The title block, one line per row (<c>Region: Bielefeld, Stadt (05711000)</c>).</param>
/// <param name="ColumnLabels">The first header row, <c>Merkmal</c> included.</param>
/// <param name="Rows">The data rows.</param>
/// <param name="Footnotes">The lines below the table.</param>
public sealed record BaTable(
    string Code, string Sheet, IReadOnlyList<string> TitleLines, IReadOnlyList<string> ColumnLabels,
    IReadOnlyList<BaTableRow> Rows, IReadOnlyList<string> Footnotes)
{
    /// <summary>Empty rows above the title block (the block's position varies between downloads).</summary>
    public int BlankRowsAbove { get; init; }

    /// <summary>
    /// Whether <c>Merkmal</c> is one cell merged over both header rows, with column numbers only over the value
    /// columns (older downloads); otherwise every column is numbered, <c>Merkmal</c> as 1.
    /// </summary>
    public bool MergedMerkmalHeader { get; init; }

    /// <summary>Whether the second header row with the column numbers is there.</summary>
    public bool WithNumberRow { get; init; } = true;

    /// <summary>Sheets beside the table that readers ignore, written before and after it.</summary>
    public IReadOnlyList<string> OtherSheets { get; init; } = ["Hinweise", "Impressum"];
}

/// <summary>A data row: its label (indented with spaces or prefixed <c>darunter:</c>) and its value cells.</summary>
/// <param name="Label">The row label as printed.</param>
/// <param name="Cells">Per value column: a <see cref="decimal"/> (a number cell), a string (a text cell: a symbol or a German number), or null (empty).</param>
public sealed record BaTableRow(string Label, IReadOnlyList<object?> Cells);
