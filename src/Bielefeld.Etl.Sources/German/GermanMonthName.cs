using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.German;

/// <summary>
/// Month headers as German spreadsheets write them: full names (<c>März</c>, <c>Jänner</c>), three-letter forms with or
/// without a dot (<c>Mär</c>, <c>Mrz</c> as German Excel's <c>MMM</c> writes it, <c>Jän</c>, <c>Sept.</c>), numbers
/// (<c>3</c>, <c>03</c>, a number cell 3), month and year (<c>März 2024</c>, <c>03.2024</c>, <c>03/2024</c>, <c>2024-03</c>,
/// <c>01.03.2024</c>) and date-typed cells. Anything else (English <c>Mar</c>, <c>Ma</c>, <c>13</c>, two-digit years)
/// is not read: it would be guessed.
/// </summary>
public static partial class GermanMonthName
{
    private static readonly string[] Full =
        ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"];

    private static readonly string[] Short = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"];

    /// <summary>Every accepted spelling (compared case-insensitively, without a trailing dot) and its month.</summary>
    private static readonly Dictionary<string, int> Names = BuildNames();

    /// <summary>The full German name of month 1–12 (<c>März</c>).</summary>
    public static string FullName(int month) => Full[CheckMonth(month) - 1];

    /// <summary>The three-letter German form of month 1–12 as the project's templates write it (<c>Mär</c>).</summary>
    public static string Abbreviation(int month) => Short[CheckMonth(month) - 1];

    /// <summary>Reads a month header cell; null when the cell names no month without guessing.</summary>
    /// <param name="cell">The cell's value: text, a number or a date (as ExcelDataReader gives them).</param>
    public static MonthHeading? Read(object? cell)
    {
        switch (cell)
        {
            case DateTime date:
                return new MonthHeading(date.Month, date.Year, GermanValues.Format(DateOnly.FromDateTime(date)), IsDateCell: true);
            case DateOnly day:
                return new MonthHeading(day.Month, day.Year, GermanValues.Format(day), IsDateCell: true);
            case double d when d == Math.Floor(d) && d is >= 1 and <= 12:
                return new MonthHeading((int)d, null, ((int)d).ToString(CultureInfo.InvariantCulture), IsDateCell: false);
            case int i when i is >= 1 and <= 12:
                return new MonthHeading(i, null, i.ToString(CultureInfo.InvariantCulture), IsDateCell: false);
            case string s:
                return ReadText(s);
            default:
                return null;
        }
    }

    private static MonthHeading? ReadText(string raw)
    {
        var text = GermanLabel.Normalise(raw);
        if (GermanValues.TryDate(text, out var day))
        {
            return new MonthHeading(day.Month, day.Year, raw, IsDateCell: false);
        }

        var match = MonthText().Match(text);
        if (!match.Success)
        {
            return null;
        }

        int month;
        if (match.Groups["name"].Success)
        {
            if (!Names.TryGetValue(match.Groups["name"].Value.ToLowerInvariant(), out month))
            {
                return null;
            }
        }
        else
        {
            month = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return null;
            }
        }

        int? year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture)
            : match.Groups["leadingYear"].Success ? int.Parse(match.Groups["leadingYear"].Value, CultureInfo.InvariantCulture)
            : null;
        return new MonthHeading(month, year, raw, IsDateCell: false);
    }

    private static Dictionary<string, int> BuildNames()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var m = 1; m <= 12; m++)
        {
            names[Full[m - 1].ToLowerInvariant()] = m;
            names[Short[m - 1].ToLowerInvariant()] = m;
        }

        // Other spellings any German reader knows: Excel's MMM for March, Austrian January/February, the ASCII
        // transliteration, the four-letter September.
        names["mrz"] = 3;
        names["maerz"] = 3;
        names["jän"] = 1;
        names["jänner"] = 1;
        names["feber"] = 2;
        names["sept"] = 9;
        return names;
    }

    private static int CheckMonth(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return month;
    }

    // A name or a one- or two-digit number, an optional dot, an optional four-digit year after a space, dot or slash
    // (März 2024, 03.2024, 03/2024); or an ISO year-month (2024-03).
    [GeneratedRegex(@"^(?:(?:(?<name>\p{L}+)|(?<number>\d{1,2}))\.?(?:[ ./](?<year>\d{4}))?|(?<leadingYear>\d{4})-(?<number>\d{2}))$", RegexOptions.CultureInvariant)]
    private static partial Regex MonthText();
}

/// <summary>A month read from a header cell.</summary>
/// <param name="Month">1–12.</param>
/// <param name="Year">The year where the cell names one (a date cell, <c>März 2024</c>); null otherwise.</param>
/// <param name="Raw">The cell as written (a date cell as <c>dd.MM.yyyy</c>).</param>
/// <param name="IsDateCell">Whether the cell was date-typed rather than text or a number.</param>
public sealed record MonthHeading(int Month, int? Year, string Raw, bool IsDateCell)
{
    /// <summary>
    /// The note for the load protocol when the cell differs from the form the contract writes
    /// (<paramref name="canonical"/>, e.g. <c>Mär</c>); null when it is exactly that form.
    /// </summary>
    public Normalisation? NoteAgainst(string canonical)
    {
        if (!IsDateCell && string.Equals(Raw, canonical, StringComparison.Ordinal))
        {
            return null;
        }

        var name = GermanMonthName.FullName(Month);
        var read = Year is { } year ? string.Create(CultureInfo.InvariantCulture, $"{name} {year}") : name;
        var shown = IsDateCell ? $"(Datumszelle {Raw})" : $"'{Raw}'";
        return new Normalisation(NormalisationCodes.MonthHeader, Raw, $"Monatskopf {shown} als {read} gelesen");
    }
}
