namespace Bielefeld.Etl.Tests;

/// <summary>A clock that stands still at a given moment, for "as of today" behaviour.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    /// <summary>Noon in Bielefeld on the given day.</summary>
    public static FixedTime On(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(2)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
