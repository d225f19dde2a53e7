using System.Globalization;

namespace Bielefeld.Etl.Catalog;

/// <summary>The plan of one year: its measures and their indicators and targets, looked up by code.</summary>
public sealed class PlanCatalog
{
    private readonly Dictionary<string, Indicator> _indicators;

    /// <summary>Creates a catalog; throws <see cref="CatalogException"/> when it is inconsistent.</summary>
    public PlanCatalog(int year, IReadOnlyList<Measure> measures)
    {
        Year = year;
        Measures = measures;
        var problems = Validate(measures);
        if (problems.Count > 0)
        {
            throw new CatalogException(problems);
        }

        _indicators = measures.SelectMany(m => m.Indicators).ToDictionary(i => i.Code, StringComparer.Ordinal);
    }

    /// <summary>The plan year.</summary>
    public int Year { get; }

    /// <summary>The measures in plan order.</summary>
    public IReadOnlyList<Measure> Measures { get; }

    /// <summary>Every indicator of every measure.</summary>
    public IEnumerable<Indicator> Indicators => Measures.SelectMany(m => m.Indicators);

    /// <summary>The indicator with <paramref name="code"/>, if the plan has it.</summary>
    public Indicator? FindIndicator(string code) => _indicators.GetValueOrDefault(code);

    private static List<string> Validate(IReadOnlyList<Measure> measures)
    {
        var problems = new List<string>();
        var measureCodes = new HashSet<string>(StringComparer.Ordinal);
        var indicatorCodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            if (!measureCodes.Add(measure.Code))
            {
                problems.Add($"Maßnahme {measure.Code} kommt mehrfach vor.");
            }

            foreach (var indicator in measure.Indicators)
            {
                if (!indicatorCodes.Add(indicator.Code))
                {
                    problems.Add($"Indikator {indicator.Code} kommt mehrfach vor.");
                }

                if (!indicator.Code.StartsWith(measure.Code + ".", StringComparison.Ordinal))
                {
                    problems.Add($"Indikator {indicator.Code} gehört laut Code nicht zu Maßnahme {measure.Code}.");
                }

                if (!Enum.IsDefined(indicator.Kind))
                {
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"Indikator {indicator.Code}: unbekannte Art {(int)indicator.Kind}."));
                }

                if (indicator.Informational && indicator.Targets.Any(t => t.IsMeasurable))
                {
                    problems.Add($"Indikator {indicator.Code} ist nachrichtlich und hat trotzdem einen Zielwert.");
                }
            }
        }

        foreach (var indicator in measures.SelectMany(m => m.Indicators))
        {
            if (indicator.ParentCode is { } parent && !indicatorCodes.Contains(parent))
            {
                problems.Add($"Indikator {indicator.Code} ist ein Darunter-Wert von {parent}, den es im Plan nicht gibt.");
            }
        }

        return problems;
    }
}
