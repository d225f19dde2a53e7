using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Hosting;
using Bielefeld.Etl.Hosting.Workspace;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>serve</c>: runs every pipeline on its schedule (Hangfire, Europe/Berlin) with the dashboard at <c>/hangfire</c>
/// and the steward workspace at <c>/arbeitsplatz</c>,
/// until stopped. Loaded files go to the archive, refused and repeatedly failing ones to quarantine.
/// </summary>
public sealed class ServeCommand : EtlCommand<ServeSettings>
{
    /// <inheritdoc />
    protected override bool MovesFiles(ServeSettings settings) => !settings.NoArchive;

    /// <inheritdoc />
    protected override TimeSpan DefaultStableFor => TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    protected override LogLevel MinimumLogLevel => LogLevel.Information;

    /// <inheritdoc />
    /// <remarks>The server schedules every pipeline; it does not start with a broken file.</remarks>
    protected override IReadOnlyList<BrokenPipeline> BrokenPipelinesNeeded(PipelineRun run, ServeSettings settings) => run.Broken;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, ServeSettings settings, CancellationToken cancellationToken)
    {
        var server = Configured.ToServerOptions();
        await run.InitialiseAsync(cancellationToken);
        var storage = JobStorageFactory.Create(warehouse.Name, server.StorageConnectionString ?? options.Warehouse.ConnectionString, server);
        await using var app = EtlServer.Build(server, storage, run, warehouse, b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("Microsoft.AspNetCore", LogLevel.Warning)
            // A failed start is reported below in one line; the host would log it again with the whole stack trace.
            .AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical));
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            // Another serve (or another program) holds the port: say so in one line, not with Kestrel's stack trace.
            await Console.Error.WriteLineAsync($"Fehler: Die Adresse {server.Urls} ist schon belegt (läuft bereits ein serve?); eine freie mit --urls oder Server:Urls angeben.");
            return ExitCodes.ConfigurationError;
        }

        await Console.Out.WriteLineAsync($"Dashboard: {server.Urls.Split(';')[0].TrimEnd('/')}{EtlServer.DashboardPath}, Arbeitsplatz: {server.Urls.Split(';')[0].TrimEnd('/')}{WorkspaceEndpoints.Prefix} (Pipelines: {string.Join(", ", run.Pipelines.Select(p => $"{p.Name} '{p.Schedule}'"))})");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
