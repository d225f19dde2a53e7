using System.Globalization;

namespace Bielefeld.Etl.Bench;

/// <summary>One normalised row (as the fact holds it), read back from the bench's COPY text file.</summary>
internal sealed record NormalisedRow(string Indicator, DateTime Month, string Area, string Source, string Series, decimal? Value, bool Suppressed, DateTime? DataStatus)
{
    public static NormalisedRow Parse(string line)
    {
        var f = line.Split('\t');
        return new NormalisedRow(
            f[0], DateTime.ParseExact(f[1], "yyyy-MM-dd", CultureInfo.InvariantCulture), f[2], f[3], f[4],
            f[5] == "\\N" ? null : decimal.Parse(f[5], CultureInfo.InvariantCulture),
            f[8] == "t",
            f[9] == "\\N" ? null : DateTime.ParseExact(f[9], "yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
