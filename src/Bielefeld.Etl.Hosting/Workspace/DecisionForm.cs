using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Bielefeld.Etl.Warehouse;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>POST /arbeitsplatz/abweisungen/{id}/entscheidung</c>: records a steward's decision on a rejected row, as
/// <c>rejects decide</c> does (same warehouse call, then the stewardship state refreshed), and returns to the queue with
/// the decision shown beside the row.
/// </summary>
internal static class DecisionForm
{
    private const int MaxComment = 1_000;
    private const int MaxName = 200;

    public static async Task<IResult> PostAsync(HttpContext http, long id, PipelineRun run, WarehouseProvider warehouse)
    {
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var comment = form["kommentar"].ToString().Trim();
        var by = form["von"].ToString().Trim();
        var decision = Enum.GetValues<RejectDecision>().Cast<RejectDecision?>().FirstOrDefault(d => d!.Value.ToStoredName() == form["entscheidung"].ToString());
        var problem = decision is null ? "Die Entscheidung muss „korrigiert durch Neulieferung“, „akzeptiert“ oder „verworfen“ sein."
            : comment.Length == 0 ? "Bitte einen Kommentar (Begründung) angeben."
            : by.Length == 0 ? "Bitte den eigenen Namen angeben."
            : comment.Length > MaxComment || by.Length > MaxName ? "Kommentar oder Name ist zu lang."
            : null;
        IResult NotSaved(string why, int status) => WorkspaceHtml.Message(http, WorkspaceEndpoints.Rejects, "Entscheidung nicht gespeichert", why,
            WorkspaceEndpoints.Rejects, "zurück zu den abgewiesenen Zeilen", status);
        if (problem is not null)
        {
            return NotSaved(problem, StatusCodes.Status400BadRequest);
        }

        if (!await warehouse.DecideAsync(id, decision!.Value, by, comment, http.RequestAborted))
        {
            return NotSaved($"Es gibt keine abgewiesene Zeile mit der ID {GermanText.Digits(id)}.", StatusCodes.Status404NotFound);
        }

        await run.RefreshStewardshipAsync(http.RequestAborted);

        // Back to the same filter, with decided rows shown; the filter is rebuilt from known keys, never echoed as sent.
        var back = QueryHelpers.ParseQuery(form["zurueck"].ToString());
        var query = RejectsPage.Query(RejectsPage.Blank(back.GetValueOrDefault("quelle")), RejectsPage.Blank(back.GetValueOrDefault("datei")), RejectsPage.Blank(back.GetValueOrDefault("regel")), all: true);
        var target = $"{http.Request.PathBase.Add(WorkspaceEndpoints.Rejects).Value}?{query}&gespeichert={GermanText.Digits(id)}#zeile-{GermanText.Digits(id)}";
        return Results.Redirect(target);
    }
}
