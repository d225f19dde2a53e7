using System.Globalization;
using System.Text;
using Bielefeld.Etl.Warehouse;

namespace Bielefeld.Etl.Jobs.Files;

/// <summary>
/// Moves files out of the inbox once their fate is settled: loaded (or already loaded) files to the archive, refused
/// files and files that kept failing to the quarantine with a reason file beside them. Nothing is ever deleted and
/// nothing is overwritten: a name that is taken gets the fingerprint's first characters added.
/// </summary>
public sealed class FileDisposition(FileHandling handling, TimeProvider time)
{
    private const string LedgerFolder = ".fehlversuche";

    /// <summary>Whether files move at all.</summary>
    public bool MovesFiles => handling.Archive is not null;

    /// <summary>Moves a loaded file to <c>&lt;archive&gt;/&lt;pipeline&gt;/&lt;yyyy-MM&gt;/</c>; returns where it went, or null when it stays.</summary>
    public string? Archive(ExtractFile file)
    {
        if (handling.Archive is null)
        {
            return null;
        }

        ClearFailures(file);
        var month = time.GetUtcNow().ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return Move(file, Path.Combine(handling.Archive, file.Pipeline, month));
    }

    /// <summary>Moves a file to <c>&lt;quarantine&gt;/&lt;pipeline&gt;/</c> and writes <c>&lt;name&gt;.grund.txt</c> beside it.</summary>
    public string? Quarantine(ExtractFile file, string reason)
    {
        if (handling.Quarantine is null)
        {
            return null;
        }

        var attempts = ReadFailures(file);
        var target = Move(file, Path.Combine(handling.Quarantine, file.Pipeline));
        if (target is null)
        {
            return null;
        }

        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Datei: {file.Name}")
            .AppendLine(CultureInfo.InvariantCulture, $"Pipeline: {file.Pipeline}")
            .AppendLine(CultureInfo.InvariantCulture, $"SHA-256: {file.Sha256}")
            .AppendLine(CultureInfo.InvariantCulture, $"Ursprünglicher Ort: {file.Path}")
            .AppendLine(CultureInfo.InvariantCulture, $"In Quarantäne seit: {time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'}")
            .AppendLine(CultureInfo.InvariantCulture, $"Grund: {reason}");
        foreach (var attempt in attempts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"Fehlversuch: {attempt}");
        }

        text.AppendLine("Was tun: den Grund beheben (Datei korrigieren oder die Ursache im Betrieb), dann die Datei zurück in den Eingang legen.");
        File.WriteAllText(target + ".grund.txt", text.ToString(), new UTF8Encoding(false));
        ClearFailures(file);
        return target;
    }

    /// <summary>Records one failed run of <paramref name="file"/>; returns how many there have been.</summary>
    public int RecordFailure(ExtractFile file, string reason)
    {
        if (handling.Quarantine is null)
        {
            return 1;
        }

        var ledger = LedgerPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(ledger)!);
        var line = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyy-MM-dd'T'HH:mm:ss'Z'} {reason.ReplaceLineEndings(" ")}");
        File.AppendAllLines(ledger, [line], new UTF8Encoding(false));
        return ReadFailures(file).Length;
    }

    private string[] ReadFailures(ExtractFile file)
    {
        var ledger = LedgerPath(file);
        return handling.Quarantine is not null && File.Exists(ledger) ? File.ReadAllLines(ledger, Encoding.UTF8) : [];
    }

    private void ClearFailures(ExtractFile file)
    {
        if (handling.Quarantine is not null && File.Exists(LedgerPath(file)))
        {
            // The ledger is ours, not a delivered file: it goes once its file is settled.
            File.Delete(LedgerPath(file));
        }
    }

    private string LedgerPath(ExtractFile file) => Path.Combine(handling.Quarantine!, LedgerFolder, file.Sha256 + ".txt");

    private static string? Move(ExtractFile file, string folder)
    {
        Directory.CreateDirectory(folder);
        var target = Path.Combine(folder, file.Name);
        for (var n = 1; File.Exists(target); n++)
        {
            var suffix = n == 1 ? file.Sha256[..12] : string.Create(CultureInfo.InvariantCulture, $"{file.Sha256[..12]}-{n}");
            target = Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(file.Name)}.{suffix}{Path.GetExtension(file.Name)}");
        }

        try
        {
            File.Move(file.Path, target, overwrite: false);
            return target;
        }
        catch (FileNotFoundException)
        {
            // Another server settled the same file first.
            return null;
        }
        catch (IOException) when (File.Exists(target) && !File.Exists(file.Path))
        {
            return null;
        }
    }
}
