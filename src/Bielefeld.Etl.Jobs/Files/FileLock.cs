namespace Bielefeld.Etl.Jobs.Files;

/// <summary>Recognises "the file is in use by another process": a writer still has it open exclusively.</summary>
public static class FileLock
{
    private const int SharingViolation = 32;
    private const int LockViolation = 33;
    private const int LinuxWouldBlock = 11;
    private const int MacWouldBlock = 35;

    /// <summary>
    /// Whether <paramref name="exception"/> (or its cause) says the file is locked. Windows reports a sharing or lock
    /// violation; on Linux and macOS .NET takes an advisory lock for a FileStream opened without sharing (as
    /// <c>File.Create</c> and <c>File.OpenWrite</c> do), and a reader then gets EWOULDBLOCK as the HResult.
    /// Writers that take no lock (cp, rsync) are caught by the stability window instead.
    /// </summary>
    public static bool IsLocked(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException or PathTooLongException => false,
        IOException io when OperatingSystem.IsWindows() && (io.HResult & 0xFFFF) is SharingViolation or LockViolation => true,
        IOException io when !OperatingSystem.IsWindows() && io.HResult is LinuxWouldBlock or MacWouldBlock => true,
        _ => exception.InnerException is { } inner && IsLocked(inner),
    };
}
