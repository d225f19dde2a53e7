using System.Text.Json;

namespace Bielefeld.Etl.Tests.Repository;

/// <summary>
/// The product and the bench that measures it run the product's code the same way (src/ProductRuntime.props): without
/// dynamic PGO, and precompiled (ReadyToRun) when published for a platform. Read from MSBuild's own evaluation.
/// </summary>
public sealed class ProductRuntimeSpecs
{
    [Theory]
    [InlineData("Bielefeld.Etl.Cli")]
    [InlineData("Bielefeld.Etl.Bench")]
    public async Task Published_for_a_platform_the_code_is_precompiled_and_without_a_platform_it_is_not(string project)
    {
        var forPlatform = await PropertiesAsync(project, "-p:RuntimeIdentifier=linux-x64");
        var withoutPlatform = await PropertiesAsync(project);

        Assert.Equal(("false", "true"), forPlatform);
        Assert.Equal(("false", ""), withoutPlatform);
    }

    private static async Task<(string TieredPgo, string ReadyToRun)> PropertiesAsync(string project, params string[] extra)
    {
        var (exit, output) = await ExternalProcess.RunAsync(
            "dotnet", RepositoryPaths.Root, TimeSpan.FromMinutes(2), null,
            ["msbuild", Path.Combine("src", project, project + ".csproj"), "-getProperty:TieredPGO", "-getProperty:PublishReadyToRun", "-nologo", .. extra]);
        Assert.True(exit == 0, output);
        using var json = JsonDocument.Parse(output);
        var properties = json.RootElement.GetProperty("Properties");
        return (properties.GetProperty("TieredPGO").GetString()!, properties.GetProperty("PublishReadyToRun").GetString()!);
    }
}
