using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.BaStatistik;
using Bielefeld.Etl.Sources.Kaf;

namespace Bielefeld.Etl.Sources;

/// <summary>The readers a pipeline file may name. A new source format is a new folder and one line here.</summary>
public static class SourceReaders
{
    /// <summary>Creates the reader a pipeline names, validating its mapping against the plan catalog.</summary>
    /// <exception cref="PipelineDefinitionException">The reader is unknown or its mapping refers to something unknown.</exception>
    public static IExtractReader Create(PipelineDefinition pipeline, SourceContext context) => pipeline.Reader switch
    {
        KafWorkbookReader.Name => KafWorkbookReader.Create(pipeline, context),
        BaStatistikReader.Name => BaStatistikReader.Create(pipeline, context),
        _ => throw new PipelineDefinitionException(
            $"{pipeline.FilePath}: unbekannter Reader '{pipeline.Reader}' (bekannt: {KafWorkbookReader.Name}, {BaStatistikReader.Name})."),
    };
}
