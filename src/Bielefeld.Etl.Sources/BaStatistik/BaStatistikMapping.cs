using System.Globalization;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;

namespace Bielefeld.Etl.Sources.BaStatistik;

/// <summary>The <c>ba:</c> section checked against the catalog, with labels, aliases and indicators ready for look-up.</summary>
internal sealed partial class BaStatistikMapping(Dictionary<string, TableMapping> tables, Dictionary<string, MerkmalMapping> merkmale, Dictionary<string, string[]> columnNames)
{
    /// <summary>The Regionstypen of the contract.</summary>
    public static readonly string[] RegionTypes = ["Stadt", "Stadtbezirk", "Quartier"];

    /// <summary>The columns every special evaluation has.</summary>
    public static readonly string[] CsvColumns = ["Berichtsmonat", "Datenstand", "Regionstyp", "Regionsschluessel", "Region", "Merkmal", "Wert"];

    private readonly Dictionary<string, TableMapping> _tables = tables;
    private readonly Dictionary<string, MerkmalMapping> _merkmale = merkmale;

    /// <summary>Per contract column of the special evaluations, every header name that means it.</summary>
    public IReadOnlyDictionary<string, string[]> ColumnNames { get; } = columnNames;

    public static BaStatistikMapping Build(BaStatistikOptions options, PlanCatalog catalog, string file)
    {
        var problems = new List<string>();
        Indicator? Known(string code, string where)
        {
            var indicator = catalog.FindIndicator(code);
            if (indicator is null)
            {
                problems.Add($"{where} verweist auf den Indikator '{code}', den der Plan {catalog.Year} nicht kennt");
            }

            return indicator;
        }

        var tables = new Dictionary<string, TableMapping>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in options.Tables)
        {
            if (!TableCode().IsMatch(table.Code))
            {
                problems.Add($"Tabellenkürzel '{table.Code}' ist kein einfaches Kürzel aus Buchstaben und Ziffern");
            }

            var rows = new Dictionary<(string Parent, string Label), RowMapping>();
            var fed = new HashSet<string>(StringComparer.Ordinal);
            foreach (var row in table.Merkmale)
            {
                var columns = new List<(string Column, Indicator Indicator)>();
                foreach (var column in row.Columns)
                {
                    if (Known(column.Indicator, $"Tabelle {table.Code}, '{row.Label}' / '{column.Column}'") is { } indicator)
                    {
                        columns.Add((Normalise(column.Column), indicator));
                        if (!fed.Add(indicator.Code))
                        {
                            problems.Add($"Tabelle {table.Code}: der Indikator {indicator.Code} wird aus mehreren Zellen gespeist");
                        }
                    }
                }

                if (row.Columns.Count == 0)
                {
                    problems.Add($"Tabelle {table.Code}, '{row.Label}': keine Spalte zugeordnet");
                }

                var mapping = new RowMapping(row.Label, row.Parent, columns);
                foreach (var label in row.Aliases.Prepend(row.Label))
                {
                    if (!rows.TryAdd((Normalise(row.Parent ?? ""), Normalise(label)), mapping))
                    {
                        problems.Add($"Tabelle {table.Code}: die Zeile '{label}' ist mehrfach eingetragen");
                    }
                }
            }

            if (!tables.TryAdd(table.Code, new TableMapping(table.Code, table.Name, table.Sheet, table.SheetAliases, rows)))
            {
                problems.Add($"das Tabellenkürzel {table.Code} ist mehrfach eingetragen");
            }
        }

        var merkmale = new Dictionary<string, MerkmalMapping>(StringComparer.OrdinalIgnoreCase);
        var csvFed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var merkmal in options.SpecialEvaluations.Merkmale)
        {
            var unknownTypes = merkmal.RegionTypes.Where(t => !RegionTypes.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
            if (unknownTypes.Count > 0)
            {
                problems.Add($"'{merkmal.Label}' nennt unbekannte Regionstypen {string.Join(", ", unknownTypes)} (bekannt: {string.Join(", ", RegionTypes)})");
            }

            if (Known(merkmal.Indicator, $"das Merkmal '{merkmal.Label}'") is not { } indicator)
            {
                continue;
            }

            if (!csvFed.Add(indicator.Code))
            {
                problems.Add($"der Indikator {indicator.Code} wird aus mehreren Merkmalen der Sonderauswertungen gespeist");
            }

            var mapping = new MerkmalMapping(merkmal.Label, indicator, merkmal.RegionTypes.ToHashSet(StringComparer.OrdinalIgnoreCase));
            foreach (var label in merkmal.Aliases.Prepend(merkmal.Label))
            {
                if (!merkmale.TryAdd(Normalise(label), mapping))
                {
                    problems.Add($"das Merkmal '{label}' ist mehrfach eingetragen");
                }
            }
        }

        var columnNames = CsvColumns.ToDictionary(c => c, c => new[] { c }, StringComparer.Ordinal);
        foreach (var (column, aliases) in options.SpecialEvaluations.ColumnAliases)
        {
            if (!columnNames.ContainsKey(column))
            {
                problems.Add($"Spalten-Alias für '{column}', die keine Spalte der Sonderauswertungen ist (bekannt: {string.Join(", ", CsvColumns)})");
                continue;
            }

            columnNames[column] = [column, .. aliases];
        }

        if (tables.Count == 0 && merkmale.Count == 0)
        {
            problems.Add("weder Tabellen noch Merkmale der Sonderauswertungen eingetragen");
        }

        return problems.Count == 0
            ? new BaStatistikMapping(tables, merkmale, columnNames)
            : throw new PipelineDefinitionException($"{file}: " + string.Join("; ", problems) + ".");
    }

    public TableMapping? FindTable(string code) => _tables.GetValueOrDefault(code);

    public MerkmalMapping? FindMerkmal(string label) => _merkmale.GetValueOrDefault(Normalise(label));

    /// <summary>
    /// A label as it is compared: without indentation, a <c>darunter:</c> prefix, footnote marks (<c>1)</c>, <c>*)</c>)
    /// and repeated spaces.
    /// </summary>
    public static string Normalise(string label)
    {
        var text = FootnoteMark().Replace(label.Trim(), "");
        text = Darunter().Replace(text, "");
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpper(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^darunter\s*:?\s*", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Darunter();

    [GeneratedRegex(@"\s*(\d+|\*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteMark();

    [GeneratedRegex("^[A-Za-z0-9]{1,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex TableCode();
}

/// <summary>A configured monthly table.</summary>
internal sealed record TableMapping(string Code, string Name, string Sheet, IReadOnlyList<string> SheetAliases, IReadOnlyDictionary<(string Parent, string Label), RowMapping> Rows)
{
    /// <summary>The mapped row for a label under a top-level row ("" for a top-level row itself).</summary>
    public RowMapping? Find(string parent, string label) =>
        Rows.GetValueOrDefault((BaStatistikMapping.Normalise(parent), BaStatistikMapping.Normalise(label)));
}

/// <summary>A configured table row: its label, the top-level row it belongs to, and the indicators of its columns (normalised labels).</summary>
internal sealed record RowMapping(string Label, string? Parent, IReadOnlyList<(string Column, Indicator Indicator)> Columns)
{
    public string Display => string.IsNullOrWhiteSpace(Parent) ? $"'{Label}'" : $"'{Label}' unter '{Parent}'";
}

/// <summary>A configured Merkmal of the special evaluations.</summary>
internal sealed record MerkmalMapping(string Label, Indicator Indicator, IReadOnlySet<string> RegionTypes)
{
    public bool Feeds(string regionType) => RegionTypes.Count == 0 || RegionTypes.Contains(regionType);
}
