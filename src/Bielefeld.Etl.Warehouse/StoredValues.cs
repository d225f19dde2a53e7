using System.Data;
using Dapper;

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

    /// <summary>A day as a parameter; null binds a typed null.</summary>
    public StoredParameter Day(DateOnly? day) => new(day is { } d ? DayValue(d) : null, DayType);

    /// <summary>An instant as a parameter; null binds a typed null.</summary>
    public StoredParameter Instant(DateTimeOffset? at) => new(at is { } a ? InstantValue(a) : null, InstantType);

    /// <summary>A figure as a parameter; null binds a typed null.</summary>
    public StoredParameter Number(decimal? value) => new(value is { } v ? NumberValue(v) : null, NumberType);

    /// <summary>A day as the driver takes it: a <see cref="DateTime"/> at midnight.</summary>
    protected virtual object DayValue(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>
    /// The parameter type of a day; none for a <see cref="DateTime"/>, as Dapper binds one, so that the driver chooses
    /// (Npgsql: <c>timestamptz</c> for an instant in UTC, <c>timestamp</c> for a day).
    /// </summary>
    protected virtual DbType? DayType => null;

    /// <summary>An instant as the driver takes it: in UTC (stored without zone, or as <c>timestamptz</c>).</summary>
    protected virtual object InstantValue(DateTimeOffset at) => at.UtcDateTime;

    /// <inheritdoc cref="DayType"/>
    protected virtual DbType? InstantType => null;

    /// <summary>A figure as the driver takes it.</summary>
    protected virtual object NumberValue(decimal value) => value;

    /// <summary>The parameter type of a figure.</summary>
    protected virtual DbType? NumberType => DbType.Decimal;

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

/// <summary>
/// A value bound with the type its column has in the dialect, null included: Dapper would bind a null of a member typed
/// <see cref="object"/> as <c>sql_variant</c> on SQL Server, which no column takes without a cast.
/// </summary>
public sealed class StoredParameter : SqlMapper.ICustomQueryParameter
{
    private readonly object? _value;
    private readonly DbType? _type;

    internal StoredParameter(object? value, DbType? type) => (_value, _type) = (value, type);

    /// <summary>The value as bound; the catalog's fingerprint serialises it, so a changed figure or day syncs again.</summary>
    public object? Value => _value;

    /// <inheritdoc />
    public void AddParameter(IDbCommand command, string name)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = _value ?? DBNull.Value;
        if (_type is { } type)
        {
            parameter.DbType = type;
        }

        command.Parameters.Add(parameter);
    }
}
