using System.Globalization;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Einwohnermeldeamt;

/// <summary>The <c>einwohnermeldeamt:</c> section checked: age bands parsed, context series aligned with them and turned into indicators.</summary>
internal sealed class EinwohnermeldeamtMapping(CsvColumns columns, EinwohnermeldeamtOptions options, AreaCatalog areas, Dictionary<string, (int From, int? To)> bands, IReadOnlyList<Indicator> indicators)
{
    public const string Stichtag = "Stichtag";
    public const string BezirkNr = "Stadtbezirk_Nr";
    public const string Bezirk = "Stadtbezirk";
    public const string Quartier = "Quartier";
    public const string Altersgruppe = "Altersgruppe";
    public const string Geschlecht = "Geschlecht";
    public const string Migrationshintergrund = "Migrationshintergrund";
    public const string Anzahl = "Anzahl";

    public static readonly string[] Known = [Stichtag, BezirkNr, Bezirk, Quartier, Altersgruppe, Geschlecht, Migrationshintergrund, Anzahl];

    public static readonly string[] Sexes = ["m", "w", "d"];

    public static readonly string[] YesNo = ["J", "N"];

    public CsvColumns Columns { get; } = columns;

    public EinwohnermeldeamtOptions Options { get; } = options;

    public AreaCatalog Areas { get; } = areas;

    public Dictionary<string, (int From, int? To)> Bands { get; } = bands;

    public IReadOnlyList<Indicator> Indicators { get; } = indicators;

    public static EinwohnermeldeamtMapping Build(EinwohnermeldeamtOptions options, SourceContext context, string file)
    {
        var problems = new List<string>();
        var columns = CsvColumns.Create(Known, options.ColumnAliases, problems);
        var bands = new Dictionary<string, (int, int?)>(StringComparer.Ordinal);
        foreach (var band in options.AgeBands)
        {
            if (ParseBand(band) is { } parsed)
            {
                bands[band] = parsed;
            }
            else
            {
                problems.Add($"die Altersgruppe '{band}' hat nicht die Form 'von-bis' oder 'ab+'");
            }
        }

        var indicators = new List<Indicator>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var series in options.Context)
        {
            if (!ContextCatalog.IsContextCode(series.Code) || !codes.Add(series.Code))
            {
                problems.Add($"'{series.Code}' ist kein (eindeutiger) Kontext-Code der Form Kontext.<name> (Kleinbuchstaben, Ziffern, '-')");
            }

            if (series.AgeFrom is { } from && !bands.Values.Any(b => b.Item1 == from))
            {
                problems.Add($"{series.Code}: age_from {from} ist kein Beginn einer Altersgruppe, die Summe wäre geraten");
            }

            if (series.AgeTo is { } to && !bands.Values.Any(b => b.Item2 == to))
            {
                problems.Add($"{series.Code}: age_to {to} ist kein Ende einer Altersgruppe, die Summe wäre geraten");
            }

            if (series.Sex is { } sex && !Sexes.Contains(sex, StringComparer.Ordinal) || series.Migration is { } mig && !YesNo.Contains(mig, StringComparer.Ordinal))
            {
                problems.Add($"{series.Code}: sex muss m, w oder d sein, migration J oder N");
            }

            indicators.Add(new Indicator(series.Code, ContextCatalog.MeasureCode, series.Name, IndicatorKind.Stock, "Personen")
            {
                Informational = true,
                DataSource = "Einwohnermeldeamt (Bevölkerungsstatistik)",
            });
        }

        if (bands.Count == 0)
        {
            problems.Add("keine Altersgruppen eingetragen");
        }

        return problems.Count == 0
            ? new EinwohnermeldeamtMapping(columns, options, context.Areas, bands, indicators)
            : throw new PipelineDefinitionException($"{file}: " + string.Join("; ", problems) + ".");
    }

    public bool Counts(EinwohnerContextSeries series, EinwohnermeldeamtRowValues row)
    {
        var (from, to) = Bands[row.AgeBand];
        return (series.AgeFrom is not { } min || from >= min)
            && (series.AgeTo is not { } max || (to is { } upper && upper <= max))
            && (series.Sex is null || series.Sex == row.Sex)
            && (series.Migration is null || series.Migration == row.Migration);
    }

    private static (int, int?)? ParseBand(string band)
    {
        if (band.EndsWith('+') && int.TryParse(band[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var open))
        {
            return (open, null);
        }

        var parts = band.Split('-');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var to) && from <= to
            ? (from, to)
            : null;
    }
}
