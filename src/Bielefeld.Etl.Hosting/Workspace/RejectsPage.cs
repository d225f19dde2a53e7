using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>/arbeitsplatz/abweisungen</c>: the review queue. Rejected rows (open ones, or all with <c>alle=1</c>), filterable
/// by pipeline, file and rule (reason code), each with its review state, an existing decision beside it, whether a later
/// delivery of the file closed it, and the form to record a decision (<see cref="RejectsView"/>).
/// </summary>
internal static class RejectsPage
{
    private const int Shown = 500;

    public static async Task<IResult> ShowAsync(
        HttpContext http, PipelineRun run, WarehouseProvider warehouse, string? quelle = null, string? datei = null, string? regel = null, string? alle = null, long? gespeichert = null)
    {
        var ct = http.RequestAborted;
        var filter = new RejectsFilter(Blank(quelle), Blank(datei), Blank(regel), alle == "1");
        var everything = await warehouse.RejectedRowsAsync(new RejectedRowQuery(Limit: 10_000), ct);
        var rows = await warehouse.RejectedRowsAsync(new RejectedRowQuery(File: filter.Datei, Source: filter.Quelle, Reason: filter.Regel, Limit: Shown, OpenOnly: !filter.All), ct);
        return WorkspaceHtml.Page<RejectsView>(http, new { Filter = filter, Pipelines = run.Pipelines.Select(p => p.Name).ToList(), Everything = everything,
            Rows = rows, Shown, Later = await LaterDeliveriesAsync(warehouse, rows, ct),
            Saved = gespeichert is { } saved ? rows.Concat(everything).FirstOrDefault(r => r.AbweisungId == saved) : null });
    }

    internal static string DecisionLabel(string? stored) => stored switch
    {
        "korrigiert" => "korrigiert durch Neulieferung",
        null => "",
        _ => stored,
    };

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string Query(string? quelle, string? datei, string? regel, bool all) =>
        string.Join("&", new[] { ("quelle", quelle), ("datei", datei), ("regel", regel), ("alle", all ? "1" : null) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));

    /// <summary>Per rejected row: the first later loaded delivery of the same file name, and whether it rejects the row again.</summary>
    private static async Task<Dictionary<long, (LoadRecord Load, bool Again)>> LaterDeliveriesAsync(
        WarehouseProvider warehouse, IReadOnlyList<RejectedRowRecord> rows, CancellationToken ct)
    {
        IReadOnlyList<LoadRecord> loads = rows.Count == 0 ? [] : await warehouse.RecentLoadsAsync(1_000, ct);
        var later = rows.Select(r => (Row: r, Next: loads.Where(l => l.Quelle == r.Quelle && l.Datei == r.Datei && l.Status == "geladen" && l.DateiId > r.DateiId).MinBy(l => l.DateiId)))
            .Where(p => p.Next is not null).ToList();
        var rejectedIn = new Dictionary<long, IReadOnlyList<RejectedRowRecord>>();
        foreach (var file in later.Select(p => p.Next!.DateiId).Distinct())
        {
            rejectedIn[file] = await warehouse.RejectedRowsAsync(new RejectedRowQuery(FileId: file), ct);
        }

        return later.ToDictionary(p => p.Row.AbweisungId, p => (p.Next!, rejectedIn[p.Next!.DateiId].Any(x => x.Blatt == p.Row.Blatt && x.Zeile == p.Row.Zeile && x.GrundCode == p.Row.GrundCode)));
    }
}

/// <summary>The review queue's filter: pipeline, file and rule (null for all), and whether decided rows are shown too.</summary>
public sealed record RejectsFilter(string? Quelle, string? Datei, string? Regel, bool All)
{
    /// <summary>The filter as a query string, to come back to after a decision.</summary>
    public string Query => RejectsPage.Query(Quelle, Datei, Regel, All);
}
