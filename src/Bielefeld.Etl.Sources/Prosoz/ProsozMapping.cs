using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Sources.Prosoz;

/// <summary>The <c>prosoz:</c> section checked against the catalog and the areas: rates with known columns, districts by name.</summary>
internal sealed class ProsozMapping(CsvColumns columns, ProsozOptions options, AreaCatalog areas)
{
    public const string Fallnummer = "Fallnummer";
    public const string Paragraph = "Paragraph";
    public const string Stationaer = "Stationaer";
    public const string Unterbringung = "Unterbringung";
    public const string Hilfebeginn = "Hilfebeginn";
    public const string Hilfeende = "Hilfeende";
    public const string Stadtbezirk = "Stadtbezirk";
    public const string EntscheidungDatum = "Entscheidung_Datum";
    public const string Anbieterdatenbank = "Anbieterdatenbank";
    public const string HilfeplanDatum = "Hilfeplan_Datum";
    public const string ZieleSmart = "Ziele_smart";
    public const string VerfahrenNeu = "Verfahren_neu";

    public static readonly string[] Known =
        [Fallnummer, Paragraph, Stationaer, Unterbringung, Hilfebeginn, Hilfeende, Stadtbezirk, EntscheidungDatum, Anbieterdatenbank, HilfeplanDatum, ZieleSmart, VerfahrenNeu];

    public static readonly string[] DateColumns = [Hilfebeginn, Hilfeende, EntscheidungDatum, HilfeplanDatum];

    public CsvColumns Columns { get; } = columns;

    public ProsozOptions Options { get; } = options;

    public AreaCatalog Areas { get; } = areas;

    public static ProsozMapping Build(ProsozOptions options, SourceContext context, string file)
    {
        var problems = new List<string>();
        var columns = CsvColumns.Create(Known, options.ColumnAliases, problems);
        foreach (var rate in options.Rates)
        {
            var indicator = context.Plan.FindIndicator(rate.Indicator);
            if (indicator is null)
            {
                problems.Add($"die Quote {rate.Indicator} ist kein Indikator des Plans {context.Plan.Year}");
            }
            else if (indicator.Kind != IndicatorKind.Rate)
            {
                problems.Add($"{rate.Indicator} ist im Katalog keine Quote");
            }

            if (!DateColumns.Contains(rate.Month, StringComparer.Ordinal))
            {
                problems.Add($"{rate.Indicator}: 'month' muss eine Datumsspalte sein ({string.Join(", ", DateColumns)}), nicht '{rate.Month}'");
            }

            problems.AddRange(rate.Denominator.Concat(rate.Numerator).Where(c => !Known.Contains(c.Column, StringComparer.Ordinal))
                .Select(c => $"{rate.Indicator}: unbekannte Spalte '{c.Column}' in einer Bedingung"));
            problems.AddRange(rate.Denominator.Concat(rate.Numerator).Where(c => (c.Values.Count > 0) == (c.AtLeast is not null))
                .Select(c => $"{rate.Indicator}: die Bedingung auf '{c.Column}' braucht genau eines von 'values' und 'at_least'"));
        }

        if (options.Rates.Count == 0)
        {
            problems.Add("keine Quoten eingetragen");
        }

        return problems.Count == 0
            ? new ProsozMapping(columns, options, context.Areas)
            : throw new PipelineDefinitionException($"{file}: " + string.Join("; ", problems) + ".");
    }
}

/// <summary>Evaluates a rate's conditions on a checked case.</summary>
internal static class ProsozConditionExtensions
{
    public static bool AllMet(this List<ProsozCondition> conditions, CsvRecord record)
    {
        // A loop, not All(): no closure and no enumerator per case and rate.
        foreach (var condition in conditions)
        {
            if (!condition.IsMet(record))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsMet(this ProsozCondition condition, CsvRecord record)
    {
        var value = record[condition.Column];
        if (value is null)
        {
            return false;
        }

        return condition.AtLeast is { } least
            ? GermanValues.TryNumber(value, out var number) && number >= least
            : condition.Values.Contains(value); // List.Contains compares strings ordinally, without an enumerator
    }
}
