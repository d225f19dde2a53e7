namespace Bielefeld.Etl.Loading;

/// <summary>
/// A file that cannot be read at all without guessing (wrong sheet, unknown project, a year that contradicts the
/// file name). Nothing of it is loaded; the file stays where it is and the error is recorded against it.
/// </summary>
public sealed class ExtractFileException : Exception
{
    /// <summary>Creates the exception with a reason code and a message a steward can act on.</summary>
    public ExtractFileException(ReasonCode reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Creates the exception from an underlying failure (a corrupt workbook).</summary>
    public ExtractFileException(ReasonCode reason, string message, Exception inner)
        : base(message, inner)
    {
        Reason = reason;
    }

    /// <summary>The file-level reason (<see cref="FileReasons"/>).</summary>
    public ReasonCode Reason { get; }
}
