using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Observations;

namespace Bielefeld.Etl.Sources.Rekom;

/// <summary>
/// Counts participants into months of the plan year, per project: placements in the month of Verbleib_Datum, a rate's
/// denominator in the month of Austritt. Only the counts are kept; the participants are not.
/// </summary>
internal sealed class RekomTally(RekomMapping mapping, int year, DateOnly exportDate, string series)
{
    private readonly Dictionary<string, (int[] Placed, int[] Leavers)> _byProject =
        mapping.Projects.Keys.ToDictionary(k => k, _ => (new int[12], new int[12]), StringComparer.Ordinal);

    public void Add(RekomRowValues row)
    {
        var (project, kind) = mapping.Projects[row.Project.Code];
        var counts = _byProject[project.Code];
        if (project.SchoolTypes.Count > 0 && !project.SchoolTypes.Contains(row.SchoolType!, StringComparer.Ordinal))
        {
            return;
        }

        if (kind == IndicatorKind.Rate)
        {
            if (row.Exit is not { } exit || (row.Destination is { } d && project.ExcludedDestinations.Contains(d, StringComparer.Ordinal)))
            {
                return;
            }

            Count(counts.Leavers, exit);
        }

        if (row.Destination is { } destination && project.Placements.Contains(destination, StringComparer.Ordinal))
        {
            Count(counts.Placed, row.DestinationDate!.Value);
        }
    }

    /// <summary>One observation per project indicator and month, January to the export month (0 is "none", the snapshot is complete).</summary>
    public IEnumerable<Observation> Observations()
    {
        var lastMonth = exportDate.Year == year ? exportDate.Month : 12;
        foreach (var (code, (placed, leavers)) in _byProject)
        {
            var (project, kind) = mapping.Projects[code];
            for (var m = 0; m < lastMonth; m++)
            {
                var month = new DateOnly(year, m + 1, 1);
                yield return kind == IndicatorKind.Rate
                    ? new Observation(project.Indicator, month, Area.CityCode, series, leavers[m] == 0 ? null : Math.Round(100m * placed[m] / leavers[m], 4))
                    {
                        Numerator = placed[m],
                        Denominator = leavers[m],
                    }
                    : new Observation(project.Indicator, month, Area.CityCode, series, placed[m]);
            }
        }
    }

    private void Count(int[] months, DateOnly date)
    {
        // Events before the plan year belong to the previous year's export; they are not part of this snapshot's scope.
        if (date.Year == year)
        {
            months[date.Month - 1]++;
        }
    }
}
