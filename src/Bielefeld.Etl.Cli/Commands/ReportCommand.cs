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
        IReadOnlyList<AttainmentRow> series;
        var title = area.Name;
        if (settings.AsOf is { } day)
        {
            // The end of that day in Bielefeld: everything loaded on that day counts.
            var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
            var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            var asOf = new DateTimeOffset(end, berlin.GetUtcOffset(end));
            series = await warehouse.AttainmentAsOfAsync(run.Catalog, run.Areas, run.Attainment, area.Code, asOf, cancellationToken);
            title = $"{area.Name}, Stand {day.ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture)}";
        }
        else
        {
            series = await warehouse.AttainmentSeriesAsync(area.Code, cancellationToken);
        }

        var html = AttainmentOverview.Render(run.Catalog, series, title, TimeProvider.System.GetUtcNow());
        var path = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, html, cancellationToken);
        AnsiConsole.MarkupLine($"Übersicht geschrieben: [bold]{Markup.Escape(path)}[/] ({series.Select(s => s.IndikatorCode).Distinct().Count()} Indikatoren, {Markup.Escape(area.Name)})");
        return 0;
    }
}
