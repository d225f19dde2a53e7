using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary><c>report</c>: the attainment overview as a self-contained HTML page, for when Power BI is not at hand.</summary>
public sealed class ReportCommand : EtlCommand<ReportSettings>
{
    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, ReportSettings settings, CancellationToken cancellationToken)
    {
        var area = run.Areas.Find(settings.Bereich)
            ?? throw new InvalidOperationException($"Den Bereich '{settings.Bereich}' gibt es nicht (config/bereiche.yml).");
        await run.InitialiseAsync(cancellationToken);
        var series = await warehouse.AttainmentSeriesAsync(area.Code, cancellationToken);
        var html = AttainmentOverview.Render(run.Catalog, series, area.Name, TimeProvider.System.GetUtcNow());
        var path = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, html, cancellationToken);
        AnsiConsole.MarkupLine($"Übersicht geschrieben: [bold]{Markup.Escape(path)}[/] ({series.Select(s => s.IndikatorCode).Distinct().Count()} Indikatoren, {Markup.Escape(area.Name)})");
        return 0;
    }
}
