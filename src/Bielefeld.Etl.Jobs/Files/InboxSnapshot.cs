using System.Security.Cryptography;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Files;

/// <summary>
/// A private copy of an inbox file, hashed while it is copied: the reader reads the copy, so what is loaded is exactly
/// the bytes the fingerprint names, whatever a writer still does to the inbox file. A copy whose hash differs from the
/// fingerprint (the file changed between fingerprint and copy) is refused as not ready, and nothing is loaded.
/// </summary>
public sealed class InboxSnapshot : IDisposable
{
    private const int BufferSize = 1 << 20;
    private readonly DirectoryInfo _folder;

    private InboxSnapshot(DirectoryInfo folder, string path)
    {
        _folder = folder;
        Path = path;
    }

    /// <summary>The copy, under the file's own name (readers take project and period from it), in a folder only this process may read.</summary>
    public string Path { get; }

    /// <summary>Copies <paramref name="file"/> into a new private temporary folder.</summary>
    /// <exception cref="FileNotReadyException">The bytes differ from <paramref name="file"/>'s fingerprint: the file is still being written.</exception>
    public static InboxSnapshot Take(ExtractFile file)
    {
        // Created with mode 0700 on Unix: no other account can swap or read the copy.
        var folder = Directory.CreateTempSubdirectory("bielefeld-etl-");
        var snapshot = new InboxSnapshot(folder, System.IO.Path.Combine(folder.FullName, file.Name));
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            using (var source = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan))
            using (var copy = new FileStream(snapshot.Path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    copy.Write(buffer, 0, read);
                    size += read;
                }
            }

            if (size != file.Size || !string.Equals(Convert.ToHexStringLower(hash.GetHashAndReset()), file.Sha256, StringComparison.Ordinal))
            {
                throw new FileNotReadyException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"hat sich seit dem Fingerabdruck geändert ({file.Size} Byte, beim Lesen {size} Byte; wird noch geschrieben), nichts davon wurde geladen"));
            }

            return snapshot;
        }
        catch
        {
            snapshot.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A reader that still holds the copy open on Windows; the temporary folder is the system's to clean.
        }
    }
}
