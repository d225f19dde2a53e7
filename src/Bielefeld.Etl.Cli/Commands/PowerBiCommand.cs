using Bielefeld.Etl.Cli.Composition;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Reporting;
using Bielefeld.Etl.Warehouse;
using Spectre.Console;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary><c>powerbi</c>: writes the Power BI data source file (.pbids) for the configured server warehouse.</summary>
public sealed class PowerBiCommand : EtlCommand<PowerBiSettings>
{
    /// <inheritdoc />
    /// <remarks>It writes a file that names the warehouse; it does not open it.</remarks>
    protected override bool NeedsExistingWarehouse => false;

    /// <inheritdoc />
    protected override async Task<int> ExecuteAsync(
        PipelineRun run, WarehouseProvider warehouse, EtlOptions options, PowerBiSettings settings, CancellationToken cancellationToken)
    {
        var json = PowerBiDataSource.Create(options.Warehouse);
        var path = Path.GetFullPath(settings.Out);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, json, cancellationToken);
        AnsiConsole.MarkupLine($"Power-BI-Datenquelle geschrieben: [bold]{Markup.Escape(path)}[/] (Anmeldung fragt Power BI beim Öffnen ab; siehe docs/power-bi.md)");
        return 0;
    }
}
