using System.Data.Common;
using System.Globalization;
using Dapper;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// A BI reader's attack on small counts: reads rpt beobachtung, zielerreichung, beobachtung_historie, bereich and
/// indikator as published and narrows every hidden figure with everything they say together. The model is the
/// strongest a reader can justify: a Stadtbezirk is the sum of its delivered Quartiere and the city the sum of its
/// delivered districts; a running istwert of a flow is the sum of the delivered months of its plan period up to the
/// month, a stock's is the month's own figure; a cell is the sum of its series' current values.
/// </summary>
internal sealed class SuppressionAttack
{
    private readonly Dictionary<string, LinearBounds> _systems = new(StringComparer.Ordinal);
    private readonly Dictionary<Figure, int> _hidden = [];
    private readonly Dictionary<(Figure, string), int> _hiddenSeries = [];
    private readonly Dictionary<Figure, double> _shown = [];
    private readonly List<string> _leaks = [];
    private readonly Dictionary<string, string> _levels;

    private SuppressionAttack(Dictionary<string, string> levels) => _levels = levels;

    /// <summary>Cells of rpt beobachtung whose value is hidden.</summary>
    public int HiddenCells => _hidden.Count;

    /// <summary>Cells of rpt beobachtung whose value is shown.</summary>
    public int ShownCells => _shown.Count;

    public static async Task<SuppressionAttack> ReadAsync(DbConnection connection, string views)
    {
        var areas = (await connection.QueryAsync<(string Area, string Level, string? Parent)>(
            $"SELECT bereich_code, ebene, eltern_bereich_code FROM {views}bereich")).ToList();
        var kinds = (await connection.QueryAsync<(string Indicator, string Kind)>($"SELECT indikator_code, art FROM {views}indikator"))
            .ToDictionary(k => k.Indicator, k => k.Kind, StringComparer.Ordinal);
        var cells = (await connection.QueryAsync<(string Indicator, string Month, string Area, double? Value, string? Secrecy)>(
            $"SELECT indikator_code, CAST(monat AS text), bereich_code, wert, geheimhaltung FROM {views}beobachtung")).ToList();
        var attained = (await connection.QueryAsync<(string Indicator, string Month, string Area, double? Actual, double? DegreeOrProjection, string Status, string? Secrecy)>(
            $"SELECT indikator_code, CAST(monat AS text), bereich_code, istwert, COALESCE(zielerreichungsgrad, prognose), status, geheimhaltung FROM {views}zielerreichung")).ToList();
        var history = (await connection.QueryAsync<(string Indicator, string Month, string Area, string Series, double? First, double? Current, string? Secrecy)>(
            $"SELECT indikator_code, CAST(monat AS text), bereich_code, serie, erstwert, aktueller_wert, geheimhaltung FROM {views}beobachtung_historie")).ToList();

        var attack = new SuppressionAttack(areas.ToDictionary(a => a.Area, a => a.Level, StringComparer.Ordinal));
        var parents = areas.ToDictionary(a => a.Area, a => a.Parent, StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            attack.Cell(new Figure(cell.Indicator, Month(cell.Month), cell.Area), cell.Value, cell.Secrecy);
        }

        // Totals: every delivered parent is the sum of its delivered children.
        foreach (var parent in cells.Select(c => new Figure(c.Indicator, Month(c.Month), c.Area)))
        {
            var children = cells.Select(c => new Figure(c.Indicator, Month(c.Month), c.Area))
                .Where(c => c.Indicator == parent.Indicator && c.Month == parent.Month && parents[c.Area] == parent.Area).ToList();
            if (children.Count > 0)
            {
                attack.Sum([.. children.Select(c => (c, 1.0)), (parent, -1.0)], 0);
            }
        }

        // Running figures: what the istwert sums; a degree, projection or status beside a hidden istwert would give it too.
        foreach (var row in attained)
        {
            var figure = new Figure(row.Indicator, Month(row.Month), row.Area);
            attack.Label(figure, row.Secrecy, "rpt.zielerreichung");
            if (kinds[row.Indicator] is not ("anzahl" or "bestand"))
            {
                continue;
            }

            if (row.Actual is null)
            {
                if (row.Secrecy is not null && (row.DegreeOrProjection is not null || row.Status is "gruen" or "gelb" or "rot"))
                {
                    attack._leaks.Add(string.Create(CultureInfo.InvariantCulture, $"{figure}: zielerreichungsgrad or prognose {row.DegreeOrProjection}, status {row.Status} beside a hidden istwert"));
                }

                continue;
            }

            attack.Small(figure, row.Actual, "istwert");
            List<Figure> months = kinds[row.Indicator] == "bestand"
                ? [figure]
                : attained.Where(a => a.Indicator == row.Indicator && a.Area == row.Area && string.CompareOrdinal(Month(a.Month), figure.Month) <= 0)
                    .Select(a => new Figure(a.Indicator, Month(a.Month), a.Area)).ToList();
            var delivered = months.Where(attack.IsDelivered).ToList();
            if (delivered.Count > 0)
            {
                attack.Sum(delivered.Select(m => (m, 1.0)), row.Actual.Value);
            }
        }

        // Series: a cell is the sum of its series' current values; a first value stands alone.
        foreach (var cell in history.GroupBy(h => new Figure(h.Indicator, Month(h.Month), h.Area)))
        {
            var terms = new List<(int Unknown, double Coefficient)>();
            double constant = 0;
            foreach (var series in cell)
            {
                attack.Label(cell.Key, series.Secrecy, "rpt.beobachtung_historie");
                attack.Small(cell.Key, series.First, $"erstwert of series {series.Series}");
                if (series.Current is { } current)
                {
                    attack.Small(cell.Key, current, $"aktueller_wert of series {series.Series}");
                    constant -= current;
                }
                else
                {
                    var unknown = attack.System(cell.Key.Indicator).Unknown();
                    attack._hiddenSeries[(cell.Key, series.Series)] = unknown;
                    terms.Add((unknown, 1));
                }
            }

            if (terms.Count > 0 && attack.IsDelivered(cell.Key))
            {
                var (cellTerms, cellConstant) = attack.Terms([(cell.Key, -1.0)]);
                attack.System(cell.Key.Indicator).Equation(terms.Concat(cellTerms), constant - cellConstant);
            }
        }

        return attack;
    }

    /// <summary>
    /// Every way the views give a count of 1 or 2 in a Quartier away: a shown figure of 1 or 2, a label that says more
    /// than "geheim", or a hidden figure whose true value is 1 or 2 that the reader can narrow to less than 0 to 3.
    /// </summary>
    public List<string> Findings(IReadOnlyDictionary<Figure, int> truth, IReadOnlyDictionary<(Figure, string), int> seriesTruth)
    {
        var findings = new List<string>(_leaks);
        foreach (var (figure, unknown) in _hidden)
        {
            if (_levels[figure.Area] == "quartier" && truth[figure] is 1 or 2)
            {
                findings.AddRange(Narrowed($"{figure} = {truth[figure]}", _systems[figure.Indicator].Bounds(unknown)));
            }
        }

        foreach (var ((figure, series), unknown) in _hiddenSeries)
        {
            if (_levels[figure.Area] == "quartier" && seriesTruth.GetValueOrDefault((figure, series), truth[figure]) is 1 or 2)
            {
                findings.AddRange(Narrowed($"{figure}, series {series}", _systems[figure.Indicator].Bounds(unknown)));
            }
        }

        return findings;
    }

    /// <summary>The interval the reader can narrow a hidden cell to, in whole numbers.</summary>
    public (double Low, double High) Interval(Figure figure) => Whole(_systems[figure.Indicator].Bounds(_hidden[figure]));

    /// <summary>The interval the reader can narrow a hidden series value to.</summary>
    public (double Low, double High) SeriesInterval(Figure figure, string series) =>
        Whole(_systems[figure.Indicator].Bounds(_hiddenSeries[(figure, series)]));

    private static IEnumerable<string> Narrowed(string what, (double Low, double High) bounds)
    {
        var (low, high) = Whole(bounds);
        if (low > 0 || high < 3)
        {
            yield return $"{what} can be narrowed to [{low}, {high}]";
        }
    }

    private static (double Low, double High) Whole((double Low, double High) bounds) =>
        (Math.Ceiling(bounds.Low - 1e-6) + 0.0, double.IsPositiveInfinity(bounds.High) ? bounds.High : Math.Floor(bounds.High + 1e-6));

    private static string Month(string text) => text[..10];

    private LinearBounds System(string indicator)
    {
        if (!_systems.TryGetValue(indicator, out var system))
        {
            _systems[indicator] = system = new LinearBounds();
        }

        return system;
    }

    private bool IsDelivered(Figure figure) => _hidden.ContainsKey(figure) || _shown.ContainsKey(figure);

    private void Cell(Figure figure, double? value, string? secrecy)
    {
        Label(figure, secrecy, "rpt.beobachtung");
        if (value is { } shown)
        {
            _shown[figure] = shown;
            Small(figure, shown, "wert");
        }
        else
        {
            _hidden[figure] = System(figure.Indicator).Unknown();
        }
    }

    private void Label(Figure figure, string? secrecy, string view)
    {
        if (secrecy is not null and not "geheim")
        {
            _leaks.Add(string.Create(CultureInfo.InvariantCulture, $"{view} {figure}: geheimhaltung '{secrecy}' says more than that it is hidden"));
        }
    }

    private void Small(Figure figure, double? value, string what)
    {
        if (_levels[figure.Area] == "quartier" && value is > 0 and < 3)
        {
            _leaks.Add(string.Create(CultureInfo.InvariantCulture, $"{figure}: {what} {value} is shown"));
        }
    }

    private (List<(int Unknown, double Coefficient)> Terms, double Constant) Terms(IEnumerable<(Figure Figure, double Coefficient)> parts)
    {
        var terms = new List<(int, double)>();
        double constant = 0;
        foreach (var (figure, coefficient) in parts)
        {
            if (_hidden.TryGetValue(figure, out var unknown))
            {
                terms.Add((unknown, coefficient));
            }
            else
            {
                constant += coefficient * _shown[figure];
            }
        }

        return (terms, constant);
    }

    private void Sum(IEnumerable<(Figure Figure, double Coefficient)> parts, double total)
    {
        var list = parts.ToList();
        var (terms, constant) = Terms(list);
        if (terms.Count > 0)
        {
            System(list[0].Figure.Indicator).Equation(terms, total - constant);
        }
    }
}
