namespace Bielefeld.Etl.Warehouse.Plugins;

/// <summary>
/// Registers a provider project's <see cref="ProviderPlugin"/>: <c>[assembly: RegisterProvider(typeof(SqlitePlugin))]</c>,
/// once per provider assembly, in the file that defines the plug-in.
/// </summary>
/// <param name="plugin">A <see cref="ProviderPlugin"/> with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RegisterProviderAttribute(Type plugin) : Attribute
{
    /// <summary>The plug-in type.</summary>
    public Type Plugin { get; } = plugin;
}
