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
    /// parameters (<c>new { Rows = rows, Title = title }</c>), or a dictionary's entries by parameter name; a name or type
    /// the component does not have throws.
    /// </summary>
    public static string Render<TComponent>(object parameters)
        where TComponent : IComponent
    {
        var view = ParameterView.FromDictionary(parameters as IDictionary<string, object?> ?? ParametersOf(parameters));
        using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return renderer.Dispatcher.InvokeAsync(() =>
        {
            var root = renderer.BeginRenderingComponent<TComponent>(view);
            return root.QuiescenceTask.IsCompletedSuccessfully
                ? root.ToHtmlString()
                : throw new InvalidOperationException($"{typeof(TComponent).Name} wartet beim Rendern; eine Seite bekommt ihre Daten fertig übergeben.");
        }).GetAwaiter().GetResult();
    }

    /// <summary>The properties of <paramref name="parameters"/> by name, for a caller that adds one of its own.</summary>
    public static Dictionary<string, object?> ParametersOf(object parameters) =>
        parameters.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(parameters));
}
