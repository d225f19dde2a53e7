using Bielefeld.Etl.Loading;

namespace Bielefeld.Etl.Jobs;

/// <summary>Why an entry of an inbox folder was refused without being opened. It is recorded (status <c>abgewiesen</c>), never silently skipped.</summary>
public static class InboxReasons
{
    /// <summary>The entry is a symbolic link: it could point anywhere outside the inbox.</summary>
    public static ReasonCode Link { get; } = new("EINGANG_VERKNUEPFUNG", "Der Eintrag im Eingang ist eine Verknüpfung (Link), keine Datei; er wird nicht geöffnet.");

    /// <summary>
    /// The entry has 0 bytes: an empty file, or a pipe or device (which .NET on Linux cannot tell from a file, and
    /// whose opening could block the run). Never opened.
    /// </summary>
    public static ReasonCode Empty { get; } = new("EINGANG_LEER", "Der Eintrag im Eingang hat 0 Byte: eine leere Datei, eine Pipe oder ein Gerät; er wird nicht geöffnet.");

    /// <summary>The name would resolve outside the inbox (<c>..</c>, an absolute path, a folder).</summary>
    public static ReasonCode PathOutside { get; } = new("EINGANG_PFAD_UNZULAESSIG", "Der Name führt aus dem Eingangsordner hinaus; erlaubt ist nur ein Dateiname.");

    /// <summary>The name is longer than <see cref="InboxPath.MaxNameBytes"/>: archive and steward reports could not name the file.</summary>
    public static ReasonCode NameTooLong { get; } = new("EINGANG_NAME_ZU_LANG", "Der Dateiname ist zu lang; Archiv und Berichte könnten die Datei nicht benennen.");
}
