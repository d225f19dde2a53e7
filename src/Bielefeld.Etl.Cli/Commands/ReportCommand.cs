using System.Globalization;
using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>report</c>: the attainment overview as a self-contained HTML page, for when Power BI is not at hand. With
/// <c>--as-of</c> the overview as it was reported at the end of that day (Europe/Berlin), in a file of its own.
/// </summary>
public sealed class ReportCommand : EtlCommand<ReportSettings>
{
    /// <summary>The spellings of <c>--as-of</c>: the German date and ISO 8601.</summary>
    private static readonly string[] DateFormats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, ReportSettings settings, CancellationToken cancellationToken)
    {
        var area = run.Areas.Find(settings.Bereich)
            ?? throw new InvalidOperationException($"Den Bereich '{settings.Bereich}' gibt es nicht (config/bereiche.yml).");
        DateOnly? day = settings.AsOf is { } text ? ParseDay(text) : null;
        await run.InitialiseAsync(cancellationToken);
        IReadOnlyList<AttainmentRow> series;
        IReadOnlyList<ProvenanceRow> files;
        var title = area.Name;
        string? notice = null;
        if (day is { } reported)
        {
            var asOf = BerlinTime.EndOfDay(reported);
            var then = await warehouse.AttainmentAsOfAsync(run.Catalog, run.Areas, run.Attainment, area.Code, asOf, cancellationToken);
            series = then.Rows;
            files = then.Files;
            title = $"{area.Name}, Stand {reported.ToString("dd.MM.yyyy", GermanValues.Culture)}";
            var by = $"Bis zum {reported.ToString("dd.MM.yyyy", GermanValues.Culture)} (Ende des Tages, Europe/Berlin) war noch nichts geladen";
            notice = then.FirstLoadedAt switch
            {
                null => $"{by}, und bis heute ist kein Wert für {area.Name} geladen. Deshalb steht überall „keine Daten“.",
                { } first when first > asOf => $"{by}: die erste Ladung für {area.Name} war am {BerlinTime.Stamp(first)}. Deshalb steht überall „keine Daten“.",
                _ => null,
            };
        }
        else
        {
            series = await warehouse.AttainmentSeriesAsync(area.Code, cancellationToken);
            files = await warehouse.AreaProvenanceAsync(area.Code, cancellationToken);
        }

        // The files behind the figures shown: today's, or a reproduced day's as known at its end.
        var provenance = new ReportProvenance(area.Code, options.Catalog, CatalogCorrections.Read(options.Catalog), files, day);
        var html = PageRenderer.Render<AttainmentOverviewPage>(
            new { Plan = run.Catalog, Series = series, AreaName = title, GeneratedAt = run.Time.GetUtcNow(), Notice = notice, Provenance = provenance });
        var path = Path.GetFullPath(settings.Out ?? Path.Combine(
            options.Reports ?? "reports", day is { } d ? $"zielerreichung_stand_{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.html" : "zielerreichung.html"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, html, cancellationToken);
        if (notice is not null)
        {
            // One unwrapped line: an operator greps for it.
            await Console.Out.WriteLineAsync("Hinweis: " + notice);
        }

        AnsiConsole.MarkupLine($"Übersicht geschrieben: [bold]{Markup.Escape(path)}[/] ({series.Select(s => s.IndikatorCode).Distinct().Count()} Indikatoren, {Markup.Escape(area.Name)})");
        return 0;
    }

    /// <summary>A day as people write it (<c>31.07.2017</c>) or as ISO 8601 (<c>2017-07-31</c>).</summary>
    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new ArgumentException($"--as-of '{text}' ist kein Datum; erwartet wird z. B. 31.07.2017 oder 2017-07-31.");
}
