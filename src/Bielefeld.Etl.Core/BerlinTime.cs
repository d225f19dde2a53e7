using System.Globalization;

namespace Bielefeld.Etl;

/// <summary>
/// Time as people in Bielefeld read it: the warehouse stores UTC, schedules, days and every time shown to a person
/// are in Europe/Berlin (summer and winter time included). The one place that knows the zone.
/// </summary>
public static class BerlinTime
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Europe/Berlin.</summary>
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The calendar day in Bielefeld at <paramref name="at"/>.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>The end of <paramref name="day"/> in Bielefeld (midnight that starts the next day), as an instant.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day)
    {
        var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary><paramref name="at"/> as a person in Bielefeld reads it: <c>06.07.2017 08:00</c>.</summary>
    public static string Stamp(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("dd.MM.yyyy HH:mm", German);

    /// <summary>A stored UTC timestamp (ISO text) as <see cref="Stamp(DateTimeOffset)"/> shows it; unparseable text as stored, null as empty.</summary>
    public static string Stamp(string? stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? Stamp(at) : stored ?? "";
}
