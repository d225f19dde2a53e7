using System.Reflection;

namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>
/// The registered providers: every assembly named <c>Bielefeld.Etl.Warehouse.&lt;Provider&gt;</c> beside the program
/// (the command line references each such project by a wildcard) or already loaded, and the plug-ins it registers with
/// <see cref="RegisterProviderAttribute"/>. Found once per process.
/// </summary>
public static class ProviderPlugins
{
    /// <summary>The start of a provider assembly's name.</summary>
    public const string AssemblyPrefix = "Bielefeld.Etl.Warehouse.";

    private static readonly Lazy<IReadOnlyList<ProviderPlugin>> s_all = new(() => Discover(AppContext.BaseDirectory));

    /// <summary>The registered providers, the default first, then by name.</summary>
    /// <exception cref="InvalidOperationException">Two plug-ins claim one name.</exception>
    public static IReadOnlyList<ProviderPlugin> All => s_all.Value;

    /// <summary>The provider used when configuration names none.</summary>
    /// <exception cref="InvalidOperationException">No plug-in, or more than one, says it is the default.</exception>
    public static ProviderPlugin Default => All.Where(p => p.IsDefault).ToList() is [var single]
        ? single
        : throw new InvalidOperationException(
            $"Genau ein Warehouse-Provider muss der Standard sein; es sind: {string.Join(", ", All.Where(p => p.IsDefault).Select(p => p.Name).DefaultIfEmpty("keiner"))}.");

    /// <summary>The provider configuration calls <paramref name="name"/> (any case).</summary>
    /// <exception cref="InvalidOperationException">No provider has that name; the message lists the known ones.</exception>
    public static ProviderPlugin Find(string name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"Unbekannter Warehouse-Provider '{name}' (bekannt: {string.Join(", ", All.Select(p => p.Name))}).");

    /// <summary>The plug-ins registered by the provider assemblies in <paramref name="folder"/> and those already loaded.</summary>
    /// <exception cref="InvalidOperationException">Two plug-ins claim one name.</exception>
    public static IReadOnlyList<ProviderPlugin> Discover(string folder)
    {
        // Loaded by name, not by path: the program's dependency list resolves the assembly and the packages it needs.
        var beside = Directory.EnumerateFiles(folder, "*.dll")
            .Where(path => IsProviderAssembly(Path.GetFileNameWithoutExtension(path)))
            .Select(path => Assembly.Load(AssemblyName.GetAssemblyName(path)));
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => IsProviderAssembly(a.GetName().Name));
        var plugins = beside.Concat(loaded)
            .DistinctBy(a => a.FullName)
            .SelectMany(a => a.GetCustomAttributes<RegisterProviderAttribute>())
            .Select(r => r.Plugin)
            .Distinct()
            .Select(type => (ProviderPlugin)Activator.CreateInstance(type)!)
            .OrderBy(p => !p.IsDefault).ThenBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        if (plugins.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new InvalidOperationException(
                $"Der Warehouse-Provider '{twice.Key}' ist mehrfach registriert ({string.Join(", ", twice.Select(p => p.GetType().Assembly.GetName().Name))}).");
        }

        return plugins;
    }

    // Bielefeld.Etl.Warehouse.<Provider>, not the shared Bielefeld.Etl.Warehouse itself.
    private static bool IsProviderAssembly(string? name) =>
        name is not null && name.StartsWith(AssemblyPrefix, StringComparison.Ordinal) && name.Length > AssemblyPrefix.Length;
}
