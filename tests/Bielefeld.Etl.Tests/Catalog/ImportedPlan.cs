using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>A plan text imported once for all specifications that read it.</summary>
internal sealed class ImportedPlan
{
    private readonly Lazy<string> _path;
    private readonly Lazy<CatalogImport> _import;

    private ImportedPlan(Func<string> path)
    {
        _path = new(path);
        _import = new(() => CatalogImporter.Convert(File.ReadAllText(_path.Value), System.IO.Path.GetFileName(_path.Value)));
    }

    /// <summary>
    /// The plan-like excerpt written for these specifications (Plans/ziele-und-massnahmen-2019-auszug.txt): nine invented
    /// measures in the layout of the plan's text export, each exercising rules of the importer. It ships with the
    /// repository, so the importer stays specified on a fresh clone without the published plan.
    /// </summary>
    public static ImportedPlan Excerpt2019 { get; } = new(() => RepositoryPaths.PlanExcerpt2019);

    /// <summary>The published 2017 plan, from <see cref="SharedData"/> (skipped where it is not configured).</summary>
    public static ImportedPlan Published2017 { get; } = new(() => SharedData.PlanText2017);

    /// <summary>The plan text file.</summary>
    public string Path => _path.Value;

    public CatalogImport Import => _import.Value;

    public MeasureDocument Measure(string code) => Import.Measures.Single(m => m.Code == code);

    public IndicatorDocument Indicator(string code) => Import.Measures.SelectMany(m => m.Indikatoren).Single(i => i.Code == code);

    public TargetDocument Target(string code) => Assert.Single(Indicator(code).Ziele);
}
