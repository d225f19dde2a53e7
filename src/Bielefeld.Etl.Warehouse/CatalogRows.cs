using System.Security.Cryptography;
using System.Text.Json;
using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// The rows a catalog sync writes (the statements' parameters), built once: what is written and what is fingerprinted
/// are the same objects, so no column can be written without being compared.
/// </summary>
internal sealed record CatalogRows(
    IReadOnlyList<object> Areas,
    IReadOnlyList<object> Measures,
    IReadOnlyList<object> Indicators,
    IReadOnlyList<(object Row, TargetSemantics Semantics)> Targets,
    IReadOnlyList<object> SetMembers)
{
    /// <summary>The rows of <paramref name="catalog"/> and <paramref name="areas"/>, days and figures as <paramref name="values"/> binds them.</summary>
    public static CatalogRows Of(PlanCatalog catalog, AreaCatalog areas, StoredValues values) => new(
        [.. areas.Areas.Select(area => (object)new { area.Code, area.Name, level = CatalogWords.Level(area.Level), area.ParentCode })],
        [.. catalog.Measures.Select(measure => (object)new
        {
            measure.Code, year = catalog.Year, measure.Title, measure.OrgUnit, measure.PolicyArea, measure.TargetGroup,
            measure.FocalTheme, principles = string.Join("\n", measure.GuidingPrinciples), CostEurosPerYear = values.Number(measure.CostEurosPerYear), measure.CostText,
        })],
        [.. catalog.Indicators.Select(indicator => (object)new
        {
            indicator.Code, indicator.MeasureCode, indicator.Name, indicator.Unit, kind = CatalogWords.Kind(indicator.Kind),
            direction = CatalogWords.Direction(indicator.HigherIsBetter), indicator.ParentCode, indicator.Informational, indicator.DataSource,
        })],
        [.. catalog.Indicators.SelectMany(indicator => indicator.Targets.Select(target => ((object)new
        {
            indicator = indicator.Code, year = catalog.Year, area = target.AreaCode, comparator = CatalogWords.Comparator(target.Comparator),
            value = values.Number(target.Value), baseline = values.Number(target.Baseline), deadline = values.Day(target.Deadline),
            from = values.Day(target.Period.FirstMonth), to = values.Day(target.Period.LastMonth), wording = target.Wording,
        }, TargetSemantics.Of(indicator, target))))],
        [.. areas.Areas.Where(a => a.Members.Count > 0)
            .SelectMany(set => set.Members.Select((member, i) => (object)new { set = set.Code, member, position = i + 1 }))]);

    /// <summary>
    /// SHA-256 over the rows, the statements that write them and <paramref name="schema"/> (the name of the views script,
    /// which changes with every migration and view): a new migration or statement syncs again even for the same catalog.
    /// </summary>
    public string Fingerprint(WarehouseStatements sql, string schema)
    {
        object[] parts =
        [
            schema, sql.UpsertArea, sql.UpsertMeasure, sql.UpsertIndicator, sql.CloseChangedTarget, sql.InsertTarget, sql.ClearAreaSets,
            sql.InsertAreaSetMember, Areas, Measures, Indicators, Targets.Select(t => new object[] { t.Row, t.Semantics }).ToList(), SetMembers,
        ];
        return Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(parts)));
    }
}
