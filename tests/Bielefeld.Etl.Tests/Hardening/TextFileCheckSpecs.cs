using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Limits;

namespace Bielefeld.Etl.Tests.Hardening;

/// <summary>
/// The text check reads in 64 KiB blocks and searches line by line: a line that crosses a block boundary is measured
/// as a whole, and the first offending byte decides the reason and the line named.
/// </summary>
public sealed class TextFileCheckSpecs : IDisposable
{
    private static readonly ExtractLimits Small = new() { MaxRecordBytes = 100, MaxColumns = 10 };
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>8,190 short lines (65,520 bytes), then <paramref name="last"/>, which starts 16 bytes before the first block boundary.</summary>
    private string Write(string last)
    {
        var text = new StringBuilder();
        for (var i = 0; i < 8_190; i++)
        {
            text.Append("1;2;3;4\n");
        }

        text.Append(last).Append("\r\n1;2\n");
        var path = _dir.File("grenze.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return path;
    }

    private static ReasonCode? Refusal(string path)
    {
        try
        {
            TextFileCheck.Check(path, Small);
            return null;
        }
        catch (ExtractFileException ex)
        {
            Assert.Contains("Zeile 8.191", ex.Message, StringComparison.Ordinal);
            return ex.Reason;
        }
    }

    [Fact]
    public void A_line_across_the_block_boundary_at_the_limits_passes()
    {
        // 99 bytes + CR = 100 bytes; 9 separators of one kind, 9 of the other.
        Assert.Null(Refusal(Write(new string('x', 63) + ";;;;;;;;;" + ",,,,,,,,," + new string('y', 18))));
    }

    [Fact]
    public void One_byte_more_across_the_block_boundary_is_refused_with_its_line()
    {
        Assert.Equal(ExtractLimitReasons.RecordTooLong, Refusal(Write(new string('x', 100))));
    }

    [Fact]
    public void A_tenth_separator_after_the_block_boundary_is_refused_with_its_line()
    {
        Assert.Equal(ExtractLimitReasons.TooManyColumns, Refusal(Write(new string('x', 20) + ";;;;;;;;;;")));
    }

    [Fact]
    public void A_NUL_byte_after_the_block_boundary_is_refused_with_its_line_before_the_length_that_follows()
    {
        Assert.Equal(ExtractLimitReasons.NulByte, Refusal(Write(new string('x', 20) + "\0" + new string('x', 200))));
    }

    [Theory]
    [InlineData("NUL_BYTE")]
    [InlineData("ZU_VIELE_SPALTEN")]
    [InlineData("ZEILE_ZU_LANG")]
    public void Lines_passed_many_at_a_time_keep_their_numbers(string reason)
    {
        // 30,000 lines of 18-20 bytes are passed a window of 200 bytes (MaxColumns) at a time; the faulty line after
        // them is still the one named.
        var text = new StringBuilder();
        for (var i = 0; i < 30_000; i++)
        {
            text.Append(i % 2 == 0 ? "201706;Sieker;12\r\n" : "201706;Baumheide;7\n");
        }

        var fault = reason switch
        {
            "NUL_BYTE" => "\0",
            "ZU_VIELE_SPALTEN" => new string(';', 200),
            _ => new string('x', 1_001),
        };
        text.Append("201706;").Append(fault).Append("\r\n201706;Sieker;1\r\n");
        var path = _dir.File("viele.csv");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));

        var refusal = Assert.Throws<ExtractFileException>(() => TextFileCheck.Check(path, new ExtractLimits { MaxRecordBytes = 1_000, MaxColumns = 200 }));

        Assert.Equal(reason, refusal.Reason.Code);
        Assert.Contains("Zeile 30.001", refusal.Message, StringComparison.Ordinal);
    }
}
