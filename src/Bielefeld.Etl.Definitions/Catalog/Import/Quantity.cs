using System.Globalization;
using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Definitions.Catalog.Import;

/// <summary>A number the plan states, where it stands in the text and what follows it.</summary>
/// <param name="Value">The value (de-DE read: "5.985" is 5985, "5,9" is 5.9).</param>
/// <param name="Index">Where the number starts in the text.</param>
/// <param name="End">Where the number ends in the text.</param>
/// <param name="IsPercent">Followed by "%".</param>
/// <param name="IsEuro">Followed by "€", "Euro" or "EUR" (after an optional "Mio.").</param>
/// <param name="DecimalPoint">Written with a decimal point ("0.75"), which de-DE does not use: worth a finding.</param>
public sealed record Quantity(decimal Value, int Index, int End, bool IsPercent, bool IsEuro, bool DecimalPoint);

/// <summary>Finds numbers in German plan text: de-DE digits, "Mio.", and the number words zwei to zwölf.</summary>
public static partial class Quantities
{
    private static readonly string[] Words = ["zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];

    /// <summary>
    /// The numbers written in digits, in order. Dates, years (1990–2100 without separators), ordinals ("5. städtische")
    /// and numbers glued to letters ("U25", "ü60") are not quantities.
    /// </summary>
    public static IReadOnlyList<Quantity> InDigits(string text)
    {
        var masked = Date().Replace(text, m => new string(' ', m.Length));
        var result = new List<Quantity>();
        foreach (Match m in Number().Matches(masked))
        {
            var digits = m.Groups["n"].Value;
            var after = masked[(m.Index + m.Length)..];
            var plain = !digits.Contains('.', StringComparison.Ordinal) && !digits.Contains(',', StringComparison.Ordinal);
            if (plain && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
            {
                continue;
            }

            if (plain && Ordinal().IsMatch(after))
            {
                continue;
            }

            var (value, decimalPoint) = Parse(digits);
            var unit = Unit().Match(after);
            if (unit.Success && unit.Groups["mio"].Success)
            {
                value = Trimmed(value * 1_000_000m);
            }

            result.Add(new Quantity(value, m.Index, m.Index + m.Length, Percent().IsMatch(after), unit.Success, decimalPoint));
        }

        return result;
    }

    /// <summary>The first number in digits, or else the first number word ("Vier Kooperationsangebote").</summary>
    public static Quantity? First(string text)
    {
        if (InDigits(text) is [var first, ..])
        {
            return first;
        }

        var word = NumberWord().Match(text);
        return word.Success
            ? new Quantity(Array.FindIndex(Words, w => string.Equals(w, word.Value, StringComparison.OrdinalIgnoreCase)) + 2, word.Index, word.Index + word.Length, false, false, false)
            : null;
    }

    /// <summary>Reads a de-DE number: "." groups thousands when three digits follow it, else it is taken as a decimal point.</summary>
    public static (decimal Value, bool DecimalPoint) Parse(string digits)
    {
        var decimalPoint = false;
        string invariant;
        if (Thousands().IsMatch(digits))
        {
            invariant = digits.Replace(".", "", StringComparison.Ordinal).Replace(',', '.');
        }
        else if (digits.Contains('.', StringComparison.Ordinal))
        {
            decimalPoint = true;
            invariant = digits;
        }
        else
        {
            invariant = digits.Replace(',', '.');
        }

        return (Trimmed(decimal.Parse(invariant, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)), decimalPoint);
    }

    // 2,0 × 1.000.000 is 2000000, not 2000000.0: the catalog shows values without trailing zeros.
    private static decimal Trimmed(decimal value) => value / 1.0000000000000000000000000000m;

    [GeneratedRegex(@"(?<![\p{L}\d.,])(?<n>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\d\p{L}])")]
    private static partial Regex Number();

    [GeneratedRegex(@"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")]
    private static partial Regex Thousands();

    [GeneratedRegex(@"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")]
    private static partial Regex Date();

    [GeneratedRegex(@"^\.\s+\p{Ll}")]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"^\s*%")]
    private static partial Regex Percent();

    [GeneratedRegex(@"^\s*(?<mio>Mio\.?\s*)?(?:€|Euro\b|EUR\b)")]
    private static partial Regex Unit();

    [GeneratedRegex(@"\b(zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();
}
