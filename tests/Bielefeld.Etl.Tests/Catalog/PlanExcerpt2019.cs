using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>
/// The plan-like excerpt written for these specifications (Catalog/Plans/ziele-und-massnahmen-2019-auszug.txt), imported
/// once: nine invented measures in the layout of the plan's text export, each exercising rules of the importer.
/// It ships with the repository, so the importer stays specified on a fresh clone without the published plan.
/// </summary>
internal static class PlanExcerpt2019
{
    private static readonly Lazy<CatalogImport> Lazy = new(() =>
        CatalogImporter.Convert(File.ReadAllText(RepositoryPaths.PlanExcerpt2019), Path.GetFileName(RepositoryPaths.PlanExcerpt2019)));

    public static CatalogImport Import => Lazy.Value;

    public static MeasureDocument Measure(string code) => Import.Measures.Single(m => m.Code == code);

    public static IndicatorDocument Indicator(string code) => Import.Measures.SelectMany(m => m.Indikatoren).Single(i => i.Code == code);

    public static TargetDocument Target(string code) => Assert.Single(Indicator(code).Ziele);
}
