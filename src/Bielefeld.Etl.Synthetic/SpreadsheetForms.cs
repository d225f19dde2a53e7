namespace Bielefeld.Etl.Synthetic;

/// <summary>How people's workbooks write what the contracts write otherwise: the forms <see cref="SpreadsheetVariant"/> names.</summary>
internal static class SpreadsheetForms
{
    /// <summary>What German Excel's <c>MMM</c> format writes: <c>Mrz</c> for March, the others with a trailing dot where shortened.</summary>
    public static readonly IReadOnlyList<string> ExcelMonths = ["Jan.", "Feb.", "Mrz", "Apr.", "Mai", "Jun.", "Jul.", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."];

    /// <summary>A label as written: with <see cref="SpreadsheetVariant.LabelSpaces"/>, its first space non-breaking and a space at the end.</summary>
    public static string Label(string label, SpreadsheetVariant variant)
    {
        if (!variant.HasFlag(SpreadsheetVariant.LabelSpaces))
        {
            return label;
        }

        var space = label.IndexOf(' ', StringComparison.Ordinal);
        return (space < 0 ? label : label[..space] + '\u00A0' + label[(space + 1)..]) + " ";
    }
}
