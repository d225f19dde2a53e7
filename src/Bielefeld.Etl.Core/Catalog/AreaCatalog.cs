namespace Bielefeld.Etl.Catalog;

/// <summary>The area hierarchy (city, Stadtbezirke, Quartiere), looked up by code or by the name deliveries use.</summary>
public sealed class AreaCatalog
{
    private readonly Dictionary<string, Area> _byCode;
    private readonly Dictionary<(AreaLevel, string), Area> _byName;

    /// <summary>Creates the catalog; throws <see cref="CatalogException"/> for duplicate codes or unknown parents.</summary>
    public AreaCatalog(IReadOnlyList<Area> areas)
    {
        Areas = areas;
        var problems = new List<string>();
        _byCode = new Dictionary<string, Area>(StringComparer.Ordinal);
        _byName = new Dictionary<(AreaLevel, string), Area>();
        foreach (var area in areas)
        {
            if (!_byCode.TryAdd(area.Code, area))
            {
                problems.Add($"Bereich {area.Code} kommt mehrfach vor.");
            }

            _byName.TryAdd((area.Level, area.Name.ToUpperInvariant()), area);
        }

        problems.AddRange(areas.Where(a => a.ParentCode is { } p && !_byCode.ContainsKey(p))
            .Select(a => $"Bereich {a.Code} gehört zu {a.ParentCode}, den es nicht gibt."));
        if (!_byCode.ContainsKey(Area.CityCode))
        {
            problems.Add($"Die Stadt ({Area.CityCode}) fehlt in der Raumgliederung.");
        }

        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }
    }

    /// <summary>Every area, the city first.</summary>
    public IReadOnlyList<Area> Areas { get; }

    /// <summary>The area with <paramref name="code"/>.</summary>
    public Area? Find(string code) => _byCode.GetValueOrDefault(code);

    /// <summary>The area of a level by the name deliveries use (case-insensitive).</summary>
    public Area? FindByName(AreaLevel level, string name) => _byName.GetValueOrDefault((level, name.Trim().ToUpperInvariant()));

    /// <summary>Checks that every target of the plan refers to a known area.</summary>
    public void Check(PlanCatalog plan)
    {
        var problems = plan.Indicators.SelectMany(i => i.Targets.Where(t => !_byCode.ContainsKey(t.AreaCode))
            .Select(t => $"Indikator {i.Code}: Zielwert für den unbekannten Bereich {t.AreaCode} (config/bereiche.yml).")).ToList();
        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }
    }
}
