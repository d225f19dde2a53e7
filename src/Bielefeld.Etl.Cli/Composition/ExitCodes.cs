namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// The exit codes of every command; the table in README.md ("Exit codes") says the same. A scheduler needs two
/// questions answered: did it work (0), and will the next run fix it by itself (1) or must a person act (everything else)?
/// </summary>
public static class ExitCodes
{
    /// <summary>Done; rejected rows and refused files included, they are recorded for the stewards.</summary>
    public const int Success = 0;

    /// <summary>
    /// A technical fault of the moment: a file could not be loaded (nothing of it was kept), or the warehouse server
    /// could not be reached after the retries. The next run tries again by itself.
    /// </summary>
    public const int TechnicalFailure = 1;

    /// <summary>
    /// The set-up is wrong and stays wrong until a person fixes it: catalog, pipeline file, provider, a missing or
    /// unreadable inbox, a warehouse that does not exist, a refused login.
    /// </summary>
    public const int ConfigurationError = 2;

    /// <summary>The command line is wrong: unknown command or option, missing or invalid argument (sysexits EX_USAGE).</summary>
    public const int Usage = 64;

    /// <summary>A bug: an exception nobody expected; the message is followed by the stack trace (sysexits EX_SOFTWARE).</summary>
    public const int InternalError = 70;

    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>Stopped by SIGTERM (a service manager, <c>kill</c>): 128 + 15.</summary>
    public const int Terminated = 143;
}
