namespace Bielefeld.Etl.Tests;

/// <summary>Where the repository and the shared plan files are, found from the test binaries upwards.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the first directory upwards that holds <c>Bielefeld.Etl.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The text export of the published 2017 plan (beside the repository, in <c>../shared/plan/</c>).</summary>
    public static string PlanText2017 => Path.GetFullPath(Path.Combine(Root, "..", "shared", "plan", "ziele-und-massnahmen-2017.txt"));

    /// <summary>The committed 2017 catalog.</summary>
    public static string Catalog2017 => Path.Combine(Root, "config", "plan", "2017");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bielefeld.Etl.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Bielefeld.Etl.sln not found above {AppContext.BaseDirectory}.");
    }
}
