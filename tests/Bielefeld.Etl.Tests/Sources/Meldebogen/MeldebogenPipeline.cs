using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Synthetic.Meldebogen;

namespace Bielefeld.Etl.Tests.Sources.Meldebogen;

/// <summary>The shipped Meldebogen pipeline definition, as the product reads it, with the 2017 catalog.</summary>
public static class MeldebogenPipeline
{
    public static PipelineDefinition Definition { get; } = PipelineFiles.Read(Path.Combine(RepositoryPaths.Pipelines, "meldebogen.yml"));

    public static MeldebogenMapping Mapping { get; } = MeldebogenMapping.Read(Definition, KafPipeline.Catalog);

    public static IExtractReader Reader { get; } = SourceReaders.Create(Definition, new SourceContext(KafPipeline.Catalog, KafPipeline.Areas));

    public static string Sample => Path.Combine(RepositoryPaths.SampleInbox, "meldebogen", MeldebogenSampleSet.FileName);
}
