using System.Globalization;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// Days and instants as a driver returns them from a column: <see cref="DateOnly"/> (Npgsql), <see cref="DateTime"/> or
/// <see cref="DateTimeOffset"/> from a server's date and timestamp types, ISO text from SQLite, which has no date type. Instants are stored in UTC on every provider.
/// </summary>
internal static class StoredMoment
{
    public static DateOnly Day(object value) => value switch
    {
        DateOnly day => day,
        DateTime day => DateOnly.FromDateTime(day),
        string text => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"Ein Datum wurde erwartet, nicht {value.GetType().Name}."),
    };

    public static DateTimeOffset Instant(object value) => value switch
    {
        DateTimeOffset at => at.ToUniversalTime(),
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        _ => throw new InvalidCastException($"Ein Zeitpunkt wurde erwartet, nicht {value.GetType().Name}."),
    };
}
