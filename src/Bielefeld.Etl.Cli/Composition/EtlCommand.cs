using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// What every command does around its work: read the configuration, prepare the run (catalog and pipelines checked
/// before any file is read), and turn configuration errors into a clear message and exit code 2.
/// </summary>
public abstract class EtlCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : EtlSettings
{
    /// <summary>The exit code of a run whose configuration is wrong (catalog, pipeline file, provider).</summary>
    public const int ConfigurationError = 2;

    /// <summary>The exit code of a run in which a file failed for a technical reason.</summary>
    public const int RunFailed = 1;

    /// <inheritdoc />
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes have no terminal width; 80 columns would wrap file names inside table cells.
            AnsiConsole.Profile.Width = 160;
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(MinimumLogLevel));
        try
        {
            var options = EtlConfiguration.Load(settings, MovesFiles(settings), DefaultStableFor);
            var warehouse = WarehouseFactory.Create(options.Warehouse, TimeProvider.System);
            var run = PipelineRun.Prepare(options, warehouse, logging.CreateLogger("Bielefeld.Etl"), TimeProvider.System);
            return await ExecuteAsync(run, warehouse, options, settings, cancellationToken);
        }
        catch (Exception ex) when (ex is CatalogException or PipelineDefinitionException or InvalidOperationException or ArgumentException or Warehouse.WarehouseConnectionException)
        {
            // Plain text on stderr: an operator greps the night's log for it, so it must not be wrapped or coloured.
            await Console.Error.WriteLineAsync("Fehler: " + ex.Message);
            return ConfigurationError;
        }
    }

    /// <summary>The least important log level written to the console.</summary>
    protected virtual LogLevel MinimumLogLevel => LogLevel.Warning;

    /// <summary>Whether the command moves settled files to the archive or quarantine.</summary>
    protected virtual bool MovesFiles(TSettings settings) => false;

    /// <summary>The stability window when none is configured.</summary>
    protected virtual TimeSpan DefaultStableFor => TimeSpan.Zero;

    /// <summary>The command's own work.</summary>
    protected abstract Task<int> ExecuteAsync(
        PipelineRun run, Warehouse.WarehouseProvider warehouse, EtlOptions options, TSettings settings, CancellationToken cancellationToken);
}
