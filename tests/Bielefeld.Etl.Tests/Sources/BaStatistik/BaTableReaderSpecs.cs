using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

public sealed class BaTableReaderSpecs : IDisposable
{
    private const int U25Row = 6; // index of "  Jugendliche 15 bis unter 25 Jahre" in the sample table's rows
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(BaTable table, string fileName = BaSampleSet.JuneTable)
    {
        var path = _dir.File(fileName);
        BaTableWriter.Write(table, path);
        return path;
    }

    private static BaTable WithU25(BaTable table, params object?[] cells) =>
        table with { Rows = [.. table.Rows.Select((r, i) => i == U25Row ? r with { Cells = cells } : r)] };

    private static List<SourceRow> Rows(string path) => BaPipeline.ReadAll(BaPipeline.Reader, path).Rows;

    private static ExtractFileException Refused(string path) =>
        Assert.Throws<ExtractFileException>(() => Rows(path));

    [Fact]
    public void Every_row_of_the_June_table_is_loaded_rejected_or_skipped()
    {
        var rows = Rows(BaPipeline.Sample(BaSampleSet.JuneTable));

        // Title block 5, empty row, two header rows, nine data rows, empty row, three footnotes.
        Assert.Equal(Enumerable.Range(1, 21), rows.Select(r => r.Row));
        var accepted = Assert.Single(rows.OfType<SourceRow.Accepted>());
        Assert.Equal(15, accepted.Row);
        Assert.Equal(20, rows.OfType<SourceRow.Skipped>().Count());
    }

    [Fact]
    public void The_SGB_II_cell_of_the_youth_rate_row_is_the_published_U25_rate_with_the_Datenstand_as_vintage()
    {
        var (rows, scope) = BaPipeline.ReadAll(BaPipeline.Reader, BaPipeline.Sample(BaSampleSet.JuneTable));

        var observation = Assert.Single(Assert.Single(rows.OfType<SourceRow.Accepted>()).Observations);
        Assert.Equal(
            new Observation("Jobcenter-2.1", new DateOnly(2017, 6, 1), "05711000", "BA:Jobcenter-2.1", 6.1m) { Vintage = new DateOnly(2017, 7, 1) },
            observation);
        Assert.Equal(new BaPipeline.DeliveryScopeView(new DateOnly(2017, 6, 1), new DateOnly(2017, 6, 1), SupersedeMode.PerValue, "Eckwerte"), scope);
    }

    [Fact]
    public void A_legacy_xls_with_a_taller_title_block_and_a_merged_Merkmal_header_is_read_by_content()
    {
        var rows = Rows(BaPipeline.Sample(BaSampleSet.MayTable));

        Assert.Equal(22, rows.Count);
        var accepted = Assert.Single(rows.OfType<SourceRow.Accepted>());
        Assert.Equal(16, accepted.Row);
        var observation = Assert.Single(accepted.Observations);
        Assert.Equal((new DateOnly(2017, 5, 1), 6.3m, new DateOnly(2017, 6, 1)), (observation.Month, observation.Value, observation.Vintage));
    }

    [Fact]
    public void A_title_block_further_down_and_a_table_without_column_numbers_are_read_alike()
    {
        var path = Write(BaSampleSet.June2017() with { BlankRowsAbove = 3, WithNumberRow = false });

        var rows = Rows(path);

        Assert.Equal(Enumerable.Range(1, 23), rows.Select(r => r.Row));
        Assert.Equal((17, 6.1m), (Assert.Single(rows.OfType<SourceRow.Accepted>()).Row, rows.OfType<SourceRow.Accepted>().Single().Observations[0].Value));
    }

    [Fact]
    public void A_suppressed_cell_is_loaded_as_suppressed_without_a_value_never_as_zero()
    {
        var observation = Assert.Single(Assert.Single(Rows(Write(WithU25(BaSampleSet.June2017(), 8.4m, 2.3m, "*"))).OfType<SourceRow.Accepted>()).Observations);

        Assert.Equal((null, true), (observation.Value, observation.Suppressed));
    }

    [Theory]
    [InlineData("-", 0)]
    [InlineData("5,9", 5.9)]
    [InlineData(" 6,1 ", 6.1)]
    public void A_dash_is_zero_and_German_numbers_in_text_cells_are_read(string cell, double expected)
    {
        var observation = Assert.Single(Assert.Single(Rows(Write(WithU25(BaSampleSet.June2017(), 8.4m, 2.3m, cell))).OfType<SourceRow.Accepted>()).Observations);

        Assert.Equal((decimal)expected, observation.Value);
    }

    [Theory]
    [InlineData("x", "kein Wert (x: Angabe nicht sinnvoll)")]
    [InlineData(".", "kein Wert (.: Zahlenwert nicht verfügbar)")]
    public void Not_applicable_and_missing_cells_give_no_value_and_skip_the_row(string cell, string why)
    {
        var rows = Rows(Write(WithU25(BaSampleSet.June2017(), 8.4m, 2.3m, cell)));

        Assert.Empty(rows.OfType<SourceRow.Accepted>());
        Assert.Equal(why, Assert.IsType<SourceRow.Skipped>(rows.Single(r => r.Row == 15)).Why);
    }

    [Theory]
    [InlineData("6.1", "WERT_KEINE_ZAHL")]
    [InlineData("n.v.", "WERT_KEINE_ZAHL")]
    [InlineData(null, "BA_WERT_LEER")]
    [InlineData("161,0", "BA_QUOTE_UNGUELTIG")]
    public void An_unreadable_or_impossible_rate_rejects_the_row_with_sheet_cell_and_raw_value(string? cell, string code)
    {
        var rows = Rows(Write(WithU25(BaSampleSet.June2017(), 8.4m, 2.3m, cell)));

        var problem = Assert.Single(Assert.Single(rows.OfType<SourceRow.Rejected>()).Problems);
        Assert.Equal(("Eckwerte", 15, "D", cell, code), (problem.Sheet, problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
    }

    [Fact]
    public void The_same_label_under_another_top_level_row_is_not_taken_for_the_mapped_one()
    {
        var table = BaSampleSet.June2017();
        var rows = table.Rows.ToList();
        rows.Insert(1, new BaTableRow("  Jugendliche 15 bis unter 25 Jahre", [999m, 999m, 999m]));

        var read = Rows(Write(table with { Rows = rows }));

        Assert.Equal(6.1m, Assert.Single(Assert.Single(read.OfType<SourceRow.Accepted>()).Observations).Value);
        Assert.Equal("Merkmal nicht zugeordnet", Assert.IsType<SourceRow.Skipped>(read.Single(r => r.Row == 10)).Why);
    }

    [Fact]
    public void A_table_of_another_region_is_refused()
    {
        var table = BaSampleSet.June2017();
        var path = Write(table with { TitleLines = [.. table.TitleLines.Select(l => l.StartsWith("Region", StringComparison.Ordinal) ? "Region: Gütersloh, Stadt (05754008)" : l)] });

        var refused = Refused(path);

        Assert.Equal("BA_REGION_FREMD", refused.Reason.Code);
        Assert.Contains("Gütersloh", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_with_another_municipality_key_is_refused()
    {
        Assert.Equal("BA_REGION_FREMD", Refused(Write(BaSampleSet.June2017(), "BA_AMR_05754_201706.xlsx")).Reason.Code);
    }

    [Fact]
    public void A_Region_without_its_key_is_refused_because_Bielefeld_alone_may_be_the_Agenturbezirk()
    {
        var table = BaSampleSet.June2017();
        var path = Write(table with { TitleLines = [.. table.TitleLines.Select(l => l.StartsWith("Region", StringComparison.Ordinal) ? "Region: Bielefeld" : l)] });

        Assert.Equal("KOPF_UNERWARTET", Refused(path).Reason.Code);
    }

    [Fact]
    public void A_Berichtsmonat_that_contradicts_the_file_name_is_refused()
    {
        var refused = Refused(Write(BaSampleSet.June2017(), "BA_AMR_05711_201705.xlsx"));

        Assert.Equal("DATEI_WIDERSPRUCH", refused.Reason.Code);
        Assert.Equal("BA_AMR_05711_201705.xlsx: der Dateiname nennt den Berichtsmonat 2017-05, der Titelblock 2017-06.", refused.Message);
    }

    [Fact]
    public void A_renamed_mapped_row_refuses_the_file_rather_than_silently_stopping_the_series()
    {
        var table = BaSampleSet.June2017();
        var path = Write(table with { Rows = [.. table.Rows.Select((r, i) => i == U25Row ? r with { Label = "  Jüngere unter 25 Jahren" } : r)] });

        var refused = Refused(path);

        Assert.Equal("BA_MERKMAL_FEHLT", refused.Reason.Code);
        Assert.Contains("'Jugendliche 15 bis unter 25 Jahre' unter 'Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_renamed_row_is_read_once_the_pipeline_names_the_new_label_as_alias()
    {
        var table = BaSampleSet.June2017();
        var path = Write(table with { Rows = [.. table.Rows.Select((r, i) => i == U25Row ? r with { Label = "  Jüngere unter 25 Jahren" } : r)] });
        var reader = BaPipeline.ReaderFor(_dir.Path, """
              tables:
                - code: AMR
                  sheet: Eckwerte
                  merkmale:
                    - label: Jugendliche 15 bis unter 25 Jahre
                      aliases: [Jüngere unter 25 Jahren]
                      parent: Arbeitslosenquote bezogen auf alle zivilen Erwerbspersonen
                      columns: [{ column: SGB II, indicator: Jobcenter-2.1 }]
            """);

        Assert.Equal(6.1m, BaPipeline.ReadAll(reader, path).Rows.OfType<SourceRow.Accepted>().Single().Observations[0].Value);
    }

    [Fact]
    public void A_mapped_column_missing_from_the_header_refuses_the_file()
    {
        var table = BaSampleSet.June2017();

        var refused = Refused(Write(table with { ColumnLabels = ["Merkmal", "Insgesamt", "SGB III", "Grundsicherung"] }));

        Assert.Equal(("KOPF_UNERWARTET", true), (refused.Reason.Code, refused.Message.Contains("'SGB II'", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unknown_table_and_a_missing_sheet_are_refused()
    {
        Assert.Equal("BA_TABELLE_UNBEKANNT", Refused(Write(BaSampleSet.June2017(), "BA_XYZ_05711_201706.xlsx")).Reason.Code);
        Assert.Equal("BLATT_FEHLT", Refused(Write(BaSampleSet.June2017() with { Sheet = "Tabelle1" })).Reason.Code);
    }

    [Fact]
    public void A_pipeline_that_names_an_unknown_indicator_is_rejected_at_start_up()
    {
        var error = Assert.Throws<PipelineDefinitionException>(() => BaPipeline.ReaderFor(_dir.Path, """
              tables:
                - code: AMR
                  merkmale:
                    - label: Arbeitslose
                      columns: [{ column: SGB II, indicator: Jobcenter-99.1 }]
            """));

        Assert.Contains("Jobcenter-99.1", error.Message, StringComparison.Ordinal);
    }
}
