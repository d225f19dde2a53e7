using System.Text.RegularExpressions;
using System.Xml.Linq;
using Bielefeld.Etl.Warehouse.Plugins;

namespace Bielefeld.Etl.Tests.Repository;

/// <summary>
/// Providers are plug-ins: hosting, reporting and the command line know a provider only through
/// <see cref="ProviderPlugins"/>. Adding a provider is a new project (Bielefeld.Etl.Warehouse.&lt;Provider&gt;, its
/// plug-in registered in one file) plus its sql/&lt;provider&gt;/ folder, and no edit in these three.
/// </summary>
public sealed partial class ProviderNeutralitySpecs
{
    private static readonly string[] Neutral = ["Bielefeld.Etl.Hosting", "Bielefeld.Etl.Reporting", "Bielefeld.Etl.Cli"];

    private static string Src => Path.Combine(RepositoryPaths.Root, "src");

    private static string[] ProviderProjects =>
        [.. Directory.GetDirectories(Src).Select(d => Path.GetFileName(d)).Where(IsProviderProject).Order(StringComparer.Ordinal)];

    // Not Directory's own pattern: on .NET "Prefix.*" also matches "Prefix" itself, the shared warehouse project.
    private static bool IsProviderProject(string name) =>
        name.StartsWith(ProviderPlugins.AssemblyPrefix, StringComparison.Ordinal) && name.Length > ProviderPlugins.AssemblyPrefix.Length;

    private static IEnumerable<string> Packages(string project) =>
        XDocument.Load(Path.Combine(Src, project, project + ".csproj")).Descendants("PackageReference").Select(r => (string)r.Attribute("Include")!);

    // The packages only provider projects use: their drivers, migrators and job storages.
    private static HashSet<string> ProviderPackages =>
        [.. ProviderProjects.SelectMany(Packages).Except(Packages("Bielefeld.Etl.Warehouse"), StringComparer.OrdinalIgnoreCase)];

    // A provider is named by its registered name, its project's own part (Postgres) or a package only it uses.
    private static string[] ProviderWords =>
        [.. ProviderPlugins.All.Select(p => p.Name), .. ProviderProjects.Select(p => p[ProviderPlugins.AssemblyPrefix.Length..]), .. ProviderPackages];

    [Fact]
    public void The_provider_words_cover_every_provider_project_and_its_packages()
    {
        Assert.Equal(["Bielefeld.Etl.Warehouse.Postgres", "Bielefeld.Etl.Warehouse.SqlServer", "Bielefeld.Etl.Warehouse.Sqlite"], ProviderProjects);
        Assert.Superset(new HashSet<string>(["Npgsql", "Hangfire.PostgreSql", "Hangfire.SqlServer", "Hangfire.InMemory", "Microsoft.Data.Sqlite", "Microsoft.Data.SqlClient"]), ProviderPackages);
    }

    [Fact]
    public void Hosting_reporting_and_the_command_line_name_no_provider_in_their_sources()
    {
        var offenders =
            from project in Neutral
            from file in Directory.EnumerateFiles(Path.Combine(Src, project), "*", SearchOption.AllDirectories)
            where !IsBuildOutput(file) && Path.GetExtension(file) is ".cs" or ".razor" or ".json"
            // Spaces removed, so that "SQL Server" in a comment counts as sqlserver.
            let text = Whitespace().Replace(File.ReadAllText(file), "")
            from word in ProviderWords
            where text.Contains(word, StringComparison.OrdinalIgnoreCase)
            select $"{Path.GetRelativePath(RepositoryPaths.Root, file)}: {word}";

        Assert.Empty(offenders);
    }

    [Fact]
    public void Their_project_files_reference_no_provider_package_and_no_provider_project_by_name()
    {
        var offenders =
            from project in Neutral
            let document = XDocument.Load(Path.Combine(Src, project, project + ".csproj"))
            from reference in document.Descendants("PackageReference").Concat(document.Descendants("ProjectReference"))
            let include = (string)reference.Attribute("Include")!
            where ProviderPackages.Contains(include) || ProviderProjects.Any(p => include.Contains(p, StringComparison.OrdinalIgnoreCase))
            select $"{project}: {include}";

        Assert.Empty(offenders);
    }

    [Fact]
    public void Each_provider_project_registers_its_plugin_in_one_file_and_has_its_sql_folder()
    {
        foreach (var project in ProviderProjects)
        {
            var registrations = Directory.EnumerateFiles(Path.Combine(Src, project), "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f) && File.ReadAllText(f).Contains("[assembly: RegisterProvider(", StringComparison.Ordinal));
            Assert.Single(registrations);

            var plugin = Assert.Single(ProviderPlugins.All, p => p.GetType().Assembly.GetName().Name == project);
            Assert.NotEmpty(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "sql", plugin.Name), "*.sql"));
        }
    }

    private static bool IsBuildOutput(string path) =>
        path.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
