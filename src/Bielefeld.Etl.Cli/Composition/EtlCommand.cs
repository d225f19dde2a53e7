using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Plugins;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// What every command does around its work: read the configuration, prepare the run (catalog and pipelines checked
/// before any file is read), refuse a warehouse that does not exist, and turn what goes wrong into one line on
/// stderr starting with <c>Fehler:</c> and an exit code from <see cref="ExitCodes"/>.
/// </summary>
public abstract class EtlCommand<TSettings> : AsyncCommand<TSettings>
    where TSettings : EtlSettings
{
    /// <inheritdoc />
    public sealed override async Task<int> ExecuteAsync(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        if (Console.IsOutputRedirected)
        {
            // Logs and pipes have no terminal width; 80 columns would wrap file names inside table cells.
            AnsiConsole.Profile.Width = 160;
        }

        using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(MinimumLogLevel));
        WarehouseProvider? warehouse = null;
        try
        {
            Configured = EtlConfiguration.Load(settings);
            var options = Configured.ToEtlOptions(MovesFiles(settings), DefaultStableFor);
            var logger = logging.CreateLogger("Bielefeld.Etl");
            var plugin = ProviderPlugins.Find(options.Warehouse.Provider);
            warehouse = plugin.CreateWarehouse(options.Warehouse.ConnectionString, TimeProvider.System, logger);
            var run = PipelineRun.Prepare(options, warehouse, logger, TimeProvider.System);
            var broken = BrokenPipelinesNeeded(run, settings);
            foreach (var pipeline in broken)
            {
                await Error(pipeline.Message);
            }

            if (broken.Count > 0 && !RunsWithoutBrokenPipelines(run, settings))
            {
                return ExitCodes.ConfigurationError;
            }

            if (NeedsExistingWarehouse)
            {
                RefuseMissingWarehouse(plugin, warehouse, settings);
            }

            var exit = await ExecuteAsync(run, warehouse, options, settings, cancellationToken);
            return broken.Count > 0 ? ExitCodes.ConfigurationError : exit;
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // A signal surfaced as the driver's own exception: it is the interruption, not a fault (Program says so).
            throw new OperationCanceledException(ex.Message, ex, cancellationToken);
        }
        catch (Exception ex) when (warehouse is not null && ex is not OperationCanceledException && warehouse.IsTransient(ex))
        {
            // A server that is down or restarting: the next run tries again. One line, no stack trace.
            await Error(ex.Message);
            return ExitCodes.TechnicalFailure;
        }
        catch (Exception ex) when (ex is CatalogException or PipelineDefinitionException or InboxUnavailableException
            or InvalidOperationException or ArgumentException or WarehouseConnectionException)
        {
            await Error(ex.Message);
            return ExitCodes.ConfigurationError;
        }
    }

    /// <summary>The configuration, bound and checked before the command's own work starts.</summary>
    private protected ConfiguredSettings Configured { get; private set; } = new();

    /// <summary>The least important log level written to the console.</summary>
    protected virtual LogLevel MinimumLogLevel => LogLevel.Warning;

    /// <summary>
    /// Whether the command refuses a warehouse that does not exist: every command that reads or writes it, except
    /// <c>init</c>, which creates it.
    /// </summary>
    protected virtual bool NeedsExistingWarehouse => true;

    /// <summary>Whether the command moves settled files to the archive or quarantine.</summary>
    protected virtual bool MovesFiles(TSettings settings) => false;

    /// <summary>The stability window when none is configured.</summary>
    protected virtual TimeSpan DefaultStableFor => TimeSpan.Zero;

    /// <summary>The broken pipeline files this command needs: none by default (it does not load).</summary>
    protected virtual IReadOnlyList<BrokenPipeline> BrokenPipelinesNeeded(PipelineRun run, TSettings settings) => [];

    /// <summary>
    /// Whether the command still does its work for the other pipelines when some it needs are broken (then it ends
    /// with <see cref="ExitCodes.ConfigurationError"/>); otherwise it stops before doing anything.
    /// </summary>
    protected virtual bool RunsWithoutBrokenPipelines(PipelineRun run, TSettings settings) => false;

    /// <summary>The command's own work.</summary>
    protected abstract Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, TSettings settings, CancellationToken cancellationToken);

    /// <summary>Writes one error line to stderr, plain: an operator greps the night's log for it.</summary>
    protected static Task Error(string message) => Console.Error.WriteLineAsync("Fehler: " + message);

    // A warehouse file that is not there is a typo or a missing mount, not an empty warehouse: creating it would fork
    // the data. Only init creates one, and the run on a fresh clone may create the shipped default (data/warehouse.db).
    // Server databases need no check: the server itself refuses a database that does not exist.
    private static void RefuseMissingWarehouse(ProviderPlugin plugin, WarehouseProvider warehouse, TSettings settings)
    {
        if (plugin.MissingStore(warehouse) is { } missing && !EtlConfiguration.UsesShippedWarehouse(settings))
        {
            throw new InvalidOperationException(
                $"Kein Warehouse unter {missing}: die Datei gibt es nicht. Ein neues Warehouse legt "
                + "'bielefeld-etl init' an; die anderen Befehle legen keines an, damit ein Tippfehler im Pfad kein zweites erzeugt.");
        }
    }
}
