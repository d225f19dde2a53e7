using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Reports;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>rejects</c>: the rejected rows stewards still have to review (<c>--alle</c>: every row with its review state), newest
/// load first, optionally exported as CSV and HTML.
/// </summary>
public sealed class RejectsCommand : EtlCommand<RejectsSettings>
{
    private const int ShownByDefault = 200;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, RejectsSettings settings, CancellationToken cancellationToken)
    {
        warehouse.Migrate();
        if (settings.Action == "decide")
        {
            return await DecideAsync(run, warehouse, settings, cancellationToken);
        }

        var exporting = settings.Csv is not null || settings.Html is not null;
        var limit = settings.Count ?? (exporting ? int.MaxValue : ShownByDefault);
        var rows = await warehouse.RejectedRowsAsync(
            new RejectedRowQuery(File: settings.File, Source: settings.Source, Reason: settings.Reason, Limit: limit, OpenOnly: !settings.All), cancellationToken);
        RunReport.WriteRejects(rows, limit);
        if (settings.Csv is { } csv)
        {
            StewardReport.WriteCsv(rows, csv);
            AnsiConsole.MarkupLine($"CSV gespeichert: [bold]{Markup.Escape(csv)}[/]");
        }

        if (settings.Html is { } html)
        {
            var title = settings.File ?? settings.Source ?? settings.Reason ?? "alle Dateien";
            StewardReport.WriteHtml(rows, title, run.Time.GetUtcNow(), html);
            AnsiConsole.MarkupLine($"HTML gespeichert: [bold]{Markup.Escape(html)}[/]");
        }

        return 0;
    }

    /// <summary>
    /// <c>rejects decide &lt;id&gt;</c>: the decision belongs to the row's identity (file name, sheet, row, reason code), so the same
    /// row in a later delivery of the file carries it too; accepted and discarded rows are not reported again.
    /// </summary>
    private static async Task<int> DecideAsync(PipelineRun run, WarehouseProvider warehouse, RejectsSettings settings, CancellationToken cancellationToken)
    {
        if (!await warehouse.DecideAsync(settings.Id!.Value, settings.ParsedDecision, settings.By!.Trim(), settings.Comment!.Trim(), cancellationToken))
        {
            await Error($"Es gibt keine abgewiesene Zeile mit der ID {settings.Id} (siehe 'rejects --alle').");
            return ExitCodes.ConfigurationError;
        }

        await run.RefreshStewardshipAsync(cancellationToken);
        AnsiConsole.MarkupLine($"Entscheidung gespeichert: Zeile {settings.Id} [bold]{Markup.Escape(settings.Decision!)}[/] ({Markup.Escape(settings.By)}).");
        return 0;
    }
}
