using System.Globalization;

namespace Bielefeld.Etl.Jobs.Files;

/// <summary>
/// Whether an inbox file is complete: unchanged for the stability window and not held open by its writer. A file
/// that is not is left for the next run, neither loaded nor counted as a failure.
/// </summary>
public static class FileReadiness
{
    /// <summary>What a file looks like at one moment: its size and last write time.</summary>
    public readonly record struct Snapshot(long Size, DateTime LastWriteUtc)
    {
        /// <summary>Reads the snapshot of <paramref name="path"/>.</summary>
        public static Snapshot Of(string path)
        {
            var info = new FileInfo(path);
            return new Snapshot(info.Length, info.LastWriteTimeUtc);
        }
    }

    /// <summary>
    /// Null when <paramref name="path"/> may be taken now; otherwise why not, in words for the log. A file changed
    /// less than <paramref name="stableFor"/> ago is still being written.
    /// </summary>
    /// <exception cref="IOException">The file is locked (see <see cref="FileLock"/>): a transient fault, retried.</exception>
    public static string? NotReadyReason(string path, TimeSpan stableFor, DateTimeOffset now)
    {
        var snapshot = Snapshot.Of(path);
        var age = now.UtcDateTime - snapshot.LastWriteUtc;
        if (stableFor > TimeSpan.Zero && age < stableFor)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"zuletzt vor {Math.Max(0, age.TotalSeconds):0} s geändert, wird erst nach {stableFor.TotalSeconds:0} s ohne Änderung übernommen");
        }

        // Opening it as every reader does fails while a writer holds it exclusively.
        using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
        return null;
    }

    /// <summary>Null when the file is as it was in <paramref name="before"/>; otherwise why it must wait.</summary>
    public static string? ChangedSince(string path, Snapshot before) =>
        Snapshot.Of(path) == before ? null : "hat sich während des Lesens geändert (wird noch geschrieben)";
}
