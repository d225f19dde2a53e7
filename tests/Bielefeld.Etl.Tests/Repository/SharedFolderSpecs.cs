using System.Text.RegularExpressions;

namespace Bielefeld.Etl.Tests.Repository;

/// <summary>
/// The shared folder beside a developer's clone is not part of the product: only the tests read it, and only through
/// <see cref="SharedData"/> (one configured location), so that a fresh clone with nothing beside it stays green.
/// </summary>
public sealed partial class SharedFolderSpecs
{
    [Fact]
    public void No_test_reaches_the_shared_folder_except_through_the_configured_location()
    {
        var tests = Path.Combine(RepositoryPaths.Root, "tests");
        var offenders = Directory.EnumerateFiles(tests, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(f) && Path.GetFileName(f) != nameof(SharedData) + ".cs")
            .Where(f => SharedPath().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .ToList();

        Assert.True(offenders.Count == 0, "Reaches the shared folder without SharedData: " + string.Join(", ", offenders));
        Assert.True(File.Exists(Path.Combine(tests, "Bielefeld.Etl.Tests", nameof(SharedData) + ".cs")));
    }

    [Fact]
    public async Task Nothing_outside_tests_and_ci_refers_to_the_shared_folder()
    {
        GitWorkTree.Require();
        var (exit, output) = await ExternalProcess.RunAsync(
            "git", RepositoryPaths.Root, TimeSpan.FromMinutes(1), null,
            "grep", "-n", "-E", @"\.\./shared|shared/(plan|contracts|real-data)", "--", ".", ":!.ci/", ":!tests/");

        // git grep: 1 = no match, 0 = matches (listed), anything else = not a git work tree or no git.
        Assert.True(exit == 1, exit == 0 ? "Refers to the shared folder:\n" + output : "git grep failed: " + output);
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    // The shared folder as a relative path, or as its two path segments joined in code (Path.Combine).
    [GeneratedRegex(@"\.\./shared|""\.\.""\s*,\s*""shared""")]
    private static partial Regex SharedPath();
}
