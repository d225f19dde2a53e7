using System.Security.Cryptography;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs;

/// <summary>Finds a pipeline's files in its inbox folder and fingerprints them.</summary>
public static class InboxFile
{
    /// <summary>
    /// The regular files directly in <paramref name="folder"/> that match <paramref name="pattern"/>, in name order.
    /// Links and sub-folders are not followed: nothing outside the inbox is ever read.
    /// </summary>
    public static IReadOnlyList<string> Find(string folder, string pattern)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return new DirectoryInfo(folder)
            .EnumerateFiles(pattern, new EnumerationOptions { RecurseSubdirectories = false, MatchCasing = MatchCasing.CaseInsensitive, AttributesToSkip = FileAttributes.Hidden })
            .Where(f => f.LinkTarget is null && !f.Name.StartsWith("~$", StringComparison.Ordinal))
            .Select(f => f.FullName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Fingerprints a file by streaming it through SHA-256.</summary>
    public static async Task<ExtractFile> FingerprintAsync(string pipeline, string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return new ExtractFile(pipeline, path, Convert.ToHexStringLower(hash), stream.Length);
    }
}
