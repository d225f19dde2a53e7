using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Csv;
using C = Bielefeld.Etl.Sources.Meldebogen.MeldebogenColumns;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>
/// Checks a Meldebogen row against its indicator's kind and turns it into observations: counts, amounts, stocks and
/// published rates a Wert; rates Zaehler and Nenner; milestones 0 in the period's months before Erledigt_am and 1 in
/// its month (so that a corrected later date supersedes the earlier 1); assessments 1 / 0,5 / 0 in the period's last month.
/// </summary>
internal sealed class MeldebogenRowCheck(PlanCatalog plan, AreaCatalog areas, MeldebogenMapping mapping)
{
    /// <summary>The series of every manual report: a later report of the same indicator, month and area supersedes the earlier one.</summary>
    public const string Series = "MELDEBOGEN";

    private readonly Dictionary<(string Indicator, DateOnly Month, string Area), int> _seen = [];

    public SourceRow Check(MeldebogenRowValues row)
    {
        if (row.IsBlank)
        {
            return new SourceRow.Skipped(row.Number, "Leerzeile");
        }

        if (row.IsUntouched)
        {
            return new SourceRow.Skipped(row.Number, "nicht ausgefüllt");
        }

        var problems = new List<RejectedRow>();
        var indicator = FindIndicator(row, problems);
        var period = row.Period();
        if (period is null)
        {
            problems.Add(row.Problem(C.Periode, MeldebogenReasons.InvalidPeriod, $"'{row.Text(C.Periode)}' ist keine Periode: JJJJ-MM (2017-03), JJJJ-Qn (2017-Q1) oder JJJJ (2017)."));
        }
        else if (period.Value.FirstMonth.Year < plan.Year - 1 || period.Value.LastMonth.Year > plan.Year + 1)
        {
            problems.Add(row.Problem(C.Periode, MeldebogenReasons.InvalidPeriod,
                string.Create(CultureInfo.InvariantCulture, $"Die Periode {period.Value.Text} liegt außerhalb der Jahre {plan.Year - 1} bis {plan.Year + 1} des Plans {plan.Year}.")));
        }

        var area = FindArea(row, problems);
        if (row.IsEmpty(C.GemeldetVon))
        {
            problems.Add(row.Problem(C.GemeldetVon, MeldebogenReasons.MissingField, "Gemeldet_von ist leer: bitte die meldende Person oder Stelle eintragen."));
        }

        var values = indicator is null ? null : Values(row, indicator, period, problems);
        if (problems.Count > 0 || values is null)
        {
            return new SourceRow.Rejected(row.Number, problems);
        }

        var observations = values.Select(v => v with { IndicatorCode = indicator!.Code, AreaCode = area!.Code }).ToList();
        foreach (var o in observations)
        {
            if (_seen.TryGetValue((o.IndicatorCode, o.Month, o.AreaCode), out var earlier))
            {
                return new SourceRow.Rejected(row.Number, [row.Problem(C.Periode, MeldebogenReasons.DuplicateReport,
                    string.Create(CultureInfo.InvariantCulture, $"{o.IndicatorCode} für {o.Month:yyyy-MM} und {area!.Name} steht schon in Zeile {earlier}; eine Korrektur kommt in einen neuen Meldebogen."))]);
            }
        }

        foreach (var o in observations)
        {
            _seen[(o.IndicatorCode, o.Month, o.AreaCode)] = row.Number;
        }

        return new SourceRow.Accepted(row.Number, observations);
    }

    private Indicator? FindIndicator(MeldebogenRowValues row, List<RejectedRow> problems)
    {
        var code = row.Text(C.Indikator);
        var indicator = plan.FindIndicator(code);
        if (indicator is null)
        {
            problems.Add(row.Problem(C.Indikator, MeldebogenReasons.UnknownIndicator,
                $"Der Indikator '{code}' steht nicht im Plan {plan.Year}; den Code aus einem neu erzeugten Meldebogen übernehmen."));
            return null;
        }

        if (mapping.IsSystemFed(indicator.Code))
        {
            problems.Add(row.Problem(C.Indikator, MeldebogenReasons.SystemIndicator,
                $"{indicator.Code} wird aus einem System-Extrakt geladen; eine Meldung per Meldebogen würde doppelt zählen."));
            return null;
        }

        return indicator;
    }

    private Area? FindArea(MeldebogenRowValues row, List<RejectedRow> problems)
    {
        var name = row.Text(C.Bereich);
        if (name.Length == 0 || string.Equals(name, Area.City.Name, StringComparison.OrdinalIgnoreCase) || name == Area.CityCode)
        {
            return areas.Find(Area.CityCode);
        }

        Area? Prefixed(string prefix, AreaLevel level) =>
            name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? areas.FindByName(level, name[prefix.Length..]) : null;

        var found = areas.Find(name) ?? Prefixed("Stadtbezirk ", AreaLevel.District) ?? Prefixed("Quartier ", AreaLevel.Quarter);
        if (found is not null)
        {
            return found;
        }

        var district = areas.FindByName(AreaLevel.District, name);
        var quarter = areas.FindByName(AreaLevel.Quarter, name);
        if (district is not null && quarter is not null)
        {
            problems.Add(row.Problem(C.Bereich, MeldebogenReasons.AmbiguousArea,
                $"'{name}' ist ein Stadtbezirk und ein Quartier: „Stadtbezirk {district.Name}“ oder „Quartier {quarter.Name}“ schreiben."));
            return null;
        }

        if (district is null && quarter is null)
        {
            problems.Add(row.Problem(C.Bereich, MeldebogenReasons.UnknownArea,
                $"Den Bereich '{name}' kennt die Raumgliederung (config/bereiche.yml) nicht; leer lassen heißt „ganze Stadt“."));
        }

        return district ?? quarter;
    }

    private static List<Observation>? Values(MeldebogenRowValues row, Indicator indicator, MeldebogenPeriod? period, List<RejectedRow> problems)
    {
        var (needed, allowed) = Fields(indicator.Kind);
        foreach (var column in needed.Where(row.IsEmpty))
        {
            problems.Add(row.Problem(column, MeldebogenReasons.MissingField, $"{column} ist leer; {indicator.Code} verlangt {MeldebogenFileWriter.FieldsFor(indicator.Kind)}."));
        }

        foreach (var column in new[] { C.Wert, C.Zaehler, C.Nenner, C.ErledigtAm, C.Bewertung }.Except(allowed).Where(c => !row.IsEmpty(c)))
        {
            problems.Add(row.Problem(column, MeldebogenReasons.UnexpectedField, $"{column} gehört nicht zu {indicator.Code}; die Zeile verlangt {MeldebogenFileWriter.FieldsFor(indicator.Kind)}."));
        }

        if (problems.Count > 0 || period is not { } p)
        {
            return null;
        }

        Observation At(DateOnly month, decimal? value) => new("", month, "", Series, value);
        switch (indicator.Kind)
        {
            case IndicatorKind.Rate:
                var numerator = NonNegative(row, C.Zaehler, row.ParseNumber(C.Zaehler, problems), problems);
                var denominator = row.ParseNumber(C.Nenner, problems);
                if (denominator is <= 0)
                {
                    problems.Add(row.Problem(C.Nenner, MeldebogenReasons.DenominatorNotPositive, "Der Nenner einer Quote muss größer als 0 sein."));
                }

                return problems.Count > 0 ? null : [At(p.LastMonth, null) with { Numerator = numerator, Denominator = denominator }];
            case IndicatorKind.Milestone:
                if (row.ParseDate(C.ErledigtAm, problems) is not { } done)
                {
                    return null;
                }

                if (!p.Contains(done))
                {
                    problems.Add(row.Problem(C.ErledigtAm, MeldebogenReasons.DateOutsidePeriod, $"{done:dd.MM.yyyy} liegt nicht in der Periode {p.Text}."));
                    return null;
                }

                var doneMonth = new DateOnly(done.Year, done.Month, 1);
                var months = new List<Observation>();
                for (var month = p.FirstMonth; month < doneMonth; month = month.AddMonths(1))
                {
                    months.Add(At(month, 0));
                }

                months.Add(At(doneMonth, 1));
                return months;
            case IndicatorKind.Qualitative:
                var assessment = row.Text(C.Bewertung).ToUpperInvariant() switch
                {
                    "ERREICHT" => 1m,
                    "TEILWEISE" or "TEILWEISE ERREICHT" => 0.5m,
                    "NICHT ERREICHT" => 0m,
                    _ => (decimal?)null,
                };
                if (assessment is null)
                {
                    problems.Add(row.Problem(C.Bewertung, MeldebogenReasons.InvalidAssessment, $"'{row.Text(C.Bewertung)}': erlaubt sind „erreicht“, „teilweise“ und „nicht erreicht“."));
                    return null;
                }

                return [At(p.LastMonth, assessment)];
            default:
                var value = row.ParseNumber(C.Wert, problems);
                if (indicator.Kind != IndicatorKind.Amount)
                {
                    value = NonNegative(row, C.Wert, value, problems);
                }

                if (indicator.Kind is IndicatorKind.Count or IndicatorKind.Stock && value is { } v && v != decimal.Truncate(v))
                {
                    problems.Add(row.Problem(C.Wert, ReasonCode.NotWhole, $"{indicator.Code} zählt ganze {indicator.Unit}; {v.ToString(GermanValues.Culture)} ist keine ganze Zahl."));
                }

                return problems.Count > 0 ? null : [At(p.LastMonth, value)];
        }
    }

    private static decimal? NonNegative(MeldebogenRowValues row, string column, decimal? value, List<RejectedRow> problems)
    {
        if (value is < 0)
        {
            problems.Add(row.Problem(column, ReasonCode.Negative, $"{column} kann nicht negativ sein."));
        }

        return value;
    }

    private static (string[] Needed, string[] Allowed) Fields(IndicatorKind kind) => kind switch
    {
        IndicatorKind.Rate => ([C.Zaehler, C.Nenner], [C.Zaehler, C.Nenner]),
        IndicatorKind.Milestone => ([C.ErledigtAm], [C.ErledigtAm]),
        IndicatorKind.Qualitative => ([C.Bewertung, C.Kommentar], [C.Bewertung]),
        _ => ([C.Wert], [C.Wert]),
    };
}
