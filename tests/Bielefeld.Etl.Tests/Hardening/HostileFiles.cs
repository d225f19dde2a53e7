using System.IO.Compression;
using System.Text;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>Deterministic generators of broken and hostile extract files (seeded <see cref="Random"/>, no fuzzing package).</summary>
public static class HostileFiles
{
    /// <summary>The first <paramref name="length"/> bytes of <paramref name="source"/>, as a transfer cut short leaves them.</summary>
    public static string Truncated(string source, string target, int length)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(target, bytes[..Math.Min(length, bytes.Length)]);
        return target;
    }

    /// <summary><paramref name="source"/> with <paramref name="flips"/> random bytes overwritten.</summary>
    public static string Corrupted(string source, string target, Random random, int flips)
    {
        var bytes = File.ReadAllBytes(source);
        for (var i = 0; i < flips; i++)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        File.WriteAllBytes(target, bytes);
        return target;
    }

    /// <summary>Random bytes under whatever name <paramref name="target"/> has.</summary>
    public static string Garbage(string target, Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        File.WriteAllBytes(target, bytes);
        return target;
    }

    /// <summary>Random text that looks a little like CSV: separators, quotes, line breaks, umlauts, control characters.</summary>
    public static string CsvLike(string target, Random random, string header, int lines)
    {
        const string alphabet = "abcXYZ019;;;,,,\"\"\n\r\t  äöüß€.-*=+@";
        var text = new StringBuilder(header).Append('\n');
        for (var line = 0; line < lines; line++)
        {
            var length = random.Next(0, 80);
            for (var i = 0; i < length; i++)
            {
                text.Append(alphabet[random.Next(alphabet.Length)]);
            }

            text.Append('\n');
        }

        File.WriteAllText(target, text.ToString(), new UTF8Encoding(random.Next(2) == 0));
        return target;
    }

    /// <summary>A zip named like a workbook whose one entry unpacks to <paramref name="unpackedMegabytes"/> MiB of zeros.</summary>
    public static string ZipBomb(string target, int unpackedMegabytes)
    {
        using (var archive = ZipFile.Open(target, ZipArchiveMode.Create))
        {
            using var entry = archive.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1 << 20];
            for (var i = 0; i < unpackedMegabytes; i++)
            {
                entry.Write(zeros);
            }
        }

        return target;
    }

    /// <summary>
    /// <paramref name="workbook"/> with its shared strings grown to <paramref name="megabytes"/> MiB of distinct texts
    /// after its own (so every cell still reads): packed well below the archive's ratio limit.
    /// </summary>
    public static string SharedStringsBomb(string workbook, string target, int megabytes)
    {
        using var source = ZipFile.OpenRead(workbook);
        using var archive = ZipFile.Open(target, ZipArchiveMode.Create);
        var sharedStrings = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"></sst>";
        foreach (var entry in source.Entries)
        {
            using var from = entry.Open();
            if (entry.FullName.Equals("xl/sharedStrings.xml", StringComparison.OrdinalIgnoreCase))
            {
                sharedStrings = new StreamReader(from).ReadToEnd();
                continue;
            }

            using var to = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
            from.CopyTo(to);
        }

        // Workbooks written with inline strings (ours) have no shared strings part; Excel's always do, so the bomb adds one.
        using var bomb = archive.CreateEntry("xl/sharedStrings.xml", CompressionLevel.Optimal).Open();
        using var writer = new StreamWriter(bomb, new UTF8Encoding(false), 1 << 16);
        writer.Write(sharedStrings[..sharedStrings.LastIndexOf("</sst>", StringComparison.Ordinal)]);
        long written = 0;
        for (var i = 0; written < (long)megabytes << 20; i++)
        {
            var text = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<si><t>Text {i:D9}</t></si>");
            writer.Write(text);
            written += text.Length;
        }

        writer.Write("</sst>");
        return target;
    }

    /// <summary>A header line, some good lines, then one line of <paramref name="megabytes"/> MiB without a line break.</summary>
    public static string LongLine(string target, string header, IEnumerable<string> before, int megabytes)
    {
        using var stream = new FileStream(target, FileMode.Create, FileAccess.Write);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false));
        writer.Write(header + "\n");
        foreach (var line in before)
        {
            writer.Write(line + "\n");
        }

        var chunk = new string('x', 1 << 20);
        for (var i = 0; i < megabytes; i++)
        {
            writer.Write(chunk);
        }

        return target;
    }
}
