using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>report</c>.</summary>
public sealed class ReportSettings : EtlSettings
{
    /// <summary>The HTML file to write.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Zieldatei (Standard: reports/zielerreichung.html)")]
    public string Out { get; init; } = Path.Combine("reports", "zielerreichung.html");

    /// <summary>Reproduce the overview as it was reported on this day (end of day, Europe/Berlin).</summary>
    [CommandOption("--as-of <DATE>")]
    [Description("Stand eines Tages nachstellen (yyyy-MM-dd): Werte, wie sie an diesem Tag gemeldet waren")]
    public DateOnly? AsOf { get; init; }

    /// <summary>The area code.</summary>
    [CommandOption("--bereich <CODE>")]
    [Description("Bereich (Standard: 05711000, die ganze Stadt; Schlüssel wie in config/bereiche.yml)")]
    public string Bereich { get; init; } = Catalog.Area.CityCode;
}
