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

    /// <summary>Where the nightly summary is mailed; null: it is only written into <see cref="Reports"/>.</summary>
    public Summary.SmtpSettings? Smtp { get; init; }

    /// <summary>
    /// The share of open rejected rows among a file's rows above which the indicators it feeds are marked provisional
    /// (<c>status_hinweis</c>); 0.05 unless configured (<c>Datenpflege:AnteilOffenerAbweisungen</c>).
    /// </summary>
    public double OpenRejectShareLimit { get; init; } = 0.05;
}
