using System.Globalization;
using System.Net;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Reporting;

/// <summary>
/// Writes the attainment overview as one self-contained HTML page (no scripts, no web fonts, nothing fetched):
/// per policy area and measure, every indicator with its status, actual against path and target, and a small chart
/// of the months. Readable on screen and printable; every text from the plan or the data is HTML-escaped.
/// </summary>
public static class AttainmentOverview
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Renders the overview of <paramref name="plan"/> from the attainment series of one area.</summary>
    /// <param name="plan">The catalog, for the structure (policy areas, measures, indicator names and units).</param>
    /// <param name="series">Every month of every indicator in the area (<see cref="WarehouseProvider.AttainmentSeriesAsync"/>).</param>
    /// <param name="areaName">The area's name for the title.</param>
    /// <param name="generatedAt">When the page is written.</param>
    /// <param name="notice">A sentence the reader must see before the figures (why a reproduced day shows no data), or null.</param>
    public static string Render(PlanCatalog plan, IReadOnlyList<AttainmentRow> series, string areaName, DateTimeOffset generatedAt, string? notice = null)
    {
        var byIndicator = series.GroupBy(r => r.IndikatorCode, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var latestMonth = series.Where(r => r.Istwert is not null).Select(r => r.Monat).DefaultIfEmpty("").Max(StringComparer.Ordinal) ?? "";
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"""
            <!DOCTYPE html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <title>Zielerreichung {plan.Year} – {E(areaName)}</title>
            <style>{Styles}</style>
            </head>
            <body>
            <header>
            <h1>Ziele und Maßnahmen {plan.Year}: Zielerreichung</h1>
            <p class="meta">Bereich: {E(areaName)} · Datenstand: letzter Monat mit Istwert {E(MonthLabel(latestMonth))} · erstellt am {BerlinTime.Stamp(generatedAt)}</p>
            <p class="legend"><span class="status gruen">grün</span> auf dem Zielpfad <span class="status gelb">gelb</span> etwas dahinter <span class="status rot">rot</span> deutlich dahinter <span class="status keine_daten">keine Daten</span> nichts geliefert <span class="status na">n/a</span> kein messbarer Zielwert</p>
            {(notice is null ? "" : $"<p class=\"hinweis\" id=\"hinweis\">{E(notice)}</p>")}
            </header>
            <main>

            """);
        foreach (var policyArea in plan.Measures.GroupBy(m => m.PolicyArea ?? "Ohne Handlungsfeld"))
        {
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"handlungsfeld\">\n<h2>{E(policyArea.Key)}</h2>\n");
            foreach (var measure in policyArea)
            {
                html.Append(CultureInfo.InvariantCulture, $"""
                    <article class="massnahme" id="{E(measure.Code)}">
                    <h3><span class="code">{E(measure.Code)}</span> {E(measure.Title)}</h3>
                    <table>
                    <thead><tr><th>Indikator</th><th>Status</th><th class="zahl">Istwert</th><th class="zahl">Zielpfad</th><th class="zahl">Zielwert</th><th class="zahl">Grad</th><th>Verlauf</th></tr></thead>
                    <tbody>

                    """);
                foreach (var indicator in measure.Indicators)
                {
                    html.Append(IndicatorRow(indicator, byIndicator.GetValueOrDefault(indicator.Code) ?? []));
                }

                html.Append("</tbody>\n</table>\n</article>\n");
            }

            html.Append("</section>\n");
        }

        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string IndicatorRow(Indicator indicator, List<AttainmentRow> months)
    {
        var latest = months.LastOrDefault(m => m.Istwert is not null);
        var status = latest?.Status ?? (months.Count == 0 ? "n/a" : "keine_daten");
        var name = indicator.Informational ? indicator.Name + " (nachrichtlich)" : indicator.Name;
        return string.Create(CultureInfo.InvariantCulture, $"""
            <tr data-indikator="{E(indicator.Code)}">
            <td><span class="code">{E(indicator.Code)}</span> {E(name)}<br><span class="einheit">{E(indicator.Unit)}{(latest is null ? "" : " · " + E(MonthLabel(latest.Monat)))}</span></td>
            <td><span class="status {StatusClass(status)}">{E(StatusText(status))}</span></td>
            <td class="zahl istwert">{Number(latest?.Istwert)}</td>
            <td class="zahl">{Number(latest?.Zielpfad)}</td>
            <td class="zahl">{Number(latest?.Zielwert ?? months.FirstOrDefault()?.Zielwert)}</td>
            <td class="zahl">{(latest?.Zielerreichungsgrad is { } g ? g.ToString("P0", German) : "–")}</td>
            <td>{MonthChart.Svg(months)}</td>
            </tr>

            """);
    }

    private static string StatusClass(string status) => status == "n/a" ? "na" : status;

    private static string StatusText(string status) => status switch
    {
        "gruen" => "grün",
        "keine_daten" => "keine Daten",
        "ueberfaellig" => "überfällig",
        _ => status,
    };

    private static string Number(double? value) => value is { } v ? v.ToString("#,##0.##", German) : "–";

    private static string MonthLabel(string isoMonth) =>
        DateOnly.TryParseExact(isoMonth, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", German)
            : "–";

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Styles = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2rem; color: #1d1d1b; font-size: 14px; }
        h1 { font-size: 1.6rem; margin-bottom: .2rem; }
        h2 { font-size: 1.3rem; border-bottom: 2px solid #005ca9; padding-bottom: .2rem; margin-top: 2rem; color: #005ca9; }
        h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
        .meta, .legend, .einheit { color: #555; font-size: .85rem; }
        .hinweis { border-left: 4px solid #c60; background: #fff4e5; padding: .5rem .8rem; }
        .code { font-family: "DejaVu Sans Mono", monospace; font-weight: bold; }
        table { border-collapse: collapse; width: 100%; }
        th, td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left; vertical-align: middle; }
        th { background: #f2f5f8; font-weight: 600; }
        td.zahl, th.zahl { text-align: right; white-space: nowrap; }
        .status { display: inline-block; padding: .1rem .5rem; border-radius: .7rem; font-size: .8rem; white-space: nowrap; }
        .gruen { background: #d8efd3; color: #1e6b12; } .gelb { background: #fff1c2; color: #7a5a00; }
        .rot { background: #f8d4d0; color: #8f1d12; } .keine_daten { background: #e6e6e6; color: #444; }
        .ueberfaellig { background: #8f1d12; color: #fff; } .na { background: #f2f2f2; color: #777; }
        svg.verlauf { display: block; }
        article { break-inside: avoid; }
        @media print { body { margin: 0; font-size: 11px; } h2 { break-after: avoid; } .legend { display: none; } }
        """;
}
