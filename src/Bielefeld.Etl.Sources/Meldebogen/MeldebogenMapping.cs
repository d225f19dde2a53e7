using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;

namespace Bielefeld.Etl.Sources.Meldebogen;

/// <summary>The <c>meldebogen:</c> section checked against the catalog.</summary>
public sealed class MeldebogenMapping
{
    private readonly HashSet<string> _systemFed;

    private MeldebogenMapping(MeldebogenOptions options)
    {
        Options = options;
        _systemFed = options.Systemquellen.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The section as read.</summary>
    public MeldebogenOptions Options { get; }

    /// <summary>Checks every indicator code the section names against the plan.</summary>
    /// <exception cref="PipelineDefinitionException">A code is not in the plan.</exception>
    public static MeldebogenMapping Build(MeldebogenOptions options, PlanCatalog catalog, string file)
    {
        var unknown = options.Systemquellen.Where(c => catalog.FindIndicator(c) is null).ToList();
        return unknown.Count == 0
            ? new MeldebogenMapping(options)
            : throw new PipelineDefinitionException(
                $"{file}: systemquellen nennt Indikatoren, die der Plan {catalog.Year} nicht kennt: {string.Join(", ", unknown)}.");
    }

    /// <summary>The mapping of a pipeline definition's <c>meldebogen:</c> section.</summary>
    public static MeldebogenMapping Read(PipelineDefinition pipeline, PlanCatalog catalog) =>
        Build(pipeline.ReadSection<MeldebogenOptions>("meldebogen"), catalog, pipeline.FilePath);

    /// <summary>The mapping when no Meldebogen pipeline is configured: every indicator may be reported.</summary>
    public static MeldebogenMapping Default { get; } = new(new MeldebogenOptions());

    /// <summary>Whether a system extract delivers the indicator.</summary>
    public bool IsSystemFed(string indicatorCode) => _systemFed.Contains(indicatorCode);
}
