using System.Globalization;
using System.Text;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Reporting;

/// <summary>
/// A small inline SVG per indicator: the actual to date (solid, with a dot per delivered month), the target path
/// (dashed) and the target (a thin line). Drawn on the server, so the page needs no script and prints as it shows.
/// </summary>
internal static class MonthChart
{
    private const int Width = 180;
    private const int Height = 48;
    private const int Pad = 4;

    public static string Svg(IReadOnlyList<AttainmentRow> months)
    {
        if (months.Count == 0)
        {
            return "";
        }

        var values = months.SelectMany(m => new[] { m.Istwert, m.Zielpfad, m.Zielwert }).OfType<double>().ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-9);
        var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
        double X(int i) => Pad + (i * (Width - (2.0 * Pad)) / Math.Max(1, months.Count - 1));
        double Y(double v) => Height - Pad - ((v - min) / (max - min) * (Height - (2.0 * Pad)));
        static string P(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"verlauf\" role=\"img\" aria-label=\"Verlauf\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" xmlns=\"http://www.w3.org/2000/svg\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{Height}\" fill=\"#fafafa\"/>");
        if (months[^1].Zielwert is { } target)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"ziel\" x1=\"{Pad}\" x2=\"{Width - Pad}\" y1=\"{P(Y(target))}\" y2=\"{P(Y(target))}\" stroke=\"#999\" stroke-width=\"1\"/>");
        }

        var path = months.Select((m, i) => m.Zielpfad is { } v ? $"{P(X(i))},{P(Y(v))}" : null).OfType<string>().ToList();
        if (path.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"zielpfad\" points=\"{string.Join(' ', path)}\" fill=\"none\" stroke=\"#005ca9\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>");
        }

        var actual = months.Select((m, i) => m.Istwert is { } v ? (X: X(i), Y: Y(v)) : ((double X, double Y)?)null).OfType<(double X, double Y)>().ToList();
        if (actual.Count > 1)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"istwert\" points=\"{string.Join(' ', actual.Select(a => $"{P(a.X)},{P(a.Y)}"))}\" fill=\"none\" stroke=\"#1d1d1b\" stroke-width=\"2\"/>");
        }

        foreach (var (x, y) in actual)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"monat\" cx=\"{P(x)}\" cy=\"{P(y)}\" r=\"2\" fill=\"#1d1d1b\"/>");
        }

        return svg.Append("</svg>").ToString();
    }
}
