using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>
/// The import as files: reproducible, loadable (on the excerpt written for the tests), and the committed catalog is
/// what the importer writes from the published plan (skipped where <see cref="SharedData"/> has no plan).
/// </summary>
public sealed class CatalogImportFiles
{
    [Fact]
    public void Importing_the_same_document_twice_gives_byte_identical_files()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        CatalogImporter.Import(ImportedPlan.Excerpt2019.Path, first.Path);
        CatalogImporter.Import(ImportedPlan.Excerpt2019.Path, second.Path);

        var files = Relative(first.Path);
        Assert.Equal(10, files.Count);
        Assert.Equal(files, Relative(second.Path));
        Assert.All(files, f => Assert.Equal(File.ReadAllBytes(Path.Combine(first.Path, f)), File.ReadAllBytes(Path.Combine(second.Path, f))));
    }

    [Fact]
    public void The_committed_2017_catalog_equals_a_fresh_import()
    {
        using var fresh = new TempDirectory();
        // The reviewers' own files beside the catalog: their corrections, and the consistency rules the import does not write.
        File.Copy(Path.Combine(RepositoryPaths.Catalog2017, CatalogCorrections.FileName), Path.Combine(fresh.Path, CatalogCorrections.FileName));
        File.Copy(Path.Combine(RepositoryPaths.Catalog2017, ConsistencyFiles.FileName), Path.Combine(fresh.Path, ConsistencyFiles.FileName));
        CatalogImporter.Import(ImportedPlan.Published2017.Path, fresh.Path);

        var expected = Relative(fresh.Path);
        var committed = Relative(RepositoryPaths.Catalog2017);
        Assert.True(expected.SequenceEqual(committed), $"config/plan/2017 has other files than a fresh import; re-run catalog import. Missing: {string.Join(", ", expected.Except(committed))}; extra: {string.Join(", ", committed.Except(expected))}");
        foreach (var file in expected)
        {
            var same = File.ReadAllBytes(Path.Combine(fresh.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepositoryPaths.Catalog2017, file)));
            Assert.True(same, $"config/plan/2017/{file} differs from a fresh import of the plan text; re-run catalog import (and review the diff) instead of editing the file by hand.");
        }
    }

    [Theory]
    [InlineData(false, 2019, 9, 18, "Jobcenter-20.1")]
    [InlineData(true, 2017, 48, 88, "Jobcenter-2.1")]
    public void The_imported_catalog_loads_and_passes_validation(bool published, int year, int measures, int indicators, string atMost)
    {
        using var dir = new TempDirectory();
        CatalogImporter.Import((published ? ImportedPlan.Published2017 : ImportedPlan.Excerpt2019).Path, dir.Path);

        var catalog = CatalogFiles.Read(dir.Path);

        Assert.Equal((year, measures, indicators), (catalog.Year, catalog.Measures.Count, catalog.Indicators.Count()));
        Assert.Equal(Bielefeld.Etl.Catalog.Comparator.AtMost, Assert.Single(catalog.FindIndicator(atMost)!.Targets).Comparator);
    }

    [Fact]
    public void The_committed_2017_catalog_loads_and_passes_validation()
    {
        var catalog = CatalogFiles.Read(RepositoryPaths.Catalog2017);

        Assert.Equal(48, catalog.Measures.Count);
    }

    [Fact]
    public void Import_removes_measure_files_the_plan_does_not_have()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(dir.Path, "massnahmen"));
        File.WriteAllText(Path.Combine(dir.Path, "massnahmen", "REGE-99.yml"), "code: REGE-99\n");

        CatalogImporter.Import(ImportedPlan.Excerpt2019.Path, dir.Path);

        Assert.False(File.Exists(Path.Combine(dir.Path, "massnahmen", "REGE-99.yml")));
    }

    [Fact]
    public void Import_returns_the_findings_for_the_reviewer()
    {
        using var dir = new TempDirectory();

        var findings = CatalogImporter.Import(ImportedPlan.Excerpt2019.Path, dir.Path);

        Assert.Equal(ImportedPlan.Excerpt2019.Import.Findings, findings);
        Assert.Equal(12, findings.Count);
    }

    [Fact]
    public void Import_of_the_2017_plan_returns_its_28_findings()
    {
        using var dir = new TempDirectory();

        var findings = CatalogImporter.Import(ImportedPlan.Published2017.Path, dir.Path);

        Assert.Equal(ImportedPlan.Published2017.Import.Findings, findings);
        Assert.Equal(28, findings.Count);
    }

    private static List<string> Relative(string root) =>
        Directory.GetFiles(root, "*.yml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
}
