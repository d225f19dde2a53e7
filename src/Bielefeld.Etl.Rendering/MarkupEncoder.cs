using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Bielefeld.Etl.Rendering;

/// <summary>
/// The encoder every text and attribute value of a page goes through: <c>&amp; &lt; &gt; " '</c> become entities
/// (<c>&amp;amp; &amp;lt; &amp;gt; &amp;quot; &amp;#39;</c>), everything else is written as it is. The default HTML encoder
/// would also turn every umlaut and <c>+</c> into a numeric entity; the pages are UTF-8 (declared in the document and
/// the HTTP header), so that only makes them harder to read and to search (<c>12 = 2 + 1 + 9</c>).
/// </summary>
internal sealed class MarkupEncoder : HtmlEncoder
{
    private static readonly SearchValues<char> Encoded = SearchValues.Create("&<>\"'");

    public static MarkupEncoder Instance { get; } = new();

    private MarkupEncoder()
    {
    }

    public override int MaxOutputCharactersPerInputCharacter => "&quot;".Length;

    public override bool WillEncode(int unicodeScalar) => Entity(unicodeScalar) is not null;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) => new ReadOnlySpan<char>(text, textLength).IndexOfAny(Encoded);

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        // Called for the five entities; any other scalar (the encoder's replacement character) is written as it is.
        var text = Entity(unicodeScalar) ?? (Rune.TryCreate(unicodeScalar, out var rune) ? rune.ToString() : "");
        numberOfCharactersWritten = text.AsSpan().TryCopyTo(new Span<char>(buffer, bufferLength)) ? text.Length : 0;
        return numberOfCharactersWritten > 0;
    }

    private static string? Entity(int unicodeScalar) => unicodeScalar switch
    {
        '&' => "&amp;",
        '<' => "&lt;",
        '>' => "&gt;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    };
}
