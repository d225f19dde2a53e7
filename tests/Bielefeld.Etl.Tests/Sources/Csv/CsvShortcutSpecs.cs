using System.Globalization;
using System.Text;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Tests.Sources.Csv;

/// <summary>
/// Dates and counts in their common form are read without the culture's parser, and a record copies only the fields
/// of known columns: the results must be exactly those of the general rules, at the edges too.
/// </summary>
public sealed class CsvShortcutSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("29.02.2016", "2016-02-29")]
    [InlineData("31.12.2017", "2017-12-31")]
    [InlineData("01.01.0001", "0001-01-01")]
    [InlineData("31.12.9999", "9999-12-31")]
    [InlineData("1.2.2017", "2017-02-01")]
    [InlineData("01.2.2017", "2017-02-01")]
    [InlineData(" 01.02.2017 ", "2017-02-01")]
    public void A_date_dd_MM_yyyy_is_read_as_that_day(string text, string expected)
    {
        Assert.True(GermanValues.TryDate(text, out var date));
        Assert.Equal(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("29.02.2017")]
    [InlineData("31.04.2017")]
    [InlineData("00.01.2017")]
    [InlineData("01.00.2017")]
    [InlineData("01.13.2017")]
    [InlineData("01.01.0000")]
    [InlineData("01-01-2017")]
    [InlineData("2017-01-01")]
    [InlineData("\u0660\u0661.01.2017")]
    public void A_date_that_does_not_exist_or_is_not_dd_MM_yyyy_is_not_read(string text)
    {
        Assert.False(GermanValues.TryDate(text, out _));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("007", "7")]
    [InlineData("999999999999999999", "999999999999999999")]
    [InlineData("9999999999999999999", "9999999999999999999")]
    [InlineData("1.234", "1234")]
    [InlineData("-3", "-3")]
    [InlineData("5,90", "5.90")]
    public void A_number_keeps_the_value_and_decimals_the_German_parser_gives(string text, string expected)
    {
        Assert.True(GermanValues.TryNumber(text, out var value));
        Assert.Equal(expected, value.ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("\u0661\u0662")]
    [InlineData("12a")]
    public void A_number_that_needs_guessing_is_not_read(string text)
    {
        Assert.False(GermanValues.TryNumber(text, out _));
    }

    [Fact]
    public void A_record_reads_known_columns_only_and_a_line_of_blanks_in_any_column_is_blank()
    {
        var path = _dir.File("x.csv");
        File.WriteAllText(path, "Quartier;Bemerkung;Anzahl\nSieker; frei ;3\n ;\u00A0; \nHeepen;;\n", new UTF8Encoding(false));
        var problems = new List<string>();
        var (head, header) = CsvColumns.Create(["Quartier", "Anzahl"], null, problems).Find(path, ["Quartier", "Anzahl"], "x.csv");
        using var reader = head.OpenData(path);
        var records = new List<CsvRecord>();
        while (reader.Read())
        {
            records.Add(CsvRecord.Current(reader, header));
        }

        (string?, string?, bool)[] expected = [("Sieker", "3", false), (null, null, true), ("Heepen", null, false)];
        Assert.Equal(expected, records.Select(r => (r["Quartier"], r["Anzahl"], r.IsBlank)));
        Assert.Equal((long?)3, records[0].Count("Anzahl"));
        Assert.False(records[0].HasProblems);
        Assert.Empty(records[0].Problems);
        Assert.Empty(records[0].ToRejected().Problems);
    }
}
