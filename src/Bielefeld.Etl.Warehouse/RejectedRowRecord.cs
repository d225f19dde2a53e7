namespace Bielefeld.Etl.Warehouse;

/// <summary>
/// One row of <c>dwh.abgewiesene_zeilen</c> (the stewards' view; BI readers see <c>rpt.abgewiesene_zeilen</c>, masked): a rejected row with its file and its review state, as stewards review it.
/// Its identity across deliveries is file name, sheet, row and reason code (<see cref="AbweisungId"/> names one occurrence).
/// </summary>
public sealed record RejectedRowRecord(
    long DateiId,
    string Datei,
    string Quelle,
    string? Blatt,
    long Zeile,
    string? Spalte,
    string? Rohwert,
    string GrundCode,
    string Grund,
    DateTimeOffset GeladenUm,
    long AbweisungId = 0,
    string Bearbeitung = "offen",
    string? Entscheidung = null,
    string? Kommentar = null,
    string? EntschiedenVon = null,
    DateTimeOffset? EntschiedenUm = null);

/// <summary>Which rejected rows to list; every filter is optional, the newest files first.</summary>
/// <param name="FileId">Only the rows of this load (<c>datei_id</c>).</param>
/// <param name="File">Only rows of files with this name.</param>
/// <param name="Source">Only rows of this pipeline (<c>quelle</c>).</param>
/// <param name="Reason">Only rows with this reason code.</param>
/// <param name="Limit">At most this many rows.</param>
/// <param name="OpenOnly">Only rows still waiting for a steward (<c>bearbeitung = 'offen'</c>).</param>
public sealed record RejectedRowQuery(long? FileId = null, string? File = null, string? Source = null, string? Reason = null, int Limit = 10_000, bool OpenOnly = false);
