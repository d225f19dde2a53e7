using Bielefeld.Etl.Catalog;

namespace Bielefeld.Etl.Sources;

/// <summary>
/// A reader whose pipeline declares context series: figures that are no plan indicator but that reports and rates
/// need beside them (residents aged 60+ in Kammerich as the base of 540-11). See <see cref="ContextCatalog"/>.
/// </summary>
public interface IContextSource
{
    /// <summary>The context indicators the pipeline declares (codes <c>Kontext.&lt;name&gt;</c>, informational stocks).</summary>
    IReadOnlyList<Indicator> ContextIndicators { get; }

    /// <summary>
    /// Areas outside Bielefeld's hierarchy that the pipeline declares for its values (the Gemeinde of a comparison
    /// table, its Stadtteile); they join the warehouse's area dimension, never config/bereiche.yml. Empty for most sources.
    /// </summary>
    IReadOnlyList<Area> ContextAreas => [];
}
