using System.Text;
using System.Text.RegularExpressions;
using Bielefeld.Etl.Catalog;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions;

/// <summary>
/// Turns YamlDotNet's exceptions into one German sentence that names the file, line and column
/// (<c>pipelines/kaf.yml:9:1: unbekannter Schlüssel 'schedul'</c>), so an operator finds the spot in an editor
/// without reading English parser jargon.
/// </summary>
public static partial class YamlProblem
{
    /// <summary>
    /// The deserializer every configuration file is read with: snake_case keys, and no key ignored. A key the
    /// document class does not have is an error (a typo), which <see cref="Describe"/> turns into a message.
    /// </summary>
    public static readonly IDeserializer Strict = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    // YamlDotNet's scanner and parser messages, the ones a hand-edited file produces, in German with a hint.
    private static readonly (string English, string German)[] Syntax =
    [
        ("found invalid mapping", "ein ':' mitten in einem Wert; den Wert in Anführungszeichen setzen"),
        ("Mapping values are not allowed in this context", "ein ':' an einer Stelle, an der kein Schlüssel stehen kann; Einrückung prüfen oder den Wert in Anführungszeichen setzen"),
        ("invalid tab as indentation", "ein Tabulator als Einrückung; YAML rückt nur mit Leerzeichen ein"),
        ("found wrong indentation", "die Einrückung stimmt nicht (fehlt ein schließendes Anführungszeichen?)"),
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

    /// <summary>
    /// Reads <paramref name="path"/> as a <typeparamref name="T"/> with <see cref="Strict"/>: an empty file is an empty
    /// document, a YAML error a <see cref="CatalogException"/> with the sentence of <see cref="Describe"/>.
    /// </summary>
    public static T Read<T>(string path)
        where T : new()
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        try
        {
            return Strict.Deserialize<T?>(text) ?? new T();
        }
        catch (YamlException ex)
        {
            throw new CatalogException([Describe(path, ex, text)]);
        }
    }

    /// <summary>The sentence for <paramref name="exception"/> raised while reading <paramref name="path"/>.</summary>
    /// <param name="path">The file, as the message shows it.</param>
    /// <param name="exception">What YamlDotNet threw.</param>
    /// <param name="text">The file's text: YamlDotNet reports a tab used for indentation without a position, so it is found here.</param>
    public static string Describe(string path, YamlException exception, string text) =>
        $"{At(path, exception.Start.Equals(Mark.Empty) ? FirstIndentingTab(text) : exception.Start)}: {Explain(exception)}";

    /// <summary><c>file:line:column</c> of <paramref name="mark"/>; just the file when YamlDotNet gave no position.</summary>
    public static string At(string path, Mark mark) =>
        mark.Equals(Mark.Empty) ? path : $"{path}:{mark.Line}:{mark.Column}";

    private static Mark FirstIndentingTab(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            if (lines[i].IndexOf('\t', 0, indent) is var tab and >= 0)
            {
                return new Mark(0, i + 1, tab + 1);
            }
        }

        return Mark.Empty;
    }

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
            return inner switch
            {
                YamlException nested => Explain(nested),
                FormatException or OverflowException when QuotedValue().Match(inner.Message) is { Success: true } value =>
                    $"'{value.Groups["value"].Value}' passt nicht zu diesem Schlüssel (erwartet wird eine Zahl, true/false oder ein Datum)",
                _ => "der Wert passt nicht zu diesem Schlüssel",
            };
        }

        foreach (var (english, german) in Syntax)
        {
            if (message.Contains(english, StringComparison.Ordinal))
            {
                return german;
            }
        }

        if (message.StartsWith("No node deserializer was able to deserialize", StringComparison.Ordinal))
        {
            return "hier wird ein einzelner Wert erwartet, keine Liste und kein Abschnitt";
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

    [GeneratedRegex(@"'(?<value>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"Expected '(?<expected>\w+)', got '(?<found>\w+)'", RegexOptions.CultureInvariant)]
    private static partial Regex Expected();
}
