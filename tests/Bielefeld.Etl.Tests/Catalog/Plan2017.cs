using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>The published 2017 plan (from <see cref="SharedData"/>; skipped where it is not configured) imported once for all specifications that read it.</summary>
internal static class Plan2017
{
    private static readonly Lazy<CatalogImport> Lazy = new(() =>
        CatalogImporter.Convert(File.ReadAllText(SharedData.PlanText2017), "ziele-und-massnahmen-2017.txt"));

    public static CatalogImport Import => Lazy.Value;

    public static MeasureDocument Measure(string code) => Import.Measures.Single(m => m.Code == code);

    public static IndicatorDocument Indicator(string code) => Import.Measures.SelectMany(m => m.Indikatoren).Single(i => i.Code == code);

    public static TargetDocument Target(string code) => Assert.Single(Indicator(code).Ziele);
}
