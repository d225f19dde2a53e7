using System.Data;
using System.Globalization;

namespace Bielefeld.Etl.Warehouse.Sqlite;

/// <summary>
/// SQLite has no date, timestamp or decimal type: days are stored as ISO text (<c>2017-06-01</c>), instants as ISO text
/// in UTC (<c>2017-07-06T03:30:00.000Z</c>), figures as REAL. Both sort and compare as their values do. The only place
/// where the SQLite provider converts values; its bulk writers use the same texts.
/// </summary>
internal sealed class SqliteValues : StoredValues
{
    public static SqliteValues Instance { get; } = new();

    /// <inheritdoc />
    protected override object DayValue(DateOnly day) => IsoDay(day);

    /// <inheritdoc />
    protected override DbType? DayType => DbType.String;

    /// <inheritdoc />
    protected override object InstantValue(DateTimeOffset at) => IsoInstant(at);

    /// <inheritdoc />
    protected override DbType? InstantType => DbType.String;

    /// <inheritdoc />
    /// <remarks>As REAL: the driver would bind a decimal as text.</remarks>
    protected override object NumberValue(decimal value) => (double)value;

    /// <inheritdoc />
    protected override DbType? NumberType => DbType.Double;

    /// <inheritdoc />
    public override DateOnly ReadDay(object value) =>
        value is string text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : base.ReadDay(value);

    /// <inheritdoc />
    public override DateTimeOffset ReadInstant(object value) =>
        value is string text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : base.ReadInstant(value);

    /// <inheritdoc />
    /// <remarks>
    /// A REAL has 15 significant digits, which is what the conversion keeps, rounded to 10 decimal places: a decimal of
    /// more digits would invent them.
    /// </remarks>
    public override decimal? ReadNumber(object? value) => value is double real ? Math.Round((decimal)real, 10) : base.ReadNumber(value);

    /// <summary>A day as stored.</summary>
    public static string IsoDay(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An instant as stored.</summary>
    public static string IsoInstant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A figure as stored, or <see cref="DBNull"/> for a prepared insert's parameter.</summary>
    public static object Real(decimal? value) => value is { } v ? (double)v : DBNull.Value;
}
