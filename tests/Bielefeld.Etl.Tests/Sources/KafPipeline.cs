using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources;

/// <summary>The shipped KAF pipeline definition and 2017 catalog, as the product reads them.</summary>
public static class KafPipeline
{
    public static PlanCatalog Catalog { get; } = CatalogFiles.Read(RepositoryPaths.Catalog2017);

    public static PipelineDefinition Definition { get; } = PipelineFiles.Read(Path.Combine(RepositoryPaths.Pipelines, "kaf.yml"));

    public static AreaCatalog Areas { get; } = AreaFiles.Read(RepositoryPaths.Areas);

    public static IExtractReader Reader { get; } = SourceReaders.Create(Definition, new SourceContext(Catalog, Areas));

    public static string Sample(string name) => Path.Combine(RepositoryPaths.SampleInbox, "kaf", name);
}
