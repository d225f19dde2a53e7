using System.Globalization;
using System.Text;
using Bielefeld.Etl.Jobs;
using Microsoft.AspNetCore.Http;
using static Bielefeld.Etl.Hosting.Workspace.WorkspaceHtml;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary><c>/arbeitsplatz/hochladen</c>: the form to put a corrected file or a filled-in Meldebogen into a pipeline's inbox.</summary>
internal static class UploadPage
{
    public static IResult Show(HttpContext http, PipelineRun run, ServerOptions server)
    {
        var body = new StringBuilder()
            .Append("<p>Eine korrigierte Lieferung oder einen ausgefüllten Meldebogen in den Eingang einer Pipeline legen. Die Datei wird vorher mit dem Leser der Pipeline geöffnet und vollständig gelesen; was nicht lesbar ist, wird mit Begründung abgelehnt und nicht abgelegt. Geladen wird sie beim nächsten Lauf der Pipeline – oder sofort mit „Jetzt laden“.</p>")
            .Append(CultureInfo.InvariantCulture, $"<form class=\"upload\" method=\"post\" enctype=\"multipart/form-data\" action=\"{Url(http, WorkspaceEndpoints.Upload)}\">{Token(http)}")
            .Append("<label>Pipeline<select name=\"pipeline\" required>");
        foreach (var p in run.Pipelines)
        {
            body.Append(CultureInfo.InvariantCulture, $"<option value=\"{E(p.Name)}\">{E(p.Name)} – {E(p.Source)} (Dateien {E(p.Files)})</option>");
        }

        body.Append("</select></label>")
            .Append(CultureInfo.InvariantCulture, $"<label>Datei (höchstens {N(server.UploadLimitBytes / (1024 * 1024))} MB; der Name muss zum Dateimuster der Pipeline passen)<input type=\"file\" name=\"datei\" required></label>")
            .Append("<button type=\"submit\">Prüfen und in den Eingang legen</button></form>");
        if (run.Options.Files.StableFor > TimeSpan.Zero)
        {
            body.Append(CultureInfo.InvariantCulture,
                $"<p class=\"hinweis\">Eine Datei wird erst übernommen, wenn sie {N((long)run.Options.Files.StableFor.TotalSeconds)} Sekunden unverändert im Eingang liegt; „Jetzt laden“ direkt nach dem Hochladen stellt sie sonst bis zum nächsten Lauf zurück.</p>");
        }

        return Page(http, WorkspaceEndpoints.Upload, "Datei hochladen", body.ToString());
    }
}
