using System.Globalization;
using Bielefeld.Etl.Bench.Measures;
using Dapper;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Bench;

/// <summary>
/// <c>bench reads</c>: times the reads behind <c>run</c>, <c>status</c>, <c>report</c>, the summary and the workspace, and
/// a night with nothing new, on a warehouse that is already loaded, e.g. one filled by <c>run --all</c> from a
/// <c>bench generate</c> folder of 10 M rows, which the measuring bench itself would take an hour to build on a small
/// machine.
/// </summary>
internal static class ReadsCommand
{
    /// <summary>
    /// Reads the pipelines and areas of <paramref name="work"/> (the layout <c>bench generate</c> writes; nothing is
    /// written there), syncs the catalog (a no-op when unchanged), times every read once and then two runs over the
    /// folder's inbox, which the warehouse must already hold whole.
    /// </summary>
    public static async Task<IReadOnlyList<Measurement>> RunAsync(string repository, string work, string provider, string connectionString)
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
        var prefix = provider == "postgresql" ? "postgres" : provider;
        var reads = await ReadQueries.RunAsync(prefix, warehouse, run, observations);
        return [reads, await NothingNewAsync(prefix, run, observations)];
    }

    // As the bench's own measure, the second run in the process counts (the first pays the JIT of the run path, which a
    // long-running server pays once); both are in the note.
    private static async Task<Measurement> NothingNewAsync(string prefix, PipelineRun run, long observations)
    {
        var nights = new List<Measurement>();
        for (var night = 0; night < 2; night++)
        {
            nights.Add(await Timed.RunAsync($"{prefix}.nightly-nothing-new", null, async () =>
            {
                var summary = await run.RunAsync([], null, CancellationToken.None);
                if (summary.Files.FirstOrDefault(f => f.Status != FileLoadStatus.AlreadyLoaded) is { } file)
                {
                    throw new InvalidOperationException($"{prefix}: {Path.GetFileName(file.File.Path)} war noch nicht geladen ({file.Status}): bench reads misst ein Warehouse, das den Eingang von --work schon ganz enthält.");
                }

                return observations;
            }));
        }

        return nights[1] with
        {
            Note = string.Create(CultureInfo.InvariantCulture,
                $"zweiter Lauf ohne Neues in diesem Prozess; der erste {nights[0].Seconds:0.00} s, Spitze {nights[0].PeakWorkingSetMb:N0} MB"),
        };
    }
}
