using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>Reads the pipeline definitions in <c>pipelines/</c> and checks what every one of them must have.</summary>
public static partial class PipelineFiles
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    /// <summary>Reads every <c>*.yml</c> in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="PipelineDefinitionException">A file is malformed or names an unsafe identifier.</exception>
    public static IReadOnlyList<PipelineDefinition> ReadAll(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new PipelineDefinitionException($"Der Ordner der Pipeline-Definitionen '{directory}' existiert nicht.");
        }

        var definitions = Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal).Select(Read).ToList();
        var duplicate = definitions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? definitions
            : throw new PipelineDefinitionException($"Die Pipeline '{duplicate.Key}' ist mehrfach definiert: {string.Join(", ", duplicate.Select(d => d.FilePath))}.");
    }

    /// <summary>Reads one pipeline file.</summary>
    public static PipelineDefinition Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        PipelineHeader header;
        try
        {
            header = Deserializer.Deserialize<PipelineHeader>(text) ?? new PipelineHeader();
        }
        catch (YamlException ex)
        {
            throw new PipelineDefinitionException($"{path}: {ex.Message}");
        }

        Require(path, "name", header.Name, SafeName());
        Require(path, "reader", header.Reader, SafeName());
        Require(path, "inbox", header.Inbox ?? header.Name, SafeName());
        if (string.IsNullOrWhiteSpace(header.Source))
        {
            throw new PipelineDefinitionException($"{path}: 'source' fehlt (der Name des liefernden Systems).");
        }

        if (header.Files is { } pattern && (pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal) || pattern.Contains("..", StringComparison.Ordinal)))
        {
            throw new PipelineDefinitionException($"{path}: 'files' darf nur ein Dateinamensmuster sein, kein Pfad ('{pattern}').");
        }

        if (header.AbweisungMaxAnteil is { } share && !(share >= 0 && share <= 1))
        {
            throw new PipelineDefinitionException(
                $"{path}: 'abweisung_max_anteil' muss ein Anteil zwischen 0 und 1 sein (z. B. 0.2 für 20 %), nicht {share.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }

        return new PipelineDefinition(path, text, header);
    }

    internal static T ReadSection<T>(PipelineDefinition definition, string key)
        where T : class, new()
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(definition.Text));
            if (stream.Documents[0].RootNode is not YamlMappingNode root
                || !root.Children.TryGetValue(new YamlScalarNode(key), out var section))
            {
                throw new PipelineDefinitionException($"{definition.FilePath}: der Abschnitt '{key}' fehlt.");
            }

            var sectionText = new YamlStream(new YamlDocument(section));
            using var writer = new StringWriter();
            sectionText.Save(writer, assignAnchors: false);
            var strict = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            return strict.Deserialize<T>(writer.ToString()) ?? new T();
        }
        catch (YamlException ex)
        {
            throw new PipelineDefinitionException($"{definition.FilePath}, Abschnitt '{key}': {ex.Message}");
        }
    }

    private static void Require(string path, string key, string? value, Regex pattern)
    {
        if (string.IsNullOrWhiteSpace(value) || !pattern.IsMatch(value))
        {
            throw new PipelineDefinitionException(
                $"{path}: '{key}' muss ein einfacher Name aus Kleinbuchstaben, Ziffern, '-' und '_' sein (ist: '{value}').");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
