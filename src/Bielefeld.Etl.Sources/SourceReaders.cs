using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Sources.BaStatistik;
using Bielefeld.Etl.Sources.Einwohnermeldeamt;
using Bielefeld.Etl.Sources.Kaf;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Sources.Prosoz;
using Bielefeld.Etl.Sources.Rekom;
using Bielefeld.Etl.Sources.Statistiktabelle;

using Bielefeld.Etl.Sources.Limits;

namespace Bielefeld.Etl.Sources;

/// <summary>The readers a pipeline file may name. A new source format is a new folder and one line here.</summary>
public static class SourceReaders
{
    private static readonly Dictionary<string, Func<PipelineDefinition, SourceContext, IExtractReader>> Readers = new(StringComparer.Ordinal)
    {
        [KafWorkbookReader.Name] = KafWorkbookReader.Create,
        [BaStatistikReader.Name] = BaStatistikReader.Create,
        [RekomExportReader.Name] = RekomExportReader.Create,
        [ProsozCaseReader.Name] = ProsozCaseReader.Create,
        [EinwohnermeldeamtCountReader.Name] = EinwohnermeldeamtCountReader.Create,
        [MeldebogenReader.Name] = MeldebogenReader.Create,
        [StatistiktabelleReader.Name] = StatistiktabelleReader.Create,
    };

    /// <summary>
    /// Creates the reader a pipeline names, validating its mapping against the plan catalog, behind the guard that
    /// enforces <see cref="ExtractLimits.Default"/> and refuses corrupt files with a reason (<see cref="GuardedReader"/>).
    /// </summary>
    /// <exception cref="PipelineDefinitionException">The reader is unknown, its mapping refers to something unknown, or the file has a key nothing reads.</exception>
    public static IExtractReader Create(PipelineDefinition pipeline, SourceContext context)
    {
        if (!Readers.TryGetValue(pipeline.Reader, out var create))
        {
            throw new PipelineDefinitionException(
                $"{pipeline.FilePath}: unbekannter Reader '{pipeline.Reader}' (bekannt: {string.Join(", ", Readers.Keys)}).");
        }

        var reader = create(pipeline, context);
        // Only now is it known which section the reader reads; any other key is a typo.
        pipeline.RefuseUnreadKeys();
        return new GuardedReader(reader, ExtractLimits.Default);
    }
}
