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

    /// <summary>Checks that every target of the plan refers to a known area (for a set of areas: every member).</summary>
    public void Check(PlanCatalog plan)
    {
        var problems = plan.Indicators.SelectMany(i => i.Targets
                .SelectMany(t => t.AreaMembers.Count > 0 ? t.AreaMembers : [t.AreaCode])
                .Where(code => !_byCode.TryGetValue(code, out var area) || area.Level == AreaLevel.AreaSet)
                .Select(code => $"Indikator {i.Code}: Zielwert für den unbekannten Bereich {code} (config/bereiche.yml)."))
            .ToList();
        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }
    }

    /// <summary>
    /// This hierarchy plus one area per set of areas the plan's targets name (Jobcenter-8.1: Sennestadt + Baumheide +
    /// Sieker), so that the set's added-up figures have an area of their own beside the members' drill-down.
    /// </summary>
    public AreaCatalog WithAreaSets(PlanCatalog plan)
    {
        Check(plan);
        var sets = plan.Indicators.SelectMany(i => i.Targets)
            .Where(t => t.AreaMembers.Count > 0 && !_byCode.ContainsKey(t.AreaCode))
            .DistinctBy(t => t.AreaCode)
            .Select(t => new Area(t.AreaCode, string.Join(" + ", t.AreaMembers.Select(m => _byCode[m].Name)), AreaLevel.AreaSet, null)
            {
                Members = t.AreaMembers,
            })
            .ToList();
        return sets.Count == 0 ? this : new AreaCatalog([.. Areas, .. sets]);
    }
}
