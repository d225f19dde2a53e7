namespace Bielefeld.Etl.Warehouse;

/// <summary>How the load of one file ended. The reporting views show the German names.</summary>
public enum FileLoadStatus
{
    /// <summary>Loaded, in one transaction; rejected rows are recorded beside it.</summary>
    Loaded,

    /// <summary>These exact bytes were loaded before; nothing was done.</summary>
    AlreadyLoaded,

    /// <summary>The whole file was refused (drift that would need guessing); nothing of it was loaded.</summary>
    Refused,

    /// <summary>Loading failed for a technical reason; nothing of it was loaded and the next run tries again.</summary>
    Failed,
}

/// <summary>The names of load statuses in the warehouse and its views.</summary>
public static class FileLoadStatusNames
{
    /// <summary>The stored name of a status.</summary>
    public static string ToStoredName(this FileLoadStatus status) => status switch
    {
        FileLoadStatus.Loaded => "geladen",
        FileLoadStatus.AlreadyLoaded => "bereits_geladen",
        FileLoadStatus.Refused => "abgewiesen",
        _ => "fehlgeschlagen",
    };
}
