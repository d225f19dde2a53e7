using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources.Csv;

namespace Bielefeld.Etl.Tests.Sources.Csv;

/// <summary>A CSV file's header is found by its content in the first lines, not in line 1 only; where that needs guessing, the file is refused.</summary>
public sealed class CsvHeadSpecs : IDisposable
{
    private static readonly string[] Required = ["Quartier", "Anzahl"];
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string text)
    {
        var path = _dir.File("x.csv");
        File.WriteAllText(path, text, new UTF8Encoding(true));
        return path;
    }

    private static CsvColumns Columns()
    {
        var problems = new List<string>();
        var columns = CsvColumns.Create(["Quartier", "Anzahl", "Stichtag"], null, problems);
        Assert.Empty(problems);
        return columns;
    }

    [Fact]
    public void Title_lines_and_a_blank_line_above_the_header_are_skipped_rows_and_the_data_keeps_its_line_numbers()
    {
        var path = Write("Bestand nach Quartieren, Stichtag 31.03.2017\nsep=;\n\nQuartier;Anzahl\nSieker;3\nJöllenbeck;7\n");

        var (head, header) = Columns().Find(path, Required, "x.csv");
        var records = new List<CsvRecord>();
        using (var reader = head.OpenData(path))
        {
            while (reader.Read())
            {
                records.Add(CsvRecord.Current(reader, header));
            }
        }

        Assert.Equal((4, ';'), (head.Line, head.Separator));
        Assert.Equal([(1, "Titelzeile über der Kopfzeile"), (2, "Titelzeile über der Kopfzeile"), (3, "Leerzeile"), (4, "Kopfzeile")],
            head.SkippedHead(header.SkipReason).Cast<SourceRow.Skipped>().Select(s => (s.Row, s.Why)));
        Assert.Equal([(5, "Sieker", "3"), (6, "Jöllenbeck", "7")], records.Select(r => (r.Line, r["Quartier"]!, r["Anzahl"]!)));
        Assert.Equal([("KOPFZEILE_VERSCHOBEN", 4)], header.Protocol(head).Entries.Select(e => (e.Code, e.Row!.Value)));
    }

    [Fact]
    public void A_comma_separated_header_below_a_title_is_found_and_its_separator_noted()
    {
        var path = Write("Export vom 31.03.2017; Einwohnermeldeamt\nQuartier,Anzahl\n\"Sieker, Nord\",3\n");

        var (head, header) = Columns().Find(path, Required, "x.csv");
        using var reader = head.OpenData(path);
        Assert.True(reader.Read());

        Assert.Equal((2, ','), (head.Line, head.Separator));
        Assert.Equal("Sieker, Nord", CsvRecord.Current(reader, header)["Quartier"]);
        Assert.Equal(["Kopfzeile in Zeile 2 statt 1 gefunden", "Trennzeichen ',' statt ';' gelesen"], header.Protocol(head).Entries.Select(e => e.Message));
    }

    [Fact]
    public void Two_lines_that_both_look_like_the_header_refuse_the_file_naming_both()
    {
        var path = Write("Quartier;Anzahl\nQuartier;Anzahl\nSieker;3\n");

        var refused = Assert.Throws<ExtractFileException>(() => Columns().Find(path, Required, "x.csv"));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Equal("x.csv: die Zeilen 1 und 2 kommen beide als Kopfzeile in Frage; welche gilt, wäre geraten.", refused.Message);
    }

    [Fact]
    public void No_header_in_the_first_lines_refuses_the_file_with_what_its_widest_line_lacks()
    {
        var path = Write("Bestand nach Quartieren\nQuartier;Einwohner;Stichtag\nSieker;3;31.03.2017\n");

        var refused = Assert.Throws<ExtractFileException>(() => Columns().Find(path, Required, "x.csv"));

        Assert.Equal("SPALTE_FEHLT", refused.Reason.Code);
        Assert.StartsWith("x.csv: die Spalte 'Anzahl' fehlt in der Kopfzeile (gefunden: Quartier, Einwohner, Stichtag)", refused.Message, StringComparison.Ordinal);
        Assert.EndsWith("(keine der ersten 3 Zeilen ist die Kopfzeile.)", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_below_the_twentieth_line_is_not_looked_for()
    {
        var path = Write(string.Concat(Enumerable.Repeat("Vorspann\n", CsvHead.SearchLines)) + "Quartier;Anzahl\nSieker;3\n");

        var refused = Assert.Throws<ExtractFileException>(() => Columns().Find(path, Required, "x.csv"));

        Assert.Equal("SPALTE_FEHLT", refused.Reason.Code);
        Assert.Contains("keine der ersten 20 Zeilen", refused.Message, StringComparison.Ordinal);
    }
}
