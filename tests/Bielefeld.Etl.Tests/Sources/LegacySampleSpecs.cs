using System.Text;
using Bielefeld.Etl.Synthetic.BaStatistik;
using Bielefeld.Etl.Synthetic.Kaf;
using Bielefeld.Etl.Tests.Sources.BaStatistik;
using ExcelDataReader;

namespace Bielefeld.Etl.Tests.Sources;

/// <summary>
/// The two legacy .xls samples are committed files (no maintained library writes BIFF8 any more). They hold exactly the
/// cells the sample sets describe: the same table written as .xlsx reads back cell for cell, merged areas included.
/// </summary>
public sealed class LegacySampleSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    static LegacySampleSpecs() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _dir.Dispose();

    /// <summary>Every sheet's name, its cells (row, column, value) and its merged areas, as ExcelDataReader sees them.</summary>
    private static List<(string Sheet, List<(int Row, int Column, object Value)> Cells, List<string> Merges)> Content(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = ExcelReaderFactory.CreateReader(stream);
        var sheets = new List<(string, List<(int, int, object)>, List<string>)>();
        do
        {
            var cells = new List<(int, int, object)>();
            for (var r = 0; reader.Read(); r++)
            {
                for (var c = 0; c < reader.FieldCount; c++)
                {
                    if (reader.GetValue(c) is { } value)
                    {
                        cells.Add((r, c, value));
                    }
                }
            }

            var merges = (reader.MergeCells ?? []).Select(m => $"{m.FromRow},{m.FromColumn}:{m.ToRow},{m.ToColumn}").Order(StringComparer.Ordinal).ToList();
            sheets.Add((reader.Name, cells, merges));
        }
        while (reader.NextResult());

        return sheets;
    }

    private static void AssertSameContent(string expected, string actual)
    {
        var want = Content(expected);
        var have = Content(actual);
        Assert.Equal(want.Select(s => s.Sheet), have.Select(s => s.Sheet));
        for (var i = 0; i < want.Count; i++)
        {
            Assert.Equal(want[i].Cells, have[i].Cells);
            Assert.Equal(want[i].Merges, have[i].Merges);
        }
    }

    [Fact]
    public void The_committed_May_table_holds_the_cells_of_the_sample_sets_May_2017()
    {
        var path = _dir.File("BA_AMR_05711_201705.xlsx");
        BaTableWriter.Write(BaSampleSet.May2017(), path);

        AssertSameContent(path, BaPipeline.Sample(BaSampleSet.MayTable));
        Assert.Equal(9 * 3 + 3, Content(path).Single(s => s.Sheet == "Eckwerte").Cells.Count(c => c.Value is double)); // nine rows of three figures, the column numbers 1 to 3
    }

    [Fact]
    public void The_committed_THEO_workbook_holds_the_cells_of_the_sample_sets_THEO_figures()
    {
        var (theo, legacy) = KafSampleSet.For2017().Single(w => w.Workbook.ProjectCode == "THEO");
        var path = _dir.File(KafWorkbookWriter.FileName(theo.ProjectCode, theo.Year));
        KafWorkbookWriter.Write(theo, path);

        Assert.True(legacy);
        AssertSameContent(path, KafPipeline.Sample("KAF_THEO_2017.xls"));
        Assert.Equal([13d, 5d], Content(path)[0].Cells.Where(c => c.Column == 13 && c.Row > 5).Select(c => c.Value));
    }
}
