using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary><c>init</c>: creates or migrates the warehouse and loads the plan catalog into it.</summary>
public sealed class InitCommand : EtlCommand<EtlSettings>
{
    /// <inheritdoc />
    protected override bool NeedsExistingWarehouse => false;

    /// <inheritdoc />
    /// <remarks>The warehouse's catalog includes the context series the pipelines declare: init needs every pipeline file.</remarks>
    protected override IReadOnlyList<BrokenPipeline> BrokenPipelinesNeeded(PipelineRun run, EtlSettings settings) => run.Broken;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, EtlSettings settings, CancellationToken cancellationToken)
    {
        await run.InitialiseAsync(cancellationToken);
        await warehouse.RecomputeAttainmentAsync(run.WarehouseCatalog, null, run.Attainment, cancellationToken);
        AnsiConsole.MarkupLine(
            $"Warehouse bereit ([bold]{warehouse.Name}[/]): Plan {run.Catalog.Year} mit {run.Catalog.Measures.Count} Maßnahmen und {run.Catalog.Indicators.Count()} Indikatoren; Pipelines: {Markup.Escape(string.Join(", ", run.Pipelines.Select(p => p.Name)))}.");
        return 0;
    }
}
