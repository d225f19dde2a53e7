using System.IO.Enumeration;
using System.Security.Cryptography;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Microsoft.AspNetCore.Http;

namespace Bielefeld.Etl.Hosting.Workspace;

/// <summary>What became of an upload: the HTTP status, the message for the steward, and on success the file's row counts.</summary>
internal sealed record UploadOutcome(int Status, string Message, string? Name = null, RowCounts? Counts = null)
{
    public bool Accepted => Status < 400;
}

/// <summary>
/// Takes a file into a pipeline's inbox only once it is known to be readable. The target is resolved with
/// <see cref="InboxPath"/> (a name only: no folder, no <c>..</c>, no absolute path) and must match the pipeline's
/// <c>files</c> pattern. The bytes go first into a hidden folder inside the inbox, which the inbox scan passes over,
/// under the file's own name (readers read project, area or month from it); the pipeline's reader then opens the file
/// and reads every row. A refused file is deleted with the reason shown; an accepted one is renamed into place, which
/// is atomic on the same file system. A different file of the same name already waiting is never overwritten.
/// </summary>
internal static class InboxUpload
{
    private const string StagingPrefix = ".hochladen-";

    public static async Task<UploadOutcome> AcceptAsync(PipelineRun run, string pipeline, string fileName, Stream content, CancellationToken ct)
    {
        var definition = run.Pipelines.FirstOrDefault(p => p.Name == pipeline);
        if (definition is null)
        {
            return new UploadOutcome(StatusCodes.Status400BadRequest, $"Eine Pipeline '{pipeline}' gibt es nicht.");
        }

        var folder = Path.Combine(run.Options.Inbox, definition.Inbox);
        if (InboxPath.TryResolve(folder, fileName, out var refusal) is not { } target)
        {
            return new UploadOutcome(StatusCodes.Status400BadRequest, $"Nicht angenommen: {refusal}");
        }

        if (InboxPath.LengthRefusal(target.Name) is { } tooLong)
        {
            return new UploadOutcome(StatusCodes.Status400BadRequest, $"Nicht angenommen ({InboxReasons.NameTooLong.Code}): {tooLong}");
        }

        if (target.Name.StartsWith('.') || target.Name.StartsWith("~$", StringComparison.Ordinal)
            || !FileSystemName.MatchesSimpleExpression(definition.Files, target.Name, ignoreCase: true))
        {
            return new UploadOutcome(StatusCodes.Status422UnprocessableEntity,
                $"Nicht angenommen: '{target.Name}' passt nicht zu den Dateien der Pipeline {definition.Name} ({definition.Files}); die Pipeline würde sie nie laden.");
        }

        Directory.CreateDirectory(folder);
        var staging = InboxPath.Resolve(folder, StagingPrefix + Guid.NewGuid().ToString("N"));
        try
        {
            var dir = Directory.CreateDirectory(staging.FullPath);
            if (OperatingSystem.IsWindows())
            {
                dir.Attributes |= FileAttributes.Hidden;
            }

            // The form has its length already (UploadForm refuses a file above the limit before it gets here).
            var temp = InboxPath.Resolve(staging.FullPath, target.Name);
            await using (var file = new FileStream(temp.FullPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await content.CopyToAsync(file, ct);
            }

            if (new FileInfo(temp.FullPath).Length == 0)
            {
                return new UploadOutcome(StatusCodes.Status422UnprocessableEntity, $"Nicht angenommen: '{target.Name}' ist leer (0 Byte).");
            }

            RowCounts counts;
            try
            {
                counts = run.CheckFile(definition.Name, temp.FullPath);
            }
            catch (ExtractFileException ex)
            {
                return new UploadOutcome(StatusCodes.Status422UnprocessableEntity, $"Nicht angenommen ({ex.Reason.Code}): {ex.Message}");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return new UploadOutcome(StatusCodes.Status422UnprocessableEntity, $"Nicht angenommen: '{target.Name}' lässt sich nicht lesen ({ex.Message}).");
            }

            if (new FileInfo(target.FullPath).LinkTarget is not null)
            {
                return Conflict(target, definition.Inbox);
            }

            if (File.Exists(target.FullPath))
            {
                return await SameBytesAsync(target.FullPath, temp.FullPath, ct)
                    ? new UploadOutcome(StatusCodes.Status200OK, $"'{target.Name}' liegt bereits unverändert im Eingang {definition.Inbox}.", target.Name, counts)
                    : Conflict(target, definition.Inbox);
            }

            try
            {
                File.Move(temp.FullPath, target.FullPath, overwrite: false);
            }
            catch (IOException) when (File.Exists(target.FullPath))
            {
                return Conflict(target, definition.Inbox);
            }

            return new UploadOutcome(StatusCodes.Status201Created, $"'{target.Name}' geprüft und in den Eingang {definition.Inbox} gelegt.", target.Name, counts);
        }
        finally
        {
            if (Directory.Exists(staging.FullPath))
            {
                Directory.Delete(staging.FullPath, recursive: true);
            }
        }
    }

    private static UploadOutcome Conflict(InboxPath target, string inbox) => new(StatusCodes.Status409Conflict,
        $"Nicht angenommen: Im Eingang {inbox} wartet schon eine andere Datei '{target.Name}'; sie wird nicht überschrieben. Bitte warten, bis sie geladen (und archiviert) ist, oder die neue Datei umbenennen.");

    private static async Task<bool> SameBytesAsync(string a, string b, CancellationToken ct)
    {
        await using var first = File.OpenRead(a);
        await using var second = File.OpenRead(b);
        var one = await SHA256.HashDataAsync(first, ct);
        var two = await SHA256.HashDataAsync(second, ct);
        return one.AsSpan().SequenceEqual(two);
    }
}
