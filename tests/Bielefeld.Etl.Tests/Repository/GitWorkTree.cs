namespace Bielefeld.Etl.Tests.Repository;

/// <summary>The specs that clone or grep the repository need it as a git work tree (CI's fresh clone is one).</summary>
internal static class GitWorkTree
{
    /// <summary>Skips the calling test (fails it when CI=true) where the repository is no git work tree.</summary>
    public static void Require()
    {
        if (Path.Exists(Path.Combine(RepositoryPaths.Root, ".git")))
        {
            return;
        }

        var reason = $"{RepositoryPaths.Root} ist kein git-Arbeitsverzeichnis (kein .git).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }
}
