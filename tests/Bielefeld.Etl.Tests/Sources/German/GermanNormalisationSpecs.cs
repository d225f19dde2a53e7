using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Sources.German;

namespace Bielefeld.Etl.Tests.Sources.German;

public sealed class GermanNormalisationSpecs
{
    [Theory]
    [InlineData("März", 3)]
    [InlineData("Mär", 3)]
    [InlineData("Mrz", 3)]
    [InlineData("Mrz.", 3)]
    [InlineData("MÄR", 3)]
    [InlineData("Maerz", 3)]
    [InlineData("Jän", 1)]
    [InlineData("Jänner", 1)]
    [InlineData("Jan.", 1)]
    [InlineData("Feber", 2)]
    [InlineData("Sept.", 9)]
    [InlineData("Okt", 10)]
    [InlineData("Dezember", 12)]
    [InlineData("3", 3)]
    [InlineData("03", 3)]
    [InlineData("12", 12)]
    [InlineData("Mär\u00A0", 3)]
    public void Month_header_text_in_any_German_form_reads_as_its_month(string text, int month)
    {
        var heading = GermanMonthName.Read(text);

        Assert.NotNull(heading);
        Assert.Equal(month, heading.Month);
        Assert.Null(heading.Year);
    }

    [Theory]
    [InlineData("März 2024", 3, 2024)]
    [InlineData("Mrz. 2024", 3, 2024)]
    [InlineData("03.2024", 3, 2024)]
    [InlineData("2024-03", 3, 2024)]
    [InlineData("01.03.2024", 3, 2024)]
    public void Month_header_text_with_a_four_digit_year_names_both(string text, int month, int year)
    {
        var heading = GermanMonthName.Read(text);

        Assert.Equal((month, (int?)year), (heading!.Month, heading.Year));
    }

    [Fact]
    public void Month_header_as_a_number_or_date_cell_reads_as_its_month()
    {
        Assert.Equal(3, GermanMonthName.Read(3d)!.Month);
        var date = GermanMonthName.Read(new DateTime(2024, 3, 1));
        Assert.Equal((3, (int?)2024, "01.03.2024", true), (date!.Month, date.Year, date.Raw, date.IsDateCell));
    }

    [Theory]
    [InlineData("Mar")]
    [InlineData("May")]
    [InlineData("Ma")]
    [InlineData("13")]
    [InlineData("0")]
    [InlineData("Mrz 24")]
    [InlineData("Summe")]
    [InlineData("")]
    public void Month_header_that_would_need_guessing_is_not_read(string text) =>
        Assert.Null(GermanMonthName.Read(text));

    [Fact]
    public void Month_number_cells_outside_one_to_twelve_or_with_a_fraction_are_not_read()
    {
        Assert.Null(GermanMonthName.Read(13d));
        Assert.Null(GermanMonthName.Read(2.5d));
        Assert.Null(GermanMonthName.Read(null));
    }

    [Fact]
    public void Month_header_notes_what_differs_from_the_contract_form_and_nothing_when_it_matches()
    {
        Assert.Null(GermanMonthName.Read("Mär")!.NoteAgainst("Mär"));
        Assert.Equal(new Normalisation("MONATSKOPF", "Mrz", "Monatskopf 'Mrz' als März gelesen"), GermanMonthName.Read("Mrz")!.NoteAgainst("Mär"));
        Assert.Equal("Monatskopf (Datumszelle 01.03.2024) als März 2024 gelesen", GermanMonthName.Read(new DateTime(2024, 3, 1))!.NoteAgainst("Mär")!.Message);
        Assert.Equal("Monatskopf '03' als März gelesen", GermanMonthName.Read("03")!.NoteAgainst("Mär")!.Message);
    }

    [Fact]
    public void Month_names_and_abbreviations_are_the_templates_forms()
    {
        Assert.Equal("März", GermanMonthName.FullName(3));
        Assert.Equal("Mär", GermanMonthName.Abbreviation(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => GermanMonthName.FullName(13));
    }

    [Theory]
    [InlineData("Neue Fälle\u00A0", "Neue Fälle", "Bezeichnung 'Neue Fälle' mit geschütztem Leerzeichen, Leerzeichen am Ende gelesen")]
    [InlineData("Neue  Fälle", "Neue Fälle", "Bezeichnung 'Neue Fälle' mit doppeltem Leerzeichen gelesen")]
    [InlineData("Neue\nFälle", "Neue Fälle", "Bezeichnung 'Neue Fälle' mit Zeilenumbruch gelesen")]
    [InlineData(" Neue Fälle", "Neue Fälle", "Bezeichnung 'Neue Fälle' mit Leerzeichen am Anfang gelesen")]
    [InlineData("Neue\u200B Fälle", "Neue Fälle", "Bezeichnung 'Neue Fälle' mit unsichtbarem Zeichen gelesen")]
    public void Label_spaces_read_as_single_spaces_with_a_note(string text, string label, string message)
    {
        var read = GermanLabel.Read(text, out var note);

        Assert.Equal(label, read);
        Assert.Equal(new Normalisation("BEZEICHNUNG_LEERZEICHEN", text, message), note);
    }

    [Fact]
    public void Canonical_label_has_no_note_and_case_and_spelling_are_kept()
    {
        Assert.Equal("neue fälle", GermanLabel.Read("neue fälle", out var note));
        Assert.Null(note);
        Assert.Equal("", GermanLabel.Read("\u00A0 ", out note));
        Assert.Null(note);
    }

    [Theory]
    [InlineData("1.234", 1234, "Zahl '1.234' als Text gelesen (1234)")]
    [InlineData("5,9", 5.9, "Zahl '5,9' als Text gelesen (5,9)")]
    [InlineData("1.234,5", 1234.5, "Zahl '1.234,5' als Text gelesen (1234,5)")]
    [InlineData("1\u00A0234", 1234, "Zahl '1\u00A0234' als Text gelesen (1234)")]
    [InlineData(" 12 ", 12, "Zahl ' 12 ' als Text gelesen (12)")]
    [InlineData("\u22123", -3, "Zahl '\u22123' als Text gelesen (-3)")]
    public void Number_as_German_text_is_read_with_a_note(string text, double expected, string message)
    {
        Assert.True(GermanValues.TryCellNumber(text, out var value, out var note));
        Assert.Equal((decimal)expected, value);
        Assert.Equal(new Normalisation("ZAHL_ALS_TEXT", text, message), note);
    }

    [Fact]
    public void Number_cell_is_read_as_it_is_without_a_note()
    {
        Assert.True(GermanValues.TryCellNumber(1234d, out var value, out var note));
        Assert.Equal(1234m, value);
        Assert.Null(note);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1,234.5")]
    [InlineData("ca. 2")]
    [InlineData("12 34")]
    [InlineData("")]
    public void Number_text_that_would_need_guessing_is_not_read(string text)
    {
        Assert.False(GermanValues.TryCellNumber(text, out _, out var note));
        Assert.Null(note);
    }
}
