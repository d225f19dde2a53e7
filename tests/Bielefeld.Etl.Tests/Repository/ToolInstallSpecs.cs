namespace Bielefeld.Etl.Tests.Repository;

/// <summary>
/// Installing as .NET users expect (README, "Installing"): the CLI packs as the dotnet tool <c>bielefeld-etl</c>, carries
/// its pipelines and configuration, and runs the samples from an empty folder on the SQLite default.
/// </summary>
public sealed class ToolInstallSpecs
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task The_packed_tool_installs_into_a_tool_path_and_loads_the_samples_from_an_empty_folder()
    {
        using var temp = new TemporaryDirectory();
        var timeout = TimeSpan.FromMinutes(5);
        // Packs what the test run has built; the nuspec and publish folder go to the temporary folder too.
        var (packExit, packOutput) = await ExternalProcess.RunAsync(
            "dotnet", RepositoryPaths.Root, timeout, null,
            "pack", Path.Combine("src", "Bielefeld.Etl.Cli"), "--no-build", "-c", Configuration, "-o", temp.Folder("nupkg"),
            $"-p:NuspecOutputPath={temp.Folder("nuspec")}/", $"-p:PublishDir={temp.Folder("publish")}/", "-v", "q", "-nologo");
        Assert.True(packExit == 0, packOutput);

        // A packages folder of its own, so that no earlier package of the same version is taken from the user's cache.
        var nuget = new Dictionary<string, string> { ["NUGET_PACKAGES"] = temp.Folder("packages") };
        var tools = temp.Folder("tools");
        var (installExit, installOutput) = await ExternalProcess.RunAsync(
            "dotnet", temp.Path, timeout, nuget,
            "tool", "install", "Bielefeld.Etl.Cli", "--tool-path", tools, "--add-source", Path.Combine(temp.Path, "nupkg"), "--ignore-failed-sources");
        Assert.True(installExit == 0, installOutput);

        var inbox = temp.Folder("eingang");
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleInbox, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(inbox, Path.GetRelativePath(RepositoryPaths.SampleInbox, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var empty = temp.Folder("leer");
        var (exit, output) = await ExternalProcess.RunAsync(Path.Combine(tools, "bielefeld-etl"), empty, timeout, null, "run", "--all", "--inbox", inbox);

        Assert.True(exit == 0, output);
        SampleRun.AssertLoaded(output, Path.Combine(empty, "data", "warehouse.db"));
        Assert.Equal(["data", "reports"], Directory.GetDirectories(empty).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
