using System.Globalization;
using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// A Meldebogen's Periode: a month <c>yyyy-MM</c>, a quarter <c>yyyy-Qn</c> or a year <c>yyyy</c>. A report for a
/// quarter or a year is stored in the period's last month, the month its figure is complete.
/// </summary>
public readonly partial record struct MeldebogenPeriod(string Text, DateOnly FirstMonth, DateOnly LastMonth)
{
    /// <summary>The month a month's report.</summary>
    public static MeldebogenPeriod Month(int year, int month) =>
        new(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"), new DateOnly(year, month, 1), new DateOnly(year, month, 1));

    /// <summary>A whole year.</summary>
    public static MeldebogenPeriod Year(int year) =>
        new(year.ToString("D4", CultureInfo.InvariantCulture), new DateOnly(year, 1, 1), new DateOnly(year, 12, 1));

    /// <summary>Parses the Periode text; false when it is none of the three forms.</summary>
    public static bool TryParse(string text, out MeldebogenPeriod period)
    {
        period = default;
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = Month(year, month);
            return true;
        }

        if (match.Groups["quarter"].Success)
        {
            var quarter = int.Parse(match.Groups["quarter"].Value, CultureInfo.InvariantCulture);
            var first = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
            period = new MeldebogenPeriod(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-Q{quarter}"), first, first.AddMonths(2));
            return true;
        }

        period = Year(year);
        return true;
    }

    /// <summary>Whether a date lies in the period.</summary>
    public bool Contains(DateOnly date) => date >= FirstMonth && date < LastMonth.AddMonths(1);

    [GeneratedRegex(@"^(?<year>\d{4})(-(?<month>\d{1,2})|-[Qq](?<quarter>[1-4]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
