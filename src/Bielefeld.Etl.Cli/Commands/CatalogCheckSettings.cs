using System.ComponentModel;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>Options of <c>catalog check</c>.</summary>
public sealed class CatalogCheckSettings : CommandSettings
{
    /// <summary>The catalog folder; else the configured one (<c>BIELEFELD_ETL_CATALOG</c>, <c>config/plan/2017</c>).</summary>
    [CommandOption("--catalog <DIR>")]
    [Description("Katalogordner (Standard: der konfigurierte, config/plan/2017)")]
    public string? Catalog { get; init; }

    /// <summary>Only the indicators of this measure or this indicator.</summary>
    [CommandOption("--code <CODE>")]
    [Description("Nur diese Maßnahme (REGE-9) oder diesen Indikator (REGE-9.1)")]
    public string? Code { get; init; }
}
