using System.Globalization;

namespace Bielefeld.Etl.Sources;

/// <summary>How stewards see a cell's position and content: column letters, and the raw text of the value.</summary>
public static class SheetCell
{
    /// <summary>The Excel column letter of a 0-based column index (0 → A, 26 → AA).</summary>
    public static string ColumnLetter(int index)
    {
        var letters = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>The cell's content as text, numbers in invariant form, null for an empty cell.</summary>
    public static string? Raw(object? value) => value switch
    {
        null or DBNull => null,
        string s => s,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    /// <summary>Whether a cell is empty or only white space.</summary>
    public static bool IsBlank(object? value) => value is null or DBNull || (value is string s && string.IsNullOrWhiteSpace(s));
}
