using Bielefeld.Etl.Bench.Measures;
using Dapper;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Bench;

/// <summary>
/// <c>bench reads</c>: times the reads behind <c>run</c>, <c>status</c>, <c>report</c>, the summary and the workspace on a
/// warehouse that is already loaded, e.g. one filled by <c>run --all</c> from a <c>bench generate</c> folder of 10 M
/// rows, which the measuring bench itself would take an hour to build on a small machine.
/// </summary>
internal static class ReadsCommand
{
    /// <summary>
    /// Reads the pipelines and areas of <paramref name="work"/> (the layout <c>bench generate</c> writes; nothing is
    /// written there), syncs the catalog (a no-op when unchanged) and times every read once.
    /// </summary>
    public static async Task<Measurement> RunAsync(string repository, string work, string provider, string connectionString)
    {
        // Any registered provider; the bench references SQLite's and PostgreSQL's, so those two are beside it.
        var warehouse = ProviderPlugins.Find(provider).CreateWarehouse(connectionString, TimeProvider.System, NullLogger.Instance);
        var options = new EtlOptions(
            Path.Combine(work, "inbox"), Path.Combine(work, "pipelines"), Path.Combine(repository, "config", "plan", "2017"),
            Path.Combine(work, "config", "bereiche.yml"), new WarehouseSettings(provider, connectionString))
        {
            AttainmentFile = Path.Combine(repository, "config", "zielerreichung.yml"),
        };
        var run = PipelineRun.Prepare(options, warehouse, NullLogger.Instance, TimeProvider.System);
        await run.InitialiseAsync(CancellationToken.None);
        await using var connection = await warehouse.OpenAsync(CancellationToken.None);
        var fact = provider == "sqlite" ? "fact_beobachtung" : "dwh.fact_beobachtung";
        var observations = await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {fact} WHERE ersetzt_durch_datei_id IS NULL");
        return await ReadQueries.RunAsync(provider == "postgresql" ? "postgres" : provider, warehouse, run, observations);
    }
}
