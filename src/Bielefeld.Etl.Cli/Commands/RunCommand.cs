using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>run</c>: loads what is in the inbox and recomputes attainment. Exit code 0 when the files were processed
/// (rejected rows and refused files included: they are the stewards' work, recorded; work after the commits that
/// failed is a warning on stderr and is done by the next run), 1 when a file failed for a technical reason, 2 when the
/// configuration is wrong or the warehouse is read-only (see <see cref="ExitCodes"/>). A broken pipeline file stops
/// only its own pipeline: the others run, and the exit code is 2.
/// </summary>
public sealed class RunCommand : EtlCommand<RunSettings>
{
    /// <inheritdoc />
    protected override bool MovesFiles(RunSettings settings) => settings.Archive;

    /// <inheritdoc />
    /// <remarks>
    /// Ten seconds: a file some process still writes (a copy over a share, a throttled transfer) is left for the next
    /// run instead of being loaded half; <c>Files:StableFor</c> (<c>BIELEFELD_ETL_FILES__STABLEFOR=00:00:00</c>) changes it.
    /// </remarks>
    protected override TimeSpan DefaultStableFor => TimeSpan.FromSeconds(10);

    /// <inheritdoc />
    protected override IReadOnlyList<BrokenPipeline> BrokenPipelinesNeeded(PipelineRun run, RunSettings settings) =>
        [.. run.Broken.Where(b => settings.All || settings.Pipelines.Contains(b.Name, StringComparer.Ordinal))];

    /// <inheritdoc />
    protected override bool RunsWithoutBrokenPipelines(PipelineRun run, RunSettings settings) => Runnable(run, settings).Count > 0;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, RunSettings settings, CancellationToken cancellationToken)
    {
        InboxRoot.RefuseUnavailable(options.Inbox);
        AnsiConsole.MarkupLine($"Eingang: [bold]{Markup.Escape(options.Inbox)}[/], Warehouse: [bold]{warehouse.Name}[/]");
        var summary = await LoadProgress.TrackAsync(progress => run.RunAsync(settings.All ? [] : Runnable(run, settings), progress, cancellationToken));
        RunReport.Write(summary);
        var warnings = summary.Warnings.ToList();
        // The loads have committed: what fails from here on is a warning, and the exit code stays the files' outcome.
        try
        {
            var latest = await warehouse.LatestAttainmentAsync(cancellationToken);
            RunReport.WriteAttainment(latest);
            RunReport.WriteLateWarnings(summary.LateDeliveries);
            if (options.Reports is { } reports)
            {
                var nightly = await NightlySummaryPublisher.BuildAsync(summary, warehouse, latest, reports, run.Today, cancellationToken);
                var page = await NightlySummaryPublisher.PublishAsync(nightly, reports, options.Smtp, cancellationToken);
                AnsiConsole.MarkupLine($"Nachtbericht: [bold]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, page))}[/]{(options.Smtp is null ? "" : " (per E-Mail versandt)")}");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            warnings.Add($"Zielerreichung bzw. Nachtbericht nicht ausgegeben ({ex.GetType().Name}: {ex.Message})");
        }

        foreach (var warning in warnings)
        {
            // One line each on stderr, like errors, so that the night's log shows them; not a failure of the run.
            await Console.Error.WriteLineAsync("Warnung: " + warning.ReplaceLineEndings(" "));
        }

        if (summary.HasFailures)
        {
            await Error("Mindestens eine Datei konnte aus technischen Gründen nicht geladen werden (siehe Tabelle); der nächste Lauf versucht es erneut.");
            return ExitCodes.TechnicalFailure;
        }

        return ExitCodes.Success;
    }

    // The pipelines the run loads: every readable one (--all), or the named ones whose files are not broken; a name
    // that is no pipeline at all stays in, so the run refuses it by name.
    private static IReadOnlyList<string> Runnable(PipelineRun run, RunSettings settings) => settings.All
        ? [.. run.Pipelines.Select(p => p.Name)]
        : [.. settings.Pipelines.Where(n => run.Broken.All(b => b.Name != n))];
}
