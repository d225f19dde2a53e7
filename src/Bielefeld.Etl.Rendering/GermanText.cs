using System.Globalization;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Rendering;

/// <summary>Figures, days, months and statuses as every page shows them to a reader in Bielefeld; "–" where there is no value.</summary>
public static class GermanText
{
    private const string None = "–";

    /// <summary>A count: <c>1.270</c>.</summary>
    public static string Count(long value) => value.ToString("#,##0", GermanValues.Culture);

    /// <summary>A row number or an id, without grouping: <c>1234</c>.</summary>
    public static string Digits(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A figure with up to two decimals: <c>48,5</c>.</summary>
    public static string Number(decimal? value) => value is { } v ? v.ToString("#,##0.##", GermanValues.Culture) : None;

    /// <summary>A share as whole percent: <c>38 %</c>.</summary>
    public static string Percent(decimal? value) => value is { } v ? v.ToString("P0", GermanValues.Culture) : None;

    /// <summary>A day: <c>06.07.2017</c>.</summary>
    public static string Day(DateOnly day) => GermanValues.Format(day);

    /// <summary>A day that may be unknown (a Datenstand no file stated): <c>13.07.2017</c>, or "–".</summary>
    public static string Day(DateOnly? day) => day is { } d ? Day(d) : None;

    /// <summary>A day as ISO date (<c>2017-07-13</c>), as the warehouse's views and the workspace's data attributes name it.</summary>
    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The day of an instant as stored (no zone conversion), empty when there is none.</summary>
    public static string Day(DateTimeOffset? at) => at is { } t ? t.ToString("dd.MM.yyyy", GermanValues.Culture) : "";

    /// <summary>A month in words: <c>Juni 2017</c>.</summary>
    public static string Month(DateOnly month) => month.ToString("MMMM yyyy", GermanValues.Culture);

    /// <summary>A month in words; "–" when there is none.</summary>
    public static string Month(DateOnly? month) => month is { } m ? Month(m) : None;

    /// <summary>A month in figures: <c>06.2017</c>.</summary>
    public static string MonthNumber(DateOnly month) => month.ToString("MM.yyyy", GermanValues.Culture);

    /// <summary>An instant in Bielefeld's time: <c>06.07.2017 08:00</c>.</summary>
    public static string Stamp(DateTimeOffset at) => BerlinTime.Stamp(at);

    /// <summary>A stored status (a traffic light <c>gruen</c>, <c>keine_daten</c>; a delivery <c>faellig</c>) as a word.</summary>
    public static string Status(string status) => status switch
    {
        "gruen" => "grün",
        "keine_daten" => "keine Daten",
        "faellig" => "fällig",
        "ueberfaellig" => "überfällig",
        _ => status,
    };
}
