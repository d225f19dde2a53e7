using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

/// <summary>The shipped BA-Statistik pipeline definition and its samples, as the product reads them.</summary>
public static class BaPipeline
{
    public const string Inbox = "ba-statistik";

    public static PipelineDefinition Definition { get; } = PipelineFiles.Read(Path.Combine(RepositoryPaths.Pipelines, "ba-statistik.yml"));

    public static IExtractReader Reader { get; } = SourceReaders.Create(Definition, new SourceContext(KafPipeline.Catalog, KafPipeline.Areas));

    public static string Sample(string name) => Path.Combine(RepositoryPaths.SampleInbox, Inbox, name);

    /// <summary>A reader for a pipeline file with another <c>ba:</c> section, written to <paramref name="folder"/>.</summary>
    public static IExtractReader ReaderFor(string folder, string baSection)
    {
        var path = Path.Combine(folder, "ba-test.yml");
        File.WriteAllText(path, "name: ba-test\nsource: BA\nreader: ba-statistik\ninbox: ba\nfiles: \"BA_*\"\n\nba:\n" + baSection);
        return SourceReaders.Create(PipelineFiles.Read(path), new SourceContext(KafPipeline.Catalog, KafPipeline.Areas));
    }

    public static (List<SourceRow> Rows, DeliveryScopeView Scope) ReadAll(IExtractReader reader, string path)
    {
        using var reading = reader.Open(path);
        return (reading.Rows.ToList(), new DeliveryScopeView(reading.Scope.FirstMonth, reading.Scope.LastMonth, reading.Scope.Mode, reading.Sheet));
    }

    public sealed record DeliveryScopeView(DateOnly First, DateOnly Last, Observations.SupersedeMode Mode, string? Sheet);
}
