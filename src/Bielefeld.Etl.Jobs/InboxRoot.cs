namespace Bielefeld.Etl.Jobs;

/// <summary>The inbox root every pipeline's folder lies below.</summary>
public static class InboxRoot
{
    /// <summary>
    /// Refuses an inbox root that is missing or unreadable. A missing pipeline folder below it is an ordinary night
    /// without deliveries; a missing root is a share that is not mounted or a path with a typo.
    /// </summary>
    /// <exception cref="InboxUnavailableException">The folder does not exist or cannot be listed.</exception>
    public static void RefuseUnavailable(string inbox)
    {
        if (!Directory.Exists(inbox))
        {
            throw new InboxUnavailableException(
                $"Der Eingang {inbox} existiert nicht (Freigabe nicht eingehängt oder Pfad falsch?); es wurde nichts geladen.");
        }

        try
        {
            using var entries = Directory.EnumerateFileSystemEntries(inbox).GetEnumerator();
            entries.MoveNext();
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            throw new InboxUnavailableException($"Der Eingang {inbox} ist nicht lesbar ({ex.Message}); es wurde nichts geladen.", ex);
        }
    }
}
