using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>The small readers the importer is built from: cell fragments, German numbers, costs.</summary>
public sealed class CellTextAndNumbers
{
    [Theory]
    [InlineData("5.985 Integrationen", "5985")]
    [InlineData("5,9%", "5.9")]
    [InlineData("255.000€", "255000")]
    [InlineData("ca. 2,0 Mio. €/Jahr", "2000000")]
    [InlineData("Vier Kooperationsangebote.", "4")]
    [InlineData("Inbetriebnahme von vier Kitas im Kita-Jahr 2017/2018", "4")]
    public void German_numbers_are_read_with_de_DE_separators_and_number_words(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Quantities.First(text)!.Value);
    }

    [Theory]
    [InlineData("bis 31.12.2018")]
    [InlineData("im Schuljahr 2016 / 2017")]
    [InlineData("Eine 5. städtische Einrichtung ist eröffnet.")]
    [InlineData("Arbeitslosenquote U25 SGB II")]
    public void Dates_years_ordinals_and_codes_are_not_quantities(string text)
    {
        Assert.Empty(Quantities.InDigits(text));
    }

    [Fact]
    public void Lists_paragraphs_and_emphasis_become_blocks()
    {
        var blocks = CellText.Blocks("Kostensparnis KdU in Euro <i>Nachrichtlich:</i> <u>Jobakademie U25</u> (Anzahl) <ul style=\"x\"> • eins • zwei</ul>");

        Assert.Equal(
            [(CellBlockKind.Paragraph, "Kostensparnis KdU in Euro"), (CellBlockKind.Note, "Nachrichtlich:"), (CellBlockKind.Heading, "Jobakademie U25"), (CellBlockKind.Paragraph, "(Anzahl)"), (CellBlockKind.Bullet, "eins"), (CellBlockKind.Bullet, "zwei")],
            blocks.Select(b => (b.Kind, b.Text)));
    }

    [Fact]
    public void Ordered_list_items_are_found_by_their_sequence_not_by_dates_or_ordinals()
    {
        var blocks = CellText.Blocks("<ol> 1. Datenauswertung (bis 31.03.2017). 2. Schaffung einer 5. städtischen Einrichtung.3. Überprüfung");

        Assert.Equal([1, 2, 3], blocks.Select(b => b.Number!.Value));
        Assert.Equal("Schaffung einer 5. städtischen Einrichtung.", blocks[1].Text);
    }

    [Fact]
    public void A_paragraph_continued_after_a_page_break_joins_the_unfinished_item()
    {
        var blocks = CellText.Blocks("<ul> • 5% haben sich in" + CellText.PageBreak + "<p>Arbeitsgruppen zusammen gefunden.</p> • Dabei 30%.");

        Assert.Equal(["5% haben sich in Arbeitsgruppen zusammen gefunden.", "Dabei 30%."], blocks.Select(b => b.Text));
    }

    [Fact]
    public void A_cost_total_wins_over_its_parts()
    {
        var cost = CostInterpreter.Interpret("<p>Schuldnerberatung ca. 102.000 EUR/Jahr.</p> <p>Insgesamt liegen die Kosten bei ca. 172.000 EUR/Jahr.</p>")!;

        Assert.Equal(172000m, cost.EurProJahr);
        Assert.Equal("Schuldnerberatung ca. 102.000 EUR/Jahr.\nInsgesamt liegen die Kosten bei ca. 172.000 EUR/Jahr.", cost.Text);
    }

    [Fact]
    public void An_empty_cost_cell_is_no_cost_entry()
    {
        Assert.Null(CostInterpreter.Interpret(""));
    }
}
