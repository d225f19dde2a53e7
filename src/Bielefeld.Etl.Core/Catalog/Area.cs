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
}

/// <summary>A spatial unit that observations and targets refer to.</summary>
public sealed record Area(string Code, string Name, AreaLevel Level, string? ParentCode)
{
    /// <summary>The code of the whole city (the official municipality key).</summary>
    public const string CityCode = "05711000";

    /// <summary>The whole city, the default area of every figure that has no other.</summary>
    public static Area City { get; } = new(CityCode, "Stadt Bielefeld", AreaLevel.City, null);
}
