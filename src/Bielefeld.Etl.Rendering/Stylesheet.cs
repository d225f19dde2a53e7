using Microsoft.AspNetCore.Components;

namespace Bielefeld.Etl.Rendering;

/// <summary>The one stylesheet of every page (<c>Bielefeld.css</c>, embedded), written inline so a page needs nothing fetched.</summary>
internal static class Stylesheet
{
    public static MarkupString Inline { get; } = new(Read());

    private static string Read()
    {
        using var stream = typeof(Stylesheet).Assembly.GetManifestResourceStream("Bielefeld.css")
            ?? throw new InvalidOperationException("Bielefeld.css fehlt in der Assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
