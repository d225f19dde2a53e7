namespace Bielefeld.Etl.Catalog;

/// <summary>The level of an area in the city's hierarchy.</summary>
public enum AreaLevel
{
    /// <summary>The whole city.</summary>
    City,

    /// <summary>One of the ten Stadtbezirke.</summary>
    District,

    /// <summary>A Quartier or Sozialraum inside a district.</summary>
    Quarter,

    /// <summary>Several areas taken together for one target (Jobcenter-8: Sennestadt, Baumheide and Sieker).</summary>
    AreaSet,
}

/// <summary>A spatial unit that observations and targets refer to.</summary>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentCode)
{
    /// <summary>The code of the whole city (the official municipality key).</summary>
    public const string CityCode = "05711000";

    /// <summary>The whole city, the default area of every figure that has no other.</summary>
    public static Area City { get; } = new(CityCode, "Stadt Bielefeld", AreaLevel.City, null);

    /// <summary>For a set of areas: the areas it is made of; empty for every other area.</summary>
    public IReadOnlyList<string> Members { get; init; } = [];

    /// <summary>
    /// The code of a set of areas taken together: <c>menge:</c> and the first 8 hex digits of the SHA-256 of the members'
    /// codes joined by <c>+</c> in the plan's order. Stable across imports and short enough for every warehouse's area key
    /// (SQL Server keeps 20 characters); the set's readable name lists its members.
    /// </summary>
    public static string SetCode(IEnumerable<string> memberCodes) =>
        "menge:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(string.Join('+', memberCodes))))[..8];
}
