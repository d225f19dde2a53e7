using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// The areas of one level by the names a file writes, each distinct name looked up in the catalog once per pass
/// (<see cref="AreaCatalog.FindByName"/> upper-cases the name on every call; record-level files repeat a handful of
/// names on every row). Bounded: past <see cref="MaxCached"/> distinct names the catalog is asked directly.
/// </summary>
internal sealed class AreaNames(AreaCatalog areas, AreaLevel level)
{
    private const int MaxCached = 1 << 14;
    private readonly Dictionary<string, Area?> _byName = new(StringComparer.Ordinal);
    private string? _lastName;
    private Area? _last;

    /// <summary>The area named <paramref name="name"/> (as <see cref="AreaCatalog.FindByName"/> finds it), or null.</summary>
    public Area? Find(string name)
    {
        if (string.Equals(name, _lastName, StringComparison.Ordinal))
        {
            return _last;
        }

        if (!_byName.TryGetValue(name, out var area))
        {
            area = areas.FindByName(level, name);
            if (_byName.Count < MaxCached)
            {
                _byName[name] = area;
            }
        }

        _lastName = name;
        _last = area;
        return area;
    }
}
