using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Synthetic.Kaf;

namespace Bielefeld.Etl.Tests.Sources;

public sealed class KafWorkbookReaderSpecs : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static List<SourceRow> ReadAll(string path)
    {
        using var reading = KafPipeline.Reader.Open(path);
        return reading.Rows.ToList();
    }

    private string Write(KafWorkbook workbook)
    {
        var path = _dir.File(KafWorkbookWriter.FileName(workbook.ProjectCode, workbook.Year));
        KafWorkbookWriter.Write(workbook, path);
        return path;
    }

    private static decimal?[] FirstHalf(params decimal[] months) => [.. months.Select(m => (decimal?)m), .. Enumerable.Repeat<decimal?>(null, 12 - months.Length)];

    [Fact]
    public void Every_row_of_the_sheet_is_loaded_rejected_or_skipped()
    {
        var rows = ReadAll(KafPipeline.Sample("KAF_COACH_2017.xlsx"));

        Assert.Equal(12, rows.Count);
        Assert.Equal(3, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal(9, rows.OfType<SourceRow.Skipped>().Count()); // title block and header (6), blank row, two remarks
        Assert.Equal(Enumerable.Range(1, 12), rows.Select(r => r.Row));
    }

    [Fact]
    public void Month_cells_become_monthly_observations_of_every_mapped_indicator()
    {
        var rows = ReadAll(KafPipeline.Sample("KAF_THEO_2017.xls"));
        var coaching = rows.OfType<SourceRow.Accepted>().First().Observations;

        // THEO's coaching participants count for REGE-9.2 (all projects) and REGE-10.1 (THEO only), January to June.
        Assert.Equal(12, coaching.Count);
        Assert.Equal(13m, coaching.Where(o => o.IndicatorCode == "REGE-10.1").Sum(o => o.Value));
        Assert.Equal(13m, coaching.Where(o => o.IndicatorCode == "REGE-9.2").Sum(o => o.Value));
        Assert.All(coaching, o => Assert.Equal("KAF:THEO", o.SeriesKey));
        Assert.Equal(new DateOnly(2017, 6, 1), coaching.Max(o => o.Month));
    }

    [Fact]
    public void A_Summe_that_differs_from_the_months_rejects_the_row_with_cell_and_raw_value()
    {
        var rows = ReadAll(KafPipeline.Sample("KAF_FIM_2017.xlsx"));
        var rejected = Assert.Single(rows.OfType<SourceRow.Rejected>());
        var problem = Assert.Single(rejected.Problems);

        Assert.Equal(9, rejected.Row);
        Assert.Equal(("Controlling", 9, "N", "11"), (problem.Sheet, problem.Row, problem.Column, problem.RawValue));
        Assert.Equal("SUMME_ABWEICHEND", problem.Reason.Code);
        Assert.Equal("Summe 11 weicht von der Summe der Monate 9 ab.", problem.Message);
    }

    [Fact]
    public void Text_in_a_month_cell_is_rejected_never_read_as_zero()
    {
        var path = Write(new KafWorkbook("SPRACH", "Sprachkurse", 2017,
            [new KafRow("Teilnehmende an Sprachkursen", FirstHalf(38, 27, 31)) { TextCells = new Dictionary<int, string> { [1] = "n.v." } }]));

        var problem = Assert.Single(Assert.Single(ReadAll(path).OfType<SourceRow.Rejected>()).Problems);

        Assert.Equal(("C", "n.v.", "WERT_KEINE_ZAHL"), (problem.Column, problem.RawValue, problem.Reason.Code));
    }

    [Fact]
    public void A_darunter_value_above_its_parent_is_rejected()
    {
        var path = Write(new KafWorkbook("COACH", "Coaching", 2017,
        [
            new KafRow("Teilnehmende in Coachingprozessen", FirstHalf(10, 10)),
            new KafRow("darunter aus Stadtumbaugebieten", FirstHalf(4, 12)),
        ]));

        var problem = Assert.Single(Assert.Single(ReadAll(path).OfType<SourceRow.Rejected>()).Problems);

        Assert.Equal(("C", "DARUNTER_GROESSER"), (problem.Column, problem.Reason.Code));
    }

    [Fact]
    public void An_unknown_Kennzahl_is_rejected_and_the_known_rows_still_load()
    {
        var path = Write(new KafWorkbook("COACH", "Coaching", 2017,
        [
            new KafRow("Teilnehmende in Coachingprozessen", FirstHalf(10)),
            new KafRow("Beratungsgespräche", FirstHalf(3)),
        ]));

        var rows = ReadAll(path);

        Assert.Single(rows.OfType<SourceRow.Accepted>());
        var problem = Assert.Single(Assert.Single(rows.OfType<SourceRow.Rejected>()).Problems);
        Assert.Equal(("A", "Beratungsgespräche", "KENNZAHL_UNBEKANNT"), (problem.Column, problem.RawValue, problem.Reason.Code));
    }

    [Fact]
    public void A_Kennzahl_that_feeds_no_indicator_for_this_project_is_rejected_not_dropped()
    {
        var path = Write(new KafWorkbook("ERNAEHR", "Ernährungsbildung", 2017, [new KafRow("Teilnehmende an Sprachkursen", FirstHalf(5))]));

        var problem = Assert.Single(Assert.Single(ReadAll(path).OfType<SourceRow.Rejected>()).Problems);

        Assert.Equal("KENNZAHL_OHNE_INDIKATOR", problem.Reason.Code);
    }

    [Fact]
    public void An_unknown_project_refuses_the_whole_file_with_a_clear_message()
    {
        var path = Write(new KafWorkbook("NEU", "Neues Projekt", 2017, [new KafRow("Teilnehmende in Coachingprozessen", FirstHalf(1))]));

        var error = Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path));

        Assert.Equal("PROJEKT_UNBEKANNT", error.Reason.Code);
        Assert.Contains("pipelines/kaf.yml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_year_in_the_workbook_that_contradicts_the_file_name_refuses_the_file()
    {
        var path = Write(new KafWorkbook("THEO", "Theodora", 2017, [new KafRow("Teilnehmende in Coachingprozessen", FirstHalf(1))]));
        var renamed = _dir.File("KAF_THEO_2018.xlsx");
        File.Move(path, renamed);

        Assert.Equal("DATEI_WIDERSPRUCH", Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(renamed)).Reason.Code);
    }

    [Fact]
    public void Binary_garbage_with_a_workbook_name_is_refused_as_unreadable()
    {
        var path = _dir.File("KAF_THEO_2017.xlsx");
        File.WriteAllBytes(path, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);

        Assert.Equal("DATEI_UNLESBAR", Assert.Throws<ExtractFileException>(() => KafPipeline.Reader.Open(path)).Reason.Code);
    }
}
