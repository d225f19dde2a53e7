using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Definitions.Catalog;

/// <summary>Reads <c>config/bereiche.yml</c>, the area hierarchy.</summary>
public static class AreaFiles
{
    /// <summary>Reads and validates the area file.</summary>
    /// <exception cref="CatalogException">The file is missing, malformed or inconsistent.</exception>
    public static AreaCatalog Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException([$"{path} fehlt: keine Raumgliederung."]);
        }

        var document = YamlProblem.Read<AreaDocument>(path);

        var areas = new List<Area> { new(document.Stadt.Code, document.Stadt.Name, AreaLevel.City, null) };
        areas.AddRange(document.Stadtbezirke.Select(d => new Area(d.Code, d.Name, AreaLevel.District, document.Stadt.Code)));
        areas.AddRange(document.Quartiere.Select(q => new Area(q.Code, q.Name, AreaLevel.Quarter, q.Stadtbezirk)));
        return new AreaCatalog(areas);
    }

    private sealed class AreaDocument
    {
        public AreaEntry Stadt { get; set; } = new();

        public List<AreaEntry> Stadtbezirke { get; set; } = [];

        public List<AreaEntry> Quartiere { get; set; } = [];
    }

    private sealed class AreaEntry
    {
        public string Code { get; set; } = "";

        public string Name { get; set; } = "";

        public string? Stadtbezirk { get; set; }
    }
}
