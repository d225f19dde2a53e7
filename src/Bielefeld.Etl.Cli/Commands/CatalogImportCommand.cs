using System.Text;
using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>catalog import</c>: turns the plan document into the reviewable catalog files and lists what a reviewer must
/// look at. The files are then reviewed as a diff and committed; <c>init</c> and <c>run</c> load them.
/// </summary>
public sealed class CatalogImportCommand : Command<CatalogImportSettings>
{
    /// <inheritdoc />
    public override int Execute(CommandContext context, CatalogImportSettings settings, CancellationToken cancellationToken)
    {
        var import = CatalogImporter.Convert(File.ReadAllText(settings.PlanText, Encoding.UTF8), Path.GetFileName(settings.PlanText));
        var output = Path.GetFullPath(settings.Out ?? Path.Combine("config", "plan", import.Plan.Jahr.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        IReadOnlyList<ImportFinding> findings;
        try
        {
            findings = CatalogImporter.Import(settings.PlanText, output);
        }
        catch (CatalogException ex)
        {
            // A broken korrekturen.yml: nothing was written, the reviewer fixes the file and imports again.
            Console.Error.WriteLine("Fehler: " + ex.Message);
            return ExitCodes.ConfigurationError;
        }

        var catalog = CatalogFiles.Read(output);
        AnsiConsole.MarkupLine(
            $"Plan {catalog.Year}: {catalog.Measures.Count} Maßnahmen, {catalog.Indicators.Count()} Indikatoren nach [bold]{Markup.Escape(output)}[/] geschrieben.");
        if (findings.Count > 0)
        {
            var table = new Table().Title("Zu prüfen").AddColumns("Maßnahme", "Hinweis");
            foreach (var finding in findings)
            {
                table.AddRow(Markup.Escape(finding.Code), Markup.Escape(finding.Message));
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }
}
