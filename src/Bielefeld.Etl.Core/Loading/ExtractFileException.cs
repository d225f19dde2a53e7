namespace Bielefeld.Etl.Loading;

/// <summary>
/// A file that cannot be read at all without guessing (wrong sheet, unknown project, a year that contradicts the
/// file name). Nothing of it is loaded; the file stays where it is and the error is recorded against it.
/// </summary>
public sealed class ExtractFileException : Exception
{
    /// <summary>Creates the exception with a reason code and a message a steward can act on.</summary>
    public ExtractFileException(string reasonCode, string message)
        : base(message)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>Creates the exception from an underlying failure (a corrupt workbook).</summary>
    public ExtractFileException(string reasonCode, string message, Exception inner)
        : base(message, inner)
    {
        ReasonCode = reasonCode;
    }

    /// <summary>The stable code of the file-level reason (<c>DATEI_UNLESBAR</c>, ...).</summary>
    public string ReasonCode { get; }
}
