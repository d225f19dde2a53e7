namespace Bielefeld.Etl.Tests;

/// <summary>Where the repository's own files are, found from the test binaries upwards.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root (the folder holding Bielefeld.Etl.sln).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The shipped sample inbox.</summary>
    public static string SampleInbox => Path.Combine(Root, "samples", "inbox");

    /// <summary>The pipeline definitions.</summary>
    public static string Pipelines => Path.Combine(Root, "pipelines");

    /// <summary>The 2017 plan catalog.</summary>
    public static string Catalog2017 => Path.Combine(Root, "config", "plan", "2017");

    /// <summary>The area hierarchy.</summary>
    public static string Areas => Path.Combine(Root, "config", "bereiche.yml");

    /// <summary>The plan-like excerpt written for the importer's specifications (not the published plan: see <see cref="SharedData"/>).</summary>
    public static string PlanExcerpt2019 => Path.Combine(Root, "tests", "Bielefeld.Etl.Tests", "Catalog", "Plans", "ziele-und-massnahmen-2019-auszug.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bielefeld.Etl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bielefeld.Etl.sln not found above " + AppContext.BaseDirectory);
    }
}
