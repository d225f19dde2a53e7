namespace Bielefeld.Etl.Jobs.Files;

/// <summary>An inbox file is not complete yet; it stays for the next run.</summary>
public sealed class FileNotReadyException : Exception
{
    /// <summary>Creates the exception with why the file must wait.</summary>
    public FileNotReadyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception without details.</summary>
    public FileNotReadyException()
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public FileNotReadyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
