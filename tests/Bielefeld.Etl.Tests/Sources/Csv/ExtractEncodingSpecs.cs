using System.Text;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Tests.Sources.Csv;

public sealed class ExtractEncodingSpecs
{
    private const string Text = "Quartier;Anzahl\nNördlicher Innenstadtrand;12\nJöllenbeck;ß\n";

    [Fact]
    public void A_byte_order_mark_means_UTF8() =>
        Assert.Equal(Encoding.UTF8, ExtractEncoding.Detect([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], complete: true));

    [Fact]
    public void Valid_UTF8_without_a_mark_is_UTF8() =>
        Assert.Equal(Encoding.UTF8, ExtractEncoding.Detect(Encoding.UTF8.GetBytes(Text), complete: true));

    [Fact]
    public void Umlauts_in_Windows_1252_are_read_as_Windows_1252()
    {
        var bytes = ExtractEncoding.Windows1252.GetBytes(Text);

        var encoding = ExtractEncoding.Detect(bytes, complete: true);

        Assert.Equal(1252, encoding.CodePage);
        Assert.Equal(Text, encoding.GetString(bytes));
    }

    [Fact]
    public void A_sample_cut_inside_a_multibyte_character_is_still_UTF8()
    {
        var bytes = Encoding.UTF8.GetBytes("Jöllenbeck ö");

        Assert.Equal(Encoding.UTF8, ExtractEncoding.Detect(bytes.AsSpan(0, bytes.Length - 1), complete: false));
    }
}
