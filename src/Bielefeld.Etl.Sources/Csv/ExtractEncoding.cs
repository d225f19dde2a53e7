using System.Text;

namespace Bielefeld.Etl.Sources.Csv;

/// <summary>
/// Tells which encoding a delivered text file is in: a byte order mark decides; without one, bytes that are valid
/// UTF-8 are UTF-8, anything else is Windows-1252 (what older exports from Windows systems write). Umlauts come out
/// right either way; nothing is guessed beyond these two, which the contracts allow.
/// </summary>
public static class ExtractEncoding
{
    private const int SampleBytes = 1 << 20;

    static ExtractEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, the legacy encoding of the contracts.</summary>
    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>Detects the encoding from the first megabyte of <paramref name="path"/>.</summary>
    public static Encoding Detect(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[SampleBytes];
        var length = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return Detect(buffer.AsSpan(0, length), complete: length < SampleBytes);
    }

    /// <summary>Detects the encoding of a sample; <paramref name="complete"/> says whether the sample is the whole file.</summary>
    public static Encoding Detect(ReadOnlySpan<byte> sample, bool complete)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        // A sample cut inside a multi-byte sequence is not evidence against UTF-8: ignore up to three trailing bytes.
        var checkable = complete ? sample : sample[..Math.Max(0, sample.Length - 3)];
        return System.Text.Unicode.Utf8.IsValid(checkable) ? Encoding.UTF8 : Windows1252;
    }
}
