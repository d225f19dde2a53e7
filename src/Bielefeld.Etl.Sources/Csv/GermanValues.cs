using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>Dates and numbers as German extracts write them (<c>31.03.2017</c>, <c>1.234,5</c>), parsed with de-DE explicitly.</summary>
public static partial class GermanValues
{
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy"];

    /// <summary>The German culture.</summary>
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Parses <c>dd.MM.yyyy</c> (also without leading zeros); two-digit years are refused, they would be guessed.</summary>
    public static bool TryDate(string text, out DateOnly date)
    {
        return TryPlainDate(text, out date) || DateOnly.TryParseExact(text.Trim(), DateFormats, Culture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// The common case without the culture's parser: exactly <c>dd.MM.yyyy</c> in ASCII digits and a day that exists.
    /// False says only "not by this shortcut": the caller then asks the parser, which decides as it always did.
    /// </summary>
    private static bool TryPlainDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[2] != '.' || text[5] != '.')
        {
            return false;
        }

        var day = Digits(text[..2]);
        var month = Digits(text[3..5]);
        var year = Digits(text[6..]);
        if (day < 1 || month is < 1 or > 12 || year < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>The number the ASCII digits write; -1 when any is not one.</summary>
    private static int Digits(ReadOnlySpan<char> text)
    {
        var value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return -1;
            }

            value = (value * 10) + (c - '0');
        }

        return value;
    }

    /// <summary>Parses a German number (thousands dot optional, decimal comma).</summary>
    /// <remarks>
    /// A dot that is not a thousands separator before exactly three digits (<c>1.5</c>) is refused: it may be an English
    /// decimal point. So is a comma without digits on both sides (<c>5,</c>, <c>,5</c>).
    /// </remarks>
    public static bool TryNumber(string text, out decimal value)
    {
        // The common case, a count of at most 18 ASCII digits, fits a long exactly and is the decimal the parser gives.
        if (text.Length is > 0 and <= 18 && !text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
            return true;
        }

        var trimmed = text.Trim();
        value = 0;
        return GermanNumber().IsMatch(trimmed)
            && decimal.TryParse(trimmed, NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, Culture, out value);
    }

    /// <summary>
    /// Reads a number from a spreadsheet cell: a number cell as it is, or German text (<c>1.234</c>, <c>5,9</c>,
    /// <c>1 234</c> with a (non-breaking) space between thousands, <c>−3</c> with a typographic minus) with a
    /// <see cref="NormalisationCodes.NumberAsText"/> note. Text that needs guessing (<c>1.5</c>, <c>1,234.5</c>,
    /// <c>ca. 2</c>) is not read.
    /// </summary>
    public static bool TryCellNumber(object? cell, out decimal value, out Normalisation? note)
    {
        note = null;
        value = 0;
        switch (cell)
        {
            case double d when double.IsFinite(d) && Math.Abs(d) < 1e15:
                value = (decimal)d;
                return true;
            case int i:
                value = i;
                return true;
            case long l when Math.Abs(l) < 1_000_000_000_000_000L:
                value = l;
                return true;
            case decimal m:
                value = m;
                return true;
            case string s:
                var text = GermanLabel.Normalise(s).Replace('\u2212', '-');
                if (SpaceGroupedNumber().IsMatch(text))
                {
                    text = text.Replace(" ", "", StringComparison.Ordinal);
                }

                if (text.Length == 0 || !TryNumber(text, out value))
                {
                    return false;
                }

                note = new Normalisation(NormalisationCodes.NumberAsText, s, string.Create(Culture, $"Zahl '{s}' als Text gelesen ({value:G})"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>Formats a date as a German steward reads it.</summary>
    public static string Format(DateOnly date) => date.ToString("dd.MM.yyyy", Culture);

    /// <summary>The first day of the month of <paramref name="date"/>, as observations name months.</summary>
    public static DateOnly MonthOf(DateOnly date) => new(date.Year, date.Month, 1);

    // Digits on both sides of a decimal comma: "5," and ",5" are a typing slip or a cut value, not a number to guess.
    [GeneratedRegex(@"^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex GermanNumber();

    [GeneratedRegex(@"^-?\d{1,3}( \d{3})+(,\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceGroupedNumber();
}
