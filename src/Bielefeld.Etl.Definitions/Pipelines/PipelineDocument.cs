using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Bielefeld.Etl.Definitions.Pipelines;

/// <summary>
/// A pipeline file parsed once into YAML events, split by its top-level keys. The header and each reader's section are
/// deserialized from the file's own events, so every message points at the line and column in the file itself, and
/// a top-level key that neither the header nor the reader reads is reported instead of silently ignored.
/// </summary>
internal sealed class PipelineDocument
{
    private readonly string _path;
    private readonly string _text;
    private readonly List<(Scalar Key, List<ParsingEvent> Value)> _entries;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private PipelineDocument(string path, string text, List<(Scalar Key, List<ParsingEvent> Value)> entries)
    {
        _path = path;
        _text = text;
        _entries = entries;
    }

    /// <exception cref="PipelineDefinitionException">The text is not YAML, or not a mapping of keys.</exception>
    public static PipelineDocument Parse(string path, string text)
    {
        var events = new List<ParsingEvent>();
        try
        {
            var parser = new Parser(new StringReader(text));
            while (parser.MoveNext())
            {
                events.Add(parser.Current!);
            }
        }
        catch (YamlException ex)
        {
            throw new PipelineDefinitionException(YamlProblem.Describe(path, ex, text));
        }

        if (events.Count < 3 || events[2] is not MappingStart)
        {
            throw new PipelineDefinitionException($"{path}: eine Pipeline-Datei besteht aus Schlüsseln ('name: kaf', 'reader: …'); diese ist leer oder anders aufgebaut.");
        }

        var entries = new List<(Scalar, List<ParsingEvent>)>();
        var i = 3;
        while (events[i] is not MappingEnd)
        {
            if (events[i] is not Scalar key)
            {
                throw new PipelineDefinitionException($"{YamlProblem.At(path, events[i].Start)}: hier wird ein einfacher Schlüssel erwartet.");
            }

            var start = ++i;
            var depth = 0;
            do
            {
                depth += events[i].NestingIncrease;
                i++;
            }
            while (depth > 0);
            entries.Add((key, events[start..i]));
        }

        return new PipelineDocument(path, text, entries);
    }

    /// <summary>Deserializes the top-level <paramref name="keys"/> into one object; keys absent from the file stay at their defaults.</summary>
    public T? Read<T>(IReadOnlyCollection<string> keys)
    {
        List<ParsingEvent> events = [new StreamStart(), new DocumentStart(), new MappingStart()];
        foreach (var (key, value) in _entries.Where(e => keys.Contains(e.Key.Value)))
        {
            _read.Add(key.Value);
            events.Add(key);
            events.AddRange(value);
        }

        events.AddRange([new MappingEnd(), new DocumentEnd(isImplicit: true), new StreamEnd()]);
        return Deserialize<T>(events);
    }

    /// <summary>Deserializes the value of the top-level <paramref name="key"/>.</summary>
    /// <exception cref="PipelineDefinitionException">The section is missing or malformed.</exception>
    public T ReadSection<T>(string key)
        where T : class, new()
    {
        var entry = _entries.FirstOrDefault(e => e.Key.Value == key);
        if (entry.Key is null)
        {
            throw new PipelineDefinitionException($"{_path}: der Abschnitt '{key}' fehlt.");
        }

        _read.Add(key);
        return Deserialize<T>([new StreamStart(), new DocumentStart(), .. entry.Value, new DocumentEnd(isImplicit: true), new StreamEnd()]) ?? new T();
    }

    /// <summary>Refuses the first top-level key that nothing has read (a typo such as <c>schedul:</c>).</summary>
    /// <exception cref="PipelineDefinitionException">A key was not read.</exception>
    public void RefuseUnreadKeys(IEnumerable<string> alwaysKnown)
    {
        var known = alwaysKnown.Concat(_read).Distinct(StringComparer.Ordinal).ToList();
        if (_entries.FirstOrDefault(e => !known.Contains(e.Key.Value, StringComparer.Ordinal)).Key is { } unknown)
        {
            throw new PipelineDefinitionException($"{YamlProblem.At(_path, unknown.Start)}: {YamlProblem.UnknownKey(unknown.Value, known)}");
        }
    }

    private T? Deserialize<T>(IReadOnlyList<ParsingEvent> events)
    {
        try
        {
            return YamlProblem.Strict.Deserialize<T>(new Replay(events));
        }
        catch (YamlException ex)
        {
            throw new PipelineDefinitionException(YamlProblem.Describe(_path, ex, _text));
        }
    }

    // Plays recorded events back to the deserializer, marks and all.
    private sealed class Replay(IReadOnlyList<ParsingEvent> events) : IParser
    {
        private int _position = -1;

        public ParsingEvent? Current => _position >= 0 && _position < events.Count ? events[_position] : null;

        public bool MoveNext() => ++_position < events.Count;
    }
}
