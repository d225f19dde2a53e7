namespace Bielefeld.Etl.Tests.Repository;

/// <summary>
/// The front door: a fresh clone with nothing beside it runs the README's main command and stays clean. The test
/// command itself cannot run inside a test (it would recurse); <see cref="SharedFolderSpecs"/> checks instead that no
/// test reaches outside the clone except through the configured location.
/// </summary>
public sealed class FreshCloneSpecs
{
    [Fact]
    public async Task The_main_command_runs_in_a_fresh_clone_with_nothing_beside_it_and_leaves_git_status_clean()
    {
        GitWorkTree.Require();
        using var temp = new TemporaryDirectory();
        var clone = Path.Combine(temp.Path, "bielefeld-etl");
        var timeout = TimeSpan.FromMinutes(3);
        var (cloneExit, cloneOutput) = await ExternalProcess.RunAsync("git", temp.Path, timeout, null, "clone", "--quiet", RepositoryPaths.Root, clone);
        Assert.True(cloneExit == 0, cloneOutput);

        // run takes a file only once it has been unchanged for 10 s; `dotnet run` on a fresh clone builds for longer than
        // that, the already-built program used here does not, so the clone's files are dated as they would be by then.
        foreach (var sample in Directory.GetFiles(Path.Combine(clone, "samples", "inbox"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(sample, DateTime.UtcNow.AddMinutes(-1));
        }

        // `dotnet run --project src/Bielefeld.Etl.Cli -- run --all --inbox samples/inbox`, with the program the test run
        // has already built instead of a second build inside the clone.
        var (exit, output) = await ExternalProcess.RunAsync(
            "dotnet", clone, timeout, null, Path.Combine(AppContext.BaseDirectory, "bielefeld-etl.dll"), "run", "--all", "--inbox", "samples/inbox");

        Assert.True(exit == 0, output);
        SampleRun.AssertLoaded(output, Path.Combine(clone, "data", "warehouse.db"));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(clone, "reports"), "abgewiesen_*.csv"));
        var (statusExit, status) = await ExternalProcess.RunAsync("git", clone, timeout, null, "status", "--porcelain", "--untracked-files=all");
        Assert.Equal((0, ""), (statusExit, status));
    }
}
