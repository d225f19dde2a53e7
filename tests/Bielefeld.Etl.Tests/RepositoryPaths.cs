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

    /// <summary>The shared folder beside the repository (design, contracts, the plan document).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>The text export of the published 2017 plan.</summary>
    public static string PlanText2017 => Path.Combine(Shared, "plan", "ziele-und-massnahmen-2017.txt");

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
