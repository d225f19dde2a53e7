namespace Bielefeld.Etl.Jobs;

/// <summary>
/// The inbox root does not exist or cannot be read: an unmounted share or a typo, never "no files tonight". A run
/// refuses to start rather than report a quiet night.
/// </summary>
public sealed class InboxUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InboxUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public InboxUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public InboxUnavailableException()
    {
    }
}
