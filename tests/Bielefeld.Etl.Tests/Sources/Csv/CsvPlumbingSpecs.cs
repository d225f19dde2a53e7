using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Tests.Sources.Csv;

public sealed class CsvPlumbingSpecs : IDisposable
{
    private static readonly string[] Known = ["Quartier", "Anzahl", "Stichtag"];
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string text, Encoding encoding, bool bom = false)
    {
        var path = _dir.File("x.csv");
        var bytes = encoding.GetBytes(text);
        File.WriteAllBytes(path, bom ? [0xEF, 0xBB, 0xBF, .. bytes] : bytes);
        return path;
    }

    private static CsvColumns Columns(Dictionary<string, List<string>>? aliases = null)
    {
        var problems = new List<string>();
        var columns = CsvColumns.Create(Known, aliases, problems);
        Assert.Empty(problems);
        return columns;
    }

    private static List<CsvRecord> ReadAll(string path, CsvColumns columns, out CsvHeader header)
    {
        (var head, header) = columns.Find(path, ["Quartier", "Anzahl"], "x.csv");
        using var reader = head.OpenData(path);
        var records = new List<CsvRecord>();
        while (reader.Read())
        {
            records.Add(CsvRecord.Current(reader, header));
        }

        return records;
    }

    [Theory]
    [InlineData(";", false, 65001)]
    [InlineData(",", true, 65001)]
    [InlineData(";", false, 1252)]
    public void Separator_encoding_and_byte_order_mark_are_detected_and_umlauts_survive(string separator, bool bom, int codePage)
    {
        var encoding = codePage == 1252 ? ExtractEncoding.Windows1252 : new UTF8Encoding(false);
        var path = Write($"Quartier{separator}Anzahl\nNördlicher Innenstadtrand{separator}12\nJöllenbeck{separator}7\n", encoding, bom);

        var records = ReadAll(path, Columns(), out _);

        Assert.Equal(["Nördlicher Innenstadtrand", "Jöllenbeck"], records.Select(r => r["Quartier"]));
        Assert.Equal([2, 3], records.Select(r => r.Line));
    }

    [Fact]
    public void Blank_lines_and_lines_of_separators_are_records_that_know_they_are_blank()
    {
        var path = Write("Quartier;Anzahl\nSieker;3\n\n;\n;\n", new UTF8Encoding(false));

        var records = ReadAll(path, Columns(), out _);

        Assert.Equal([2, 3, 4, 5], records.Select(r => r.Line));
        Assert.Equal([false, true, true, true], records.Select(r => r.IsBlank));
    }

    [Fact]
    public void A_renamed_header_is_found_by_its_alias_and_an_unknown_one_is_noted()
    {
        var path = Write("Quartiersname;Anzahl;Bemerkung\nSieker;3;x\n", new UTF8Encoding(false));

        var records = ReadAll(path, Columns(new() { ["Quartier"] = ["Quartiersname"] }), out var header);

        Assert.Equal("Sieker", records[0]["Quartier"]);
        Assert.Equal("Quartiersname", header.NameInFile("Quartier"));
        Assert.Equal("Kopfzeile (nicht verwendete Spalten: Bemerkung)", header.SkipReason);
    }

    [Fact]
    public void A_missing_required_column_is_a_file_level_error_naming_the_column()
    {
        var path = Write("Quartier;Menge\nSieker;3\n", new UTF8Encoding(false));

        var error = Assert.Throws<ExtractFileException>(() => ReadAll(path, Columns(), out _));

        Assert.Equal("SPALTE_FEHLT", error.Reason.Code);
        Assert.Contains("'Anzahl'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_column_and_its_alias_side_by_side_are_refused_rather_than_guessed()
    {
        var path = Write("Quartier;Anzahl;Menge\nSieker;3;4\n", new UTF8Encoding(false));

        var error = Assert.Throws<ExtractFileException>(() => ReadAll(path, Columns(new() { ["Anzahl"] = ["Menge"] }), out _));

        Assert.Equal("SPALTE_MEHRDEUTIG", error.Reason.Code);
    }

    [Fact]
    public void Field_problems_become_one_rejected_row_with_line_header_and_raw_value()
    {
        var path = Write("Quartier;Anzahl;Stichtag\nSieker;1.5;31.13.2017\n", new UTF8Encoding(false));
        var record = ReadAll(path, Columns(), out _)[0];

        Assert.Null(record.Count("Anzahl"));
        Assert.Null(record.Date("Stichtag"));
        var rejected = record.ToRejected();

        Assert.Equal(2, rejected.Row);
        Assert.Equal([("Anzahl", "1.5", "WERT_KEINE_ZAHL"), ("Stichtag", "31.13.2017", "DATUM_UNGUELTIG")],
            rejected.Problems.Select(p => (p.Column!, p.RawValue!, p.Reason.Code)));
    }

    [Theory]
    [InlineData("1.234", 1234)]
    [InlineData("12", 12)]
    [InlineData("1.234,5", 1234.5)]
    public void German_numbers_are_read_with_de_DE(string text, decimal expected)
    {
        Assert.True(GermanValues.TryNumber(text, out var value));
        Assert.Equal(expected, value);
    }
}
