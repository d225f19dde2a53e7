using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>
/// Where things are: the inbox root (one folder per source below it), the pipeline definitions, the plan catalog,
/// the area hierarchy and the warehouse. Read once at start-up from appsettings.json, then environment variables,
/// then command-line options.
/// </summary>
public sealed record EtlOptions(string Inbox, string Pipelines, string Catalog, string Areas, WarehouseSettings Warehouse)
{
    /// <summary>The thresholds and seasonal paths file (<c>config/zielerreichung.yml</c>); without it, defaults apply.</summary>
    public string? AttainmentFile { get; init; }

    /// <summary>
    /// Where steward reports of rejected rows go (one CSV and one HTML per loaded file that has rejected rows);
    /// null writes none.
    /// </summary>
    public string? Reports { get; init; }
}
