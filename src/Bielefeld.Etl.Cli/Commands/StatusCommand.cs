using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary><c>status</c>: the latest loads with their row counts, and the delivery calendar as of today (what is late).</summary>
public sealed class StatusCommand : EtlCommand<StatusSettings>
{
    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, StatusSettings settings, CancellationToken cancellationToken)
    {
        warehouse.Migrate();
        RunReport.WriteLoads(await warehouse.RecentLoadsAsync(settings.Count, cancellationToken));
        RunReport.WriteDeliveries(await run.RefreshStewardshipAsync(cancellationToken));
        return 0;
    }
}
