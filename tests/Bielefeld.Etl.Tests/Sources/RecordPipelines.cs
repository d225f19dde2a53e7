using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources;

/// <summary>The shipped pipeline definitions of the CSV record sources (REKOM, Prosoz, Einwohnermeldeamt), as the product reads them.</summary>
public static class RecordPipelines
{
    public static PipelineDefinition Definition(string name) => PipelineFiles.Read(Path.Combine(RepositoryPaths.Pipelines, name + ".yml"));

    public static IExtractReader Reader(string name) => SourceReaders.Create(Definition(name), new SourceContext(KafPipeline.Catalog, KafPipeline.Areas));

    public static string Sample(string inbox, string name) => Path.Combine(RepositoryPaths.SampleInbox, inbox, name);

    /// <summary>Reads a file completely, rows first, then totals, as the warehouse does.</summary>
    public static (List<SourceRow> Rows, List<Observation> Totals, DeliveryScope Scope) ReadAll(IExtractReader reader, string path)
    {
        using var reading = reader.Open(path);
        var rows = reading.Rows.ToList();
        return (rows, reading.Totals.ToList(), reading.Scope);
    }

    /// <summary>Rewrites a sample in another dialect: UTF-8 with or without byte order mark, another separator, renamed headers, an extra column.</summary>
    public static string Redeliver(string source, string target, string separator = ";", bool bom = true,
        IReadOnlyDictionary<string, string>? renamed = null, string? extraColumn = null)
    {
        var lines = File.ReadAllLines(source, Bielefeld.Etl.Sources.Csv.ExtractEncoding.Detect(source)).ToList();
        var header = lines[0].Split(';').Select(h => renamed?.GetValueOrDefault(h) ?? h).ToList();
        var rewritten = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var fields = i == 0 ? header : lines[i].Split(';').ToList();
            if (extraColumn is not null)
            {
                fields.Add(i == 0 ? extraColumn : (fields.All(f => f.Length == 0) ? "" : "Hinweis ä"));
            }

            rewritten.Add(string.Join(separator, fields));
        }

        File.WriteAllText(target, string.Join("\n", rewritten) + "\n", new System.Text.UTF8Encoding(bom));
        return target;
    }
}
