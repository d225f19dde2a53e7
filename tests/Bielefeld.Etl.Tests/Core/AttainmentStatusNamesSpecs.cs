using Bielefeld.Etl.Attainment;

namespace Bielefeld.Etl.Tests.Core;

public sealed class AttainmentStatusNamesSpecs
{
    [Fact]
    public void Every_status_is_read_back_from_the_word_the_reporting_views_store()
    {
        Assert.Equal(
            ["gruen", "gelb", "rot", "keine_daten", "n/a", "ueberfaellig", "geheim"],
            Enum.GetValues<AttainmentStatus>().Select(s => s.ToReportName()));
        Assert.All(Enum.GetValues<AttainmentStatus>(), s => Assert.Equal(s, AttainmentStatusNames.FromReportName(s.ToReportName())));
    }

    [Theory]
    [InlineData("grün")]
    [InlineData("Gruen")]
    [InlineData("")]
    public void A_status_word_the_code_does_not_know_is_refused_naming_it(string word)
    {
        var refused = Assert.Throws<FormatException>(() => AttainmentStatusNames.FromReportName(word));

        Assert.Contains($"'{word}'", refused.Message, StringComparison.Ordinal);
    }
}
