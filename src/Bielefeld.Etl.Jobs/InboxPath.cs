namespace Bielefeld.Etl.Jobs;

/// <summary>
/// A file name resolved inside an inbox folder, and only there: no folders, no <c>..</c>, no absolute path, no link.
/// The run resolves every listed entry through it; an upload (a steward's browser, a transfer service) must too.
/// </summary>
public sealed class InboxPath
{
    /// <summary>
    /// The longest file name taken in, in UTF-8 bytes. File systems allow 255; the archive (<c>.&lt;sha&gt;-n</c>) and the
    /// steward reports (<c>abgewiesen_&lt;Nr&gt;_…html</c>) add to the name, and that must still fit.
    /// </summary>
    public const int MaxNameBytes = 200;

    private InboxPath(string root, string name)
    {
        Root = root;
        Name = name;
        FullPath = Path.Combine(root, name);
    }

    /// <summary>The inbox folder, absolute.</summary>
    public string Root { get; }

    /// <summary>The file name, without folders.</summary>
    public string Name { get; }

    /// <summary>The absolute path of the file, directly inside <see cref="Root"/>.</summary>
    public string FullPath { get; }

    /// <summary>
    /// Resolves <paramref name="name"/> inside <paramref name="root"/>, or says why it may not be: a name with a folder
    /// separator, <c>..</c> or a drive, an absolute path, a control character, or a path that would end outside the
    /// inbox. Whether the entry exists is not checked (see <see cref="InboxFile.Scan"/> for what a listed entry must be).
    /// </summary>
    /// <returns>Null and the reason's message in <paramref name="refusal"/> when the name escapes.</returns>
    public static InboxPath? TryResolve(string root, string name, out string? refusal)
    {
        refusal = Check(name);
        if (refusal is not null)
        {
            return null;
        }

        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var candidate = new InboxPath(fullRoot, name);
        if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(candidate.FullPath)), fullRoot, StringComparison.Ordinal))
        {
            refusal = $"'{name}' läge außerhalb des Eingangs {fullRoot}.";
            return null;
        }

        return candidate;
    }

    /// <summary>Resolves <paramref name="name"/> inside <paramref name="root"/>.</summary>
    /// <exception cref="ArgumentException">The name escapes the inbox (the message says how).</exception>
    public static InboxPath Resolve(string root, string name) =>
        TryResolve(root, name, out var refusal) ?? throw new ArgumentException(refusal, nameof(name));

    /// <summary>Why <paramref name="name"/> is too long to be taken in (<see cref="MaxNameBytes"/>); null when it is not.</summary>
    public static string? LengthRefusal(string name)
    {
        var bytes = System.Text.Encoding.UTF8.GetByteCount(name);
        return bytes > MaxNameBytes
            ? $"Der Dateiname ist {bytes} Byte lang; erlaubt sind höchstens {MaxNameBytes} Byte (Archiv und Berichte hängen noch etwas an). Bitte die Datei kürzer benennen."
            : null;
    }

    private static string? Check(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Der Dateiname ist leer.";
        }

        if (Path.IsPathRooted(name) || name.Contains(':', StringComparison.Ordinal))
        {
            return $"'{name}' ist ein absoluter Pfad; erlaubt ist nur ein Dateiname.";
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            return $"'{name}' enthält einen Ordner; erlaubt ist nur ein Dateiname.";
        }

        if (name is "." or ".." || name.Contains("..", StringComparison.Ordinal))
        {
            return $"'{name}' enthält '..'; erlaubt ist nur ein Dateiname.";
        }

        return name.Any(char.IsControl) ? "Der Dateiname enthält Steuerzeichen." : null;
    }
}
