using System.Globalization;
using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>catalog check</c>: every target of the catalog beside the sentence of the plan it came from, with what the import
/// made of it (comparator, value and its unit, period, area or set of areas, deadline and baseline with their origin) and
/// the reviewers' corrections that changed it, for the controlling team to sign off line by line. Plain text, one block
/// per indicator, so it can be printed or diffed between two catalog versions.
/// </summary>
public sealed class CatalogCheckCommand : Command<CatalogCheckSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CatalogCheckSettings settings, CancellationToken cancellationToken)
    {
        var folder = settings.Catalog ?? EtlConfiguration.Load(new EtlSettings()).Catalog;
        PlanCatalog catalog;
        IReadOnlyList<CatalogCorrection> corrections;
        try
        {
            catalog = CatalogFiles.Read(folder);
            corrections = CatalogCorrections.Read(folder);
        }
        catch (CatalogException ex)
        {
            Console.Error.WriteLine("Fehler: " + ex.Message);
            return ExitCodes.ConfigurationError;
        }

        var indicators = catalog.Indicators.Where(i => settings.Code is null || i.Code == settings.Code || i.MeasureCode == settings.Code).ToList();
        if (indicators.Count == 0)
        {
            Console.Error.WriteLine($"Fehler: Der Katalog {folder} hat keinen Indikator und keine Maßnahme {settings.Code}.");
            return ExitCodes.ConfigurationError;
        }

        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Plankatalog {catalog.Year} ({folder}): jedes Ziel neben dem Satz des Plans, aus dem es stammt.\n");
        foreach (var indicator in indicators)
        {
            text.Append(CatalogCheckLines.For(indicator, corrections.Where(c => c.Code == indicator.Code).ToList()));
        }

        var targets = indicators.Sum(i => i.Targets.Count);
        var assumed = indicators.SelectMany(i => i.Targets).Count(t => (t.Deadline is not null && t.DeadlineStatedBy == StatedBy.Assumed)
            || (t.Comparator == Comparator.ReductionFromBaseline && t.BaselineStatedBy == StatedBy.Assumed));
        text.Append(CultureInfo.InvariantCulture,
            $"\n{indicators.Count} Indikatoren, {targets} Ziele, davon {assumed} mit angenommenem Stichtag oder angenommener Basis; {corrections.Count} Korrekturen in korrekturen.yml.\n");
        Console.Out.Write(text.ToString());
        return 0;
    }
}
