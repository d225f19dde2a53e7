using System.Globalization;
using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Sources.Meldebogen;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>meldebogen</c>: writes the Meldebogen template for a measure or an org unit and a year, pre-filled with the
/// plan's indicator codes, names, units and periods, for stewards to fill in and drop into the inbox.
/// </summary>
public sealed class MeldebogenCommand : EtlCommand<MeldebogenSettings>
{
    /// <inheritdoc />
    /// <remarks>The template comes from the catalog and the meldebogen pipeline file; the warehouse is not opened.</remarks>
    protected override bool NeedsExistingWarehouse => false;

    /// <inheritdoc />
    /// <remarks>A broken meldebogen.yml would silently give the default mapping's template.</remarks>
    protected override IReadOnlyList<BrokenPipeline> BrokenPipelinesNeeded(PipelineRun run, MeldebogenSettings settings) =>
        [.. run.Broken.Where(b => b.Name == "meldebogen")];

    /// <inheritdoc />
    protected override Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, MeldebogenSettings settings, CancellationToken cancellationToken)
    {
        var plan = run.Catalog;
        var year = settings.Year!.Value;
        if (year < plan.Year - 1 || year > plan.Year + 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Der Plan {plan.Year} nimmt Meldungen für {plan.Year - 1} bis {plan.Year + 1} an, nicht für {year}."));
        }

        var definition = run.Pipelines.FirstOrDefault(p => p.Reader == MeldebogenReader.Name);
        var mapping = definition is null ? MeldebogenMapping.Default : MeldebogenMapping.Read(definition, plan);
        var subject = settings.Measure ?? settings.OrgUnit!;
        var rows = settings.Measure is { } measure
            ? MeldebogenTemplate.ForMeasure(plan, run.Areas, mapping, measure, year)
            : MeldebogenTemplate.ForOrgUnit(plan, run.Areas, mapping, settings.OrgUnit!, year);
        if (rows.Count == 0)
        {
            throw new ArgumentException($"{subject}: alle Indikatoren kommen aus System-Extrakten; es gibt nichts per Meldebogen zu melden.");
        }

        Directory.CreateDirectory(settings.Out);
        var path = Path.Combine(settings.Out, MeldebogenFileWriter.FileName(subject, year, settings.Format.ToLowerInvariant()));
        MeldebogenFileWriter.Write(rows, plan, path);
        AnsiConsole.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"Meldebogen geschrieben: [bold]{Markup.Escape(path)}[/] ({rows.Count} Zeilen, {rows.Select(r => r.Indikator).Distinct(StringComparer.Ordinal).Count()} Indikatoren)"));
        return Task.FromResult(0);
    }
}
