using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Cli.Output;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Jobs.Reports;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary><c>rejects</c>: the rejected rows stewards have to fix, newest load first, optionally exported as CSV and HTML.</summary>
public sealed class RejectsCommand : EtlCommand<RejectsSettings>
{
    private const int ShownByDefault = 200;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, RejectsSettings settings, CancellationToken cancellationToken)
    {
        warehouse.Migrate();
        var exporting = settings.Csv is not null || settings.Html is not null;
        var limit = settings.Count ?? (exporting ? int.MaxValue : ShownByDefault);
        var rows = await warehouse.RejectedRowsAsync(
            new RejectedRowQuery(File: settings.File, Source: settings.Source, Reason: settings.Reason, Limit: limit), cancellationToken);
        RunReport.WriteRejects(rows, limit);
        if (settings.Csv is { } csv)
        {
            StewardReport.WriteCsv(rows, csv);
            AnsiConsole.MarkupLine($"CSV gespeichert: [bold]{Markup.Escape(csv)}[/]");
        }

        if (settings.Html is { } html)
        {
            var title = settings.File ?? settings.Source ?? settings.Reason ?? "alle Dateien";
            StewardReport.WriteHtml(rows, title, TimeProvider.System.GetUtcNow(), html);
            AnsiConsole.MarkupLine($"HTML gespeichert: [bold]{Markup.Escape(html)}[/]");
        }

        return 0;
    }
}
