using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions;

/// <summary>
/// Turns YamlDotNet's exceptions into one German sentence that names the file, line and column
/// (<c>pipelines/kaf.yml:9:1: unbekannter Schlüssel 'schedul'</c>), so an operator finds the spot in an editor
/// without reading English parser jargon.
/// </summary>
public static partial class YamlProblem
{
    // YamlDotNet's scanner and parser messages, the ones a hand-edited file produces, in German with a hint.
    private static readonly (string English, string German)[] Syntax =
    [
        ("found invalid mapping", "ein ':' mitten in einem Wert; den Wert in Anführungszeichen setzen"),
        ("Mapping values are not allowed in this context", "ein ':' an einer Stelle, an der kein Schlüssel stehen kann; Einrückung prüfen oder den Wert in Anführungszeichen setzen"),
        ("did not find expected key", "hier wird ein Schlüssel erwartet; Einrückung prüfen"),
        ("did not find expected '-' indicator", "hier wird ein Listeneintrag ('- …') erwartet; Einrückung prüfen"),
        ("found character that cannot start any token", "ein Zeichen, mit dem nichts beginnen kann (ein Tabulator? YAML rückt nur mit Leerzeichen ein)"),
        ("found unexpected end of stream", "die Datei endet mitten in einem Wert (fehlt ein schließendes Anführungszeichen oder eine Klammer?)"),
        ("did not find expected ',' or ']'", "hier wird ',' oder ']' erwartet"),
        ("did not find expected ',' or '}'", "hier wird ',' oder '}' erwartet"),
        ("did not find expected <document start>", "hier wird ein neuer Abschnitt erwartet; Einrückung prüfen"),
        ("did not find expected node content", "hier fehlt ein Wert"),
        ("could not find expected ':'", "hier fehlt das ':' nach dem Schlüssel"),
        ("Encountered duplicate key", "der Schlüssel steht doppelt"),
        ("Duplicate key", "der Schlüssel steht doppelt"),
    ];

    /// <summary>The sentence for <paramref name="exception"/> raised while reading <paramref name="path"/>.</summary>
    public static string Describe(string path, YamlException exception) =>
        $"{At(path, exception.Start)}: {Explain(exception)}";

    /// <summary><c>file:line:column</c> of <paramref name="mark"/>; just the file when YamlDotNet gave no position.</summary>
    public static string At(string path, Mark mark) =>
        mark.Line > 0 && !mark.Equals(Mark.Empty) ? $"{path}:{mark.Line}:{mark.Column}" : path;

    private static string Explain(YamlException exception)
    {
        var message = exception.Message;
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return UnknownKey(unknown.Groups["key"].Value, KeysOf(unknown.Groups["type"].Value));
        }

        if (Expected().Match(message) is { Success: true } expected)
        {
            return $"hier wird {Shape(expected.Groups["expected"].Value)} erwartet, gefunden: {Shape(expected.Groups["found"].Value)}";
        }

        if (exception.InnerException is { } inner && message.StartsWith("Exception during deserialization", StringComparison.Ordinal))
        {
            return inner is YamlException nested
                ? Explain(nested)
                : $"der Wert hat nicht das erwartete Format ({inner.Message})";
        }

        foreach (var (english, german) in Syntax)
        {
            if (message.Contains(english, StringComparison.Ordinal))
            {
                return german;
            }
        }

        return $"kein gültiges YAML ({message})";
    }

    /// <summary>The sentence for a key the file's format does not have, with the keys it does have.</summary>
    public static string UnknownKey(string key, IEnumerable<string> known) =>
        known.Any()
            ? $"unbekannter Schlüssel '{key}' (erlaubt: {string.Join(", ", known)})"
            : $"unbekannter Schlüssel '{key}'";

    // The keys of the document class YamlDotNet named, as they are spelt in the file.
    private static IEnumerable<string> KeysOf(string typeName) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName, throwOnError: false)).FirstOrDefault(t => t is not null) is { } type
            ? type.GetProperties().Where(p => p.CanWrite).Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))
            : [];

    private static string Shape(string yamlEvent) => yamlEvent switch
    {
        "MappingStart" => "ein Abschnitt mit Schlüsseln ('name: wert')",
        "SequenceStart" => "eine Liste ('- wert')",
        "Scalar" => "ein einzelner Wert",
        "MappingEnd" or "SequenceEnd" => "das Ende des Abschnitts",
        _ => yamlEvent,
    };

    [GeneratedRegex(@"^Property '(?<key>[^']*)' not found on type '(?<type>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex(@"Expected '(?<expected>\w+)', got '(?<found>\w+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Expected();
}
