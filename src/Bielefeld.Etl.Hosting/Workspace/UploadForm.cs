using System.IO.Enumeration;
using System.Security.Cryptography;
using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>
/// <c>POST /arbeitsplatz/hochladen</c> (multipart): the request is limited to the configured size before anything is
/// read and the antiforgery token checked; then the file is taken into a pipeline's inbox only once it is known to be
/// readable. The target is resolved with <see cref="InboxPath"/> (a name only: no folder, no <c>..</c>, no absolute
/// path) and must match the pipeline's <c>files</c> pattern. The bytes go first into a hidden folder inside the inbox,
/// which the inbox scan passes over, under the file's own name (readers read project, area or month from it); the
/// pipeline's reader then opens the file and reads every row. A refused file is deleted with the reason shown; an
/// accepted one is renamed into place, which is atomic on the same file system, and the answer shows the row counts the
/// reader found with the button to load the pipeline now. A different file of the same name already waiting is never
/// overwritten.
/// </summary>
internal static class UploadForm
{
    private const long FormOverhead = 64 * 1024;
    private const string StagingPrefix = ".hochladen-";

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
        return form.Files.GetFile("datei") switch
        {
            null => Refuse(http, "Es wurde keine Datei ausgewählt.", StatusCodes.Status400BadRequest),
            { Length: var length } when length > limit => Refuse(http, TooLarge(limit), StatusCodes.Status413PayloadTooLarge),
            var file => run.Pipelines.FirstOrDefault(p => p.Name == pipeline) is { } definition
                ? await AcceptAsync(http, run, definition, file)
                : Refuse(http, $"Eine Pipeline '{pipeline}' gibt es nicht.", StatusCodes.Status400BadRequest),
        };
    }

    private static async Task<IResult> AcceptAsync(HttpContext http, PipelineRun run, PipelineDefinition definition, IFormFile file)
    {
        var folder = Path.Combine(run.Options.Inbox, definition.Inbox);
        if (InboxPath.TryResolve(folder, file.FileName, out var refusal) is not { } target)
        {
            return Refuse(http, $"Nicht angenommen: {refusal}", StatusCodes.Status400BadRequest);
        }

        if (InboxPath.LengthRefusal(target.Name) is { } tooLong)
        {
            return Refuse(http, $"Nicht angenommen ({InboxReasons.NameTooLong.Code}): {tooLong}", StatusCodes.Status400BadRequest);
        }

        if (target.Name.StartsWith('.') || target.Name.StartsWith("~$", StringComparison.Ordinal)
            || !FileSystemName.MatchesSimpleExpression(definition.Files, target.Name, ignoreCase: true))
        {
            return Refuse(http, $"Nicht angenommen: '{target.Name}' passt nicht zu den Dateien der Pipeline {definition.Name} ({definition.Files}); die Pipeline würde sie nie laden.",
                StatusCodes.Status422UnprocessableEntity);
        }

        Directory.CreateDirectory(folder);
        var staging = InboxPath.Resolve(folder, StagingPrefix + Guid.NewGuid().ToString("N"));
        var ct = http.RequestAborted;
        try
        {
            var dir = Directory.CreateDirectory(staging.FullPath);
            if (OperatingSystem.IsWindows())
            {
                dir.Attributes |= FileAttributes.Hidden;
            }

            var temp = InboxPath.Resolve(staging.FullPath, target.Name);
            await using (var copy = new FileStream(temp.FullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await file.CopyToAsync(copy, ct);
            }

            if (new FileInfo(temp.FullPath).Length == 0)
            {
                return Refuse(http, $"Nicht angenommen: '{target.Name}' ist leer (0 Byte).", StatusCodes.Status422UnprocessableEntity);
            }

            RowCounts counts;
            try
            {
                counts = run.CheckFile(definition.Name, temp.FullPath);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return Refuse(http, ex is ExtractFileException refused ? $"Nicht angenommen ({refused.Reason.Code}): {ex.Message}"
                    : $"Nicht angenommen: '{target.Name}' lässt sich nicht lesen ({ex.Message}).", StatusCodes.Status422UnprocessableEntity);
            }

            IResult Accepted(string text, int status) => WorkspaceHtml.Page<UploadAcceptedView>(http,
                new { Text = text, Status = status, Pipeline = definition.Name, Counts = counts }, status);
            // Rendered only when it is the answer: a page is rendered as it is made.
            IResult Conflict() => Refuse(http, $"Nicht angenommen: Im Eingang {definition.Inbox} wartet schon eine andere Datei '{target.Name}'; sie wird nicht überschrieben. Bitte warten, bis sie geladen (und archiviert) ist, oder die neue Datei umbenennen.",
                StatusCodes.Status409Conflict);
            if (new FileInfo(target.FullPath).LinkTarget is not null)
            {
                return Conflict();
            }

            if (File.Exists(target.FullPath))
            {
                return await SameBytesAsync(target.FullPath, temp.FullPath, ct)
                    ? Accepted($"'{target.Name}' liegt bereits unverändert im Eingang {definition.Inbox}.", StatusCodes.Status200OK)
                    : Conflict();
            }

            try
            {
                File.Move(temp.FullPath, target.FullPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(target.FullPath))
            {
                return Conflict();
            }

            return Accepted($"'{target.Name}' geprüft und in den Eingang {definition.Inbox} gelegt.", StatusCodes.Status201Created);
        }
        finally
        {
            if (Directory.Exists(staging.FullPath))
            {
                Directory.Delete(staging.FullPath, recursive: true);
            }
        }
    }

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken ct)
    {
        await using Stream first = File.OpenRead(a), second = File.OpenRead(b);
        var (one, two) = (await SHA256.HashDataAsync(first, ct), await SHA256.HashDataAsync(second, ct));
        return one.AsSpan().SequenceEqual(two);
    }

    private static string TooLarge(long limit) =>
        $"Nicht angenommen: die Datei ist größer als {(limit >= 1 << 20 ? $"{GermanText.Count(limit >> 20)} MB" : $"{GermanText.Count(limit >> 10)} KB")}.";

    private static IResult Refuse(HttpContext http, string message, int status) =>
        WorkspaceHtml.Message(http, WorkspaceEndpoints.Upload, "Datei nicht angenommen", message, WorkspaceEndpoints.Upload, "zurück zum Hochladen", status);
}
