namespace Bielefeld.Etl.Jobs.Files;

/// <summary>
/// What happens to inbox files around their load. Moving is off unless an archive folder is set: <c>run</c> leaves
/// files where they are (the README's sample run must not empty <c>samples/inbox</c>) unless called with
/// <c>--archive</c>; <c>serve</c> archives by default. Nothing is ever deleted.
/// </summary>
public sealed record FileHandling
{
    /// <summary>Files stay in the inbox; no stability window.</summary>
    public static FileHandling InPlace { get; } = new();

    /// <summary>
    /// Where loaded files go (and files whose bytes were already loaded), one folder per pipeline below it; null leaves
    /// them in the inbox.
    /// </summary>
    public string? Archive { get; init; }

    /// <summary>
    /// Where refused files and files that failed <see cref="QuarantineAfter"/> runs go, each with a reason file;
    /// also where the failure ledger lives. Null leaves them in the inbox.
    /// </summary>
    public string? Quarantine { get; init; }

    /// <summary>
    /// How long a file must be unchanged (last write time) before it is taken; a file younger than that is left for
    /// the next run. Zero takes every file that is not locked.
    /// </summary>
    public TimeSpan StableFor { get; init; } = TimeSpan.Zero;

    /// <summary>After how many runs in which a file failed for a technical reason it goes to quarantine.</summary>
    public int QuarantineAfter { get; init; } = 3;
}
