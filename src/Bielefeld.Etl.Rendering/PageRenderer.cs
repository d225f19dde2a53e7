using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Rendering;

/// <summary>
/// Renders a page component to HTML. A page is a function of its data: everything is read before, so a component
/// never awaits and the page is finished when its first render is; one that would wait is a programming error.
/// </summary>
public static class PageRenderer
{
    private static readonly ServiceProvider Services = new ServiceCollection()
        .AddSingleton<HtmlEncoder>(MarkupEncoder.Instance)
        .BuildServiceProvider();

    /// <summary>
    /// The HTML of <typeparamref name="TComponent"/> with the properties of <paramref name="parameters"/> as its
    /// parameters (<c>new { Rows = rows, Title = title }</c>); a name or type the component does not have throws.
    /// </summary>
    public static string Render<TComponent>(object parameters)
        where TComponent : IComponent =>
        Render<TComponent>(ParametersOf(parameters));

    /// <summary>The properties of <paramref name="parameters"/> by name, for a caller that adds one of its own.</summary>
    public static Dictionary<string, object?> ParametersOf(object parameters) =>
        parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters));

    /// <summary>The HTML of <typeparamref name="TComponent"/> with <paramref name="parameters"/> (by parameter name).</summary>
    public static string Render<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(() =>
        {
            var root = renderer.BeginRenderingComponent<TComponent>(ParameterView.FromDictionary(parameters));
            return root.QuiescenceTask.IsCompletedSuccessfully
                ? root.ToHtmlString()
                : throw new InvalidOperationException($"{typeof(TComponent).Name} wartet beim Rendern; eine Seite bekommt ihre Daten fertig übergeben.");
        }).GetAwaiter().GetResult();
    }
}
