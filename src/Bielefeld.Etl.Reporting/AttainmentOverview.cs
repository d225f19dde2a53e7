using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Reporting;

/// <summary>
/// Writes the attainment overview as one self-contained HTML page (<see cref="AttainmentOverviewPage"/>: no scripts, no
/// web fonts, nothing fetched), as <c>report</c> writes it to a file.
/// </summary>
public static class AttainmentOverview
{
    /// <summary>Renders the overview of <paramref name="plan"/> from the attainment series of one area.</summary>
    /// <param name="plan">The catalog, for the structure (policy areas, measures, indicator names and units).</param>
    /// <param name="series">Every month of every indicator in the area (<see cref="WarehouseProvider.AttainmentSeriesAsync"/>).</param>
    /// <param name="areaName">The area's name for the title.</param>
    /// <param name="generatedAt">When the page is written.</param>
    /// <param name="notice">A sentence the reader must see before the figures (why a reproduced day shows no data), or null.</param>
    /// <param name="provenance">What the section "Herkunft der Zahlen" needs; without it the page has none.</param>
    public static string Render(
        PlanCatalog plan, IReadOnlyList<AttainmentRow> series, string areaName, DateTimeOffset generatedAt, string? notice = null, ReportProvenance? provenance = null) =>
        PageRenderer.Render<AttainmentOverviewPage>(new { Plan = plan, Series = series, AreaName = areaName, GeneratedAt = generatedAt, Notice = notice, Provenance = provenance });
}
