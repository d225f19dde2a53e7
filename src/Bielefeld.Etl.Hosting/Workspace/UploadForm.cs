using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>POST /arbeitsplatz/hochladen</c> (multipart): the request is limited to the configured size before anything is
/// read, the antiforgery token checked, then the file handed to <see cref="InboxUpload"/>. The answer says what became of
/// it, with the row counts the reader found and the button to load the pipeline now.
/// </summary>
internal static class UploadForm
{
    private const long FormOverhead = 64 * 1024;

    public static async Task<IResult> PostAsync(HttpContext http, PipelineRun run, long limit)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + FormOverhead;
        }

        if (http.Request.ContentLength > limit + FormOverhead)
        {
            return Refuse(http, TooLarge(limit), StatusCodes.Status413PayloadTooLarge);
        }

        if (!http.Request.HasFormContentType)
        {
            return Refuse(http, "Das Formular muss als multipart/form-data gesendet werden.", StatusCodes.Status400BadRequest);
        }

        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit + FormOverhead, ValueCountLimit = 16 }));
        IFormCollection form;
        try
        {
            if (await WorkspaceEndpoints.RefuseForgedAsync(http) is { } refused)
            {
                return refused;
            }

            form = await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (Exception ex) when (ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } or InvalidDataException)
        {
            return Refuse(http, TooLarge(limit), StatusCodes.Status413PayloadTooLarge);
        }

        var pipeline = form["pipeline"].ToString();
        if (form.Files.GetFile("datei") is not { } file)
        {
            return Refuse(http, "Es wurde keine Datei ausgewählt.", StatusCodes.Status400BadRequest);
        }

        if (file.Length > limit)
        {
            return Refuse(http, TooLarge(limit), StatusCodes.Status413PayloadTooLarge);
        }

        await using var content = file.OpenReadStream();
        var outcome = await InboxUpload.AcceptAsync(run, pipeline, file.FileName, content, http.RequestAborted);
        if (!outcome.Accepted)
        {
            return Refuse(http, outcome.Message, outcome.Status);
        }

        return WorkspaceHtml.Page<UploadAcceptedView>(http, new { Text = outcome.Message, Status = outcome.Status, Pipeline = pipeline,
            Counts = outcome.Counts!.Value }, outcome.Status);
    }

    private static string TooLarge(long limit) =>
        $"Nicht angenommen: die Datei ist größer als {(limit >= 1 << 20 ? $"{GermanText.Count(limit >> 20)} MB" : $"{GermanText.Count(limit >> 10)} KB")}.";

    private static IResult Refuse(HttpContext http, string message, int status) =>
        WorkspaceHtml.Message(http, WorkspaceEndpoints.Upload, "Datei nicht angenommen", message, WorkspaceEndpoints.Upload, "zurück zum Hochladen", status);
}
