using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>Reads the pipeline definitions in <c>pipelines/</c> and checks what every one of them must have.</summary>
public static partial class PipelineFiles
{
    // The keys every pipeline file may have whatever its reader; the reader's own section comes on top.
    internal static readonly string[] HeaderKeys =
        [.. typeof(PipelineHeader).GetProperties().Select(p => UnderscoredNamingConvention.Instance.Apply(p.Name))];

    /// <summary>Reads every <c>*.yml</c> in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="PipelineDefinitionException">A file is malformed or names an unsafe identifier.</exception>
    public static IReadOnlyList<PipelineDefinition> ReadAll(string directory)
    {
        var definitions = List(directory).Select(Read).ToList();
        RefuseDuplicates(definitions);
        return definitions;
    }

    /// <summary>The pipeline files in <paramref name="directory"/>, in name order.</summary>
    /// <exception cref="PipelineDefinitionException">The folder does not exist.</exception>
    public static IReadOnlyList<string> List(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, "*.yml").Order(StringComparer.Ordinal).ToList()
            : throw new PipelineDefinitionException($"Der Ordner der Pipeline-Definitionen '{directory}' existiert nicht.");

    /// <summary>Refuses two files that define the same pipeline.</summary>
    /// <exception cref="PipelineDefinitionException">A name is defined twice.</exception>
    public static void RefuseDuplicates(IEnumerable<PipelineDefinition> definitions)
    {
        if (definitions.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new PipelineDefinitionException($"Die Pipeline '{duplicate.Key}' ist mehrfach definiert: {string.Join(", ", duplicate.Select(d => d.FilePath))}.");
        }
    }

    /// <summary>Reads one pipeline file.</summary>
    public static PipelineDefinition Read(string path)
    {
        var document = PipelineDocument.Parse(path, File.ReadAllText(path, Encoding.UTF8));
        var header = document.Read<PipelineHeader>(HeaderKeys) ?? new PipelineHeader();

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

        return new PipelineDefinition(path, document, header);
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
