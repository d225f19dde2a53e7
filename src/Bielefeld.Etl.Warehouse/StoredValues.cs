namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// How a dialect's columns take and give back the engine's typed values: days, instants, numbers and flags. The servers
/// have date, timestamp, numeric and boolean types, which their drivers map as they are (this class); a dialect that
/// stores them otherwise (SQLite: ISO text and REAL) overrides it in one place, so that the engine's statements and
/// reads stay the same for every dialect.
/// </summary>
public class StoredValues
{
    /// <summary>The values of a dialect with date, timestamp and numeric types.</summary>
    public static StoredValues Native { get; } = new();

    /// <summary>A day as a parameter: a <see cref="DateTime"/> at midnight (a <c>date</c> column reads back as one in both server drivers).</summary>
    public virtual object Day(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>An instant as a parameter, in UTC (stored without zone).</summary>
    public virtual object Instant(DateTimeOffset at) => at.UtcDateTime;

    /// <summary>A figure as a parameter; null stays null.</summary>
    public virtual object? Number(decimal? value) => value;

    /// <summary>A stored day: Npgsql gives a <see cref="DateOnly"/>, SqlClient a <see cref="DateTime"/>.</summary>
    public virtual DateOnly ReadDay(object value) => value switch
    {
        DateOnly day => day,
        DateTime day => DateOnly.FromDateTime(day),
        _ => throw new InvalidCastException($"Ein Datum wurde erwartet, nicht {value.GetType().Name}."),
    };

    /// <summary>A stored instant (UTC without zone, or with one) as an instant.</summary>
    public virtual DateTimeOffset ReadInstant(object value) => value switch
    {
        DateTimeOffset at => at.ToUniversalTime(),
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Ein Zeitpunkt wurde erwartet, nicht {value.GetType().Name}."),
    };

    /// <summary>A stored figure; null (or <see cref="DBNull"/>) when there is none.</summary>
    public virtual decimal? ReadNumber(object? value) =>
        value is null or DBNull ? null : Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored flag: a boolean, or a number that is not zero.</summary>
    public virtual bool ReadFlag(object value) => Convert.ToBoolean(value, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An optional day or instant: null stays null.</summary>
    public DateOnly? ReadDayOrNull(object? value) => value is null or DBNull ? null : ReadDay(value);

    /// <inheritdoc cref="ReadDayOrNull"/>
    public DateTimeOffset? ReadInstantOrNull(object? value) => value is null or DBNull ? null : ReadInstant(value);
}
