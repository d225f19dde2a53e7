using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>Finds a pipeline's files in its inbox folder and fingerprints them.</summary>
public static class InboxFile
{
    /// <summary>
    /// The regular files directly in <paramref name="folder"/> that match <paramref name="pattern"/>, in name order.
    /// Links and sub-folders are not followed: nothing outside the inbox is ever read. Entries that are refused
    /// (see <see cref="Scan"/>) are not among them.
    /// </summary>
    public static IReadOnlyList<string> Find(string folder, string pattern) => Scan(folder, pattern).Files;

    /// <summary>
    /// Lists <paramref name="folder"/>: the files to load, and the entries matching <paramref name="pattern"/> that
    /// are refused without being opened: symbolic links (<see cref="InboxReasons.Link"/>), entries of 0 bytes, which
    /// include pipes and devices (<see cref="InboxReasons.Empty"/>), names that escape (<see cref="InboxReasons.PathOutside"/>).
    /// Sub-folders (archive, quarantine), hidden entries and Excel's lock files (<c>~$…</c>) are passed over.
    /// </summary>
    public static InboxListing Scan(string folder, string pattern)
    {
        if (!Directory.Exists(folder))
        {
            return new InboxListing([], []);
        }

        var files = new List<string>();
        var refused = new List<RefusedInboxEntry>();
        var entries = new DirectoryInfo(folder).EnumerateFileSystemInfos(pattern,
            new EnumerationOptions { RecurseSubdirectories = false, MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = FileAttributes.Hidden });
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (entry.Name.StartsWith("~$", StringComparison.Ordinal) || (entry is DirectoryInfo && entry.LinkTarget is null))
            {
                continue;
            }

            if (InboxPath.TryResolve(folder, entry.Name, out var outside) is not { } path)
            {
                refused.Add(new RefusedInboxEntry(entry.FullName, InboxReasons.PathOutside, outside!));
            }
            else if (InboxPath.LengthRefusal(entry.Name) is { } tooLong)
            {
                refused.Add(new RefusedInboxEntry(path.FullPath, InboxReasons.NameTooLong, tooLong));
            }
            else if (entry.LinkTarget is { } target)
            {
                refused.Add(new RefusedInboxEntry(path.FullPath, InboxReasons.Link,
                    $"{entry.Name} ist eine Verknüpfung auf '{target}'; geladen werden nur Dateien, die im Eingang selbst liegen."));
            }
            else if (entry is FileInfo { Length: 0 })
            {
                refused.Add(new RefusedInboxEntry(path.FullPath, InboxReasons.Empty,
                    $"{entry.Name} hat 0 Byte (leer, oder eine Pipe bzw. ein Gerät); der Eintrag wird nicht geöffnet."));
            }
            else
            {
                files.Add(path.FullPath);
            }
        }

        return new InboxListing(files, refused);
    }

    /// <summary>Fingerprints a file by streaming it through SHA-256 (every byte: exactly once by content).</summary>
    /// <exception cref="IOException">The entry became a link or empty since it was listed; it is not opened.</exception>
    public static Task<ExtractFile> FingerprintAsync(string pipeline, string path, CancellationToken cancellationToken) =>
        Task.FromResult(Fingerprint(pipeline, path, cancellationToken));

    private static ExtractFile Fingerprint(string pipeline, string path, CancellationToken cancellationToken)
    {
        // Checked again right before opening: the entry may have been swapped for a link or a pipe since the listing.
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || (info.Exists && info.Length == 0))
        {
            throw new IOException($"{info.Name} ist seit dem Auflisten eine Verknüpfung oder leer geworden; der Eintrag wird nicht geöffnet.");
        }

        // Read synchronously in chunks of 1 MiB straight into the hash (no FileStream buffer), not as asynchronous 64 KiB
        // reads, each a hand-off to the thread pool: the 678 MB bench file took 4.45 s so and 1.70 s this way in a run
        // with nothing new on a loaded machine (docs/performance.md, "Nightly with nothing new at 10 M").
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 0, FileOptions.SequentialScan);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, ChunkBytes)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                sha.AppendData(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new ExtractFile(pipeline, path, Convert.ToHexStringLower(sha.GetHashAndReset()), stream.Length);
    }

    private const int ChunkBytes = 1 << 20;

    /// <summary>
    /// The record of a refused entry, which is never opened: its fingerprint is taken over its path and reason
    /// instead of its bytes, so that the same entry refused again the next night is recorded once.
    /// </summary>
    public static ExtractFile Unopened(string pipeline, RefusedInboxEntry entry) =>
        new(pipeline, entry.Path,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"eingang\0{entry.Path}\0{entry.Reason.Code}"))), 0);
}

/// <summary>An inbox folder's entries: the files to load and the refused ones.</summary>
/// <param name="Files">Absolute paths of the regular files to load, in name order.</param>
/// <param name="Refused">Entries refused without being opened.</param>
public sealed record InboxListing(IReadOnlyList<string> Files, IReadOnlyList<RefusedInboxEntry> Refused);

/// <summary>An inbox entry refused without being opened.</summary>
/// <param name="Path">Where it lies.</param>
/// <param name="Reason">Why (<see cref="InboxReasons"/>).</param>
/// <param name="Message">What an operator must know.</param>
public sealed record RefusedInboxEntry(string Path, ReasonCode Reason, string Message);
