using System.ComponentModel;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>report</c>.</summary>
public sealed class ReportSettings : EtlSettings
{
    /// <summary>The HTML file to write; by default <c>zielerreichung.html</c> in the reports folder (setting <c>Reports</c>), with <see cref="AsOf"/> <c>zielerreichung_stand_&lt;Datum&gt;.html</c>.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Zieldatei (Standard: zielerreichung.html im Berichtsordner, mit --as-of zielerreichung_stand_<Datum>.html)")]
    public string? Out { get; init; }

    /// <summary>Reproduce the overview as it was reported on this day (end of day, Europe/Berlin): <c>31.07.2017</c> or <c>2017-07-31</c>.</summary>
    [CommandOption("--as-of <DATE>")]
    [Description("Stand eines Tages nachstellen (31.07.2017 oder 2017-07-31; Ende des Tages, Europe/Berlin): Werte, wie sie an diesem Tag gemeldet waren")]
    public string? AsOf { get; init; }

    /// <summary>The area code.</summary>
    [CommandOption("--bereich <CODE>")]
    [Description("Bereich (Standard: 05711000, die ganze Stadt; Schlüssel wie in config/bereiche.yml)")]
    public string Bereich { get; init; } = Catalog.Area.CityCode;
}
