using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Summary;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>run</c>: loads what is in the inbox and recomputes attainment. Exit code 0 when the files were processed
/// (rejected rows and refused files included: they are the stewards' work, recorded), 1 when a file failed for a
/// technical reason, 2 when the configuration is wrong (see <see cref="ExitCodes"/>). A broken pipeline file stops
/// only its own pipeline: the others run, and the exit code is 2.
/// </summary>
public sealed class RunCommand : EtlCommand<RunSettings>
{
    /// <inheritdoc />
    protected override bool MovesFiles(RunSettings settings) => settings.Archive;

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
        RunReport.WriteAttainment(await warehouse.LatestAttainmentAsync(cancellationToken));
        RunReport.WriteLateWarnings(summary.LateDeliveries);
        if (options.Reports is { } reports)
        {
            var nightly = await NightlySummaryPublisher.BuildAsync(summary, warehouse, reports, DateOnly.FromDateTime(TimeProvider.System.GetLocalNow().DateTime), cancellationToken);
            var page = await NightlySummaryPublisher.PublishAsync(nightly, reports, options.Smtp, cancellationToken);
            AnsiConsole.MarkupLine($"Nachtbericht: [bold]{Markup.Escape(Path.GetRelativePath(Environment.CurrentDirectory, page))}[/]{(options.Smtp is null ? "" : " (per E-Mail versandt)")}");
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
