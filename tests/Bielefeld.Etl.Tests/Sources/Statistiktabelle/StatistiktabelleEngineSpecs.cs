using Bielefeld.Etl.Definitions.Pipelines;
using Bielefeld.Etl.Jobs;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Sources.Xlsx;
using Bielefeld.Etl.Synthetic.Statistiktabelle;
using Bielefeld.Etl.Warehouse;
using Bielefeld.Etl.Warehouse.Sqlite;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bielefeld.Etl.Tests.Sources.Statistiktabelle;

/// <summary>
/// The statistics-table engine on generated tables, without the real exports: a revised figure of a later Stand
/// supersedes with history, every accepted spelling reads the same figures, a long table, and pipeline sections that
/// would leave a value's meaning open refused at start-up.
/// </summary>
public sealed class StatistiktabelleEngineSpecs : IDisposable
{
    private static readonly string[] Title = ["Arbeitsmarktstatistik: Arbeitslose nach Geschlecht", "- Gemeinden - Monat", "Arbeitsmarktstatistik", "Arbeitslose (Anzahl)", "Köln, krfr. Stadt"];
    private readonly TemporaryDirectory _dir = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    /// <summary>2013 with December not yet reported (A) or reported (B); B revises March's Insgesamt from 3000 to 3500.</summary>
    private static MonthlyTable Vintage(bool later) => new(
        Title,
        ["Insgesamt", "männlich", "weiblich"],
        [(2013, (m, s) => m == 12 && !later ? null : later && m == 3 && s == 0 ? 3500m : (1000m * m) + s)],
        later ? new DateOnly(2014, 2, 15) : new DateOnly(2014, 1, 15));

    [Fact]
    public async Task A_revised_figure_of_a_later_Stand_supersedes_the_earlier_and_keeps_it_in_history()
    {
        var warehouse = new SqliteWarehouse($"Data Source={_dir.File("warehouse.db")}", TimeProvider.System);
        var inbox = _dir.Folder(Path.Combine("inbox", "itnrw-arbeitslose"));
        async Task<FileLoadResult> Deliver(string name, MonthlyTable table)
        {
            MonthlyTableWriter.Write(table, Path.Combine(inbox, name));
            var run = PipelineRun.Prepare(
                new EtlOptions(_dir.Folder("inbox"), StatistiktabellePipelines.SampleFolder, RepositoryPaths.Catalog2017, RepositoryPaths.Areas, new WarehouseSettings("sqlite", "")),
                warehouse, NullLogger.Instance, TimeProvider.System);
            var summary = await run.RunAsync(["itnrw-arbeitslose"], null, TestContext.Current.CancellationToken);
            return Assert.Single(summary.Files, f => f.File.Name == name);
        }

        var first = await Deliver("Synth_13211-03ir_A.xlsx", Vintage(later: false));
        var second = await Deliver("Synth_13211-03ir_B.xlsx", Vintage(later: true));

        // 5 title rows, 4 header rows, 1 year, the rule, 3 footnote lines, the Stand line.
        Assert.Equal(new RowCounts(15, 1, 0, 14), first.Counts);
        Assert.Equal(new RowCounts(15, 1, 0, 14), second.Counts);
        await using var connection = await warehouse.OpenAsync(TestContext.Current.CancellationToken);
        var march = (await connection.QueryAsync<(double Wert, string Datenstand, bool Aktuell)>(
            """
            SELECT wert, datenstand, ersetzt_durch_datei_id IS NULL FROM fact_beobachtung
            WHERE indikator_code = 'Kontext.itnrw-arbeitslose-koeln' AND monat = '2013-03-01' ORDER BY datenstand
            """)).ToList();
        Assert.Equal([(3000d, "2014-01-15", false), (3500d, "2014-02-15", true)], march);
        var december = await connection.QuerySingleAsync<(double Wert, string Datenstand)>(
            "SELECT wert, datenstand FROM fact_beobachtung WHERE indikator_code = 'Kontext.itnrw-arbeitslose-koeln-w' AND monat = '2013-12-01'");
        Assert.Equal((12002d, "2014-02-15"), december);
        Assert.Equal(36L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_beobachtung WHERE ersetzt_durch_datei_id IS NULL"));
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM fact_beobachtung WHERE wert = 0"));
    }

    public static TheoryData<string> Variants => ["ExcelShort", "Number", "NumbersAsText", "SpacedLabels"];

    [Theory]
    [MemberData(nameof(Variants))]
    public void Every_accepted_spelling_of_the_table_reads_the_same_figures_as_the_canonical_form(string variant)
    {
        var canonical = Vintage(later: true) with { Years = [(2013, (m, s) => (1000m * m) + (10m * s) + 1234.5m - 0.5m)] };
        var spelled = variant switch
        {
            "ExcelShort" => canonical with { Months = MonthHeaderStyle.ExcelShort },
            "Number" => canonical with { Months = MonthHeaderStyle.Number },
            "NumbersAsText" => canonical with { NumbersAsText = true },
            _ => canonical with { SpacedLabels = true },
        };
        MonthlyTableWriter.Write(canonical, _dir.File("canonical.xlsx"));
        MonthlyTableWriter.Write(spelled, _dir.File("variant.xlsx"));
        var reader = StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw);

        var (expected, _, _) = StatistiktabellePipelines.ReadAll(reader, _dir.File("canonical.xlsx"));
        var (actual, _, _) = StatistiktabellePipelines.ReadAll(reader, _dir.File("variant.xlsx"));

        Assert.Equal(36, StatistiktabellePipelines.Values(expected).Count);
        Assert.Equal(13244m, StatistiktabellePipelines.Values(expected)[("Kontext.itnrw-arbeitslose-koeln-m", "2013-12", "05315000")].Value);
        Assert.Equal(StatistiktabellePipelines.Values(expected).ToDictionary(v => v.Key, v => v.Value.Value), StatistiktabellePipelines.Values(actual).ToDictionary(v => v.Key, v => v.Value.Value));
        Assert.Equal(StatistiktabellePipelines.Counts(expected), StatistiktabellePipelines.Counts(actual));
    }

    [Theory]
    [InlineData(StandLayout.LabelBesideText)]
    [InlineData(StandLayout.LabelBesideDate)]
    public void A_Stand_split_over_two_cells_dates_every_figure_as_the_one_cell_form_does(StandLayout layout)
    {
        MonthlyTableWriter.Write(Vintage(later: true), _dir.File("canonical.xlsx"));
        MonthlyTableWriter.Write(Vintage(later: true) with { StandCells = layout }, _dir.File("split.xlsx"));
        var reader = StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw);

        var (expected, _, _) = StatistiktabellePipelines.ReadAll(reader, _dir.File("canonical.xlsx"));
        var (actual, _, _) = StatistiktabellePipelines.ReadAll(reader, _dir.File("split.xlsx"));

        var vintages = actual.OfType<SourceRow.Accepted>().SelectMany(a => a.Observations).Select(o => o.Vintage).Distinct();
        Assert.Equal([new DateOnly(2014, 2, 15)], vintages);
        Assert.Equal(36, StatistiktabellePipelines.Values(actual).Count);
        Assert.Equal(StatistiktabellePipelines.Values(expected).ToDictionary(v => v.Key, v => v.Value.Value), StatistiktabellePipelines.Values(actual).ToDictionary(v => v.Key, v => v.Value.Value));
        Assert.Equal(StatistiktabellePipelines.Counts(expected), StatistiktabellePipelines.Counts(actual));
    }

    [Fact]
    public void Month_headers_in_German_Excel_short_form_are_named_in_the_load_protocol_once_per_month()
    {
        MonthlyTableWriter.Write(Vintage(later: true), _dir.File("canonical.xlsx"));
        MonthlyTableWriter.Write(Vintage(later: true) with { Months = MonthHeaderStyle.ExcelShort }, _dir.File("short.xlsx"));
        var reader = StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw);
        using var canonical = reader.Open(_dir.File("canonical.xlsx"));
        _ = canonical.Rows.ToList();
        using var reading = reader.Open(_dir.File("short.xlsx"));

        var rows = reading.Rows.ToList();

        Assert.Equal(36, StatistiktabellePipelines.Values(rows).Count);
        Assert.DoesNotContain(canonical.Normalisations.Entries, e => e.Code == "MONATSKOPF");
        var notes = reading.Normalisations.Entries.Where(e => e.Code == "MONATSKOPF").ToList();
        // Every month but „Mai“, which is its own full name; each merged over its three series columns, noted once.
        Assert.Equal(11, notes.Count);
        Assert.All(notes, n => Assert.Equal(1, n.Count));
        Assert.Contains(notes, n => (n.Raw, n.Message, n.Column, n.Sheet) == ("Mrz", "Monatskopf 'Mrz' als März gelesen", "H", "Temporär"));
    }

    [Fact]
    public void A_second_row_reading_the_header_s_first_cell_within_the_first_rows_refuses_the_file_naming_both()
    {
        MonthlyTableWriter.Write(Vintage(later: false) with { Footnotes = ["Jahr", "Quelle: Statistik der Bundesagentur für Arbeit"] }, _dir.File("two.xlsx"));
        var reader = StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw);

        var refused = Assert.Throws<ExtractFileException>(() => StatistiktabellePipelines.ReadAll(reader, _dir.File("two.xlsx")));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Equal("two.xlsx: die Zeilen 6 und 12 kommen beide als Kopfzeile ('Jahr') in Frage; welche gilt, wäre geraten.", refused.Message);
    }

    [Fact]
    public void Numbers_written_as_German_text_are_named_in_the_load_protocol()
    {
        MonthlyTableWriter.Write(Vintage(later: true) with { NumbersAsText = true }, _dir.File("text.xlsx"));

        using var reading = StatistiktabellePipelines.Reader(StatistiktabellePipelines.ItNrw).Open(_dir.File("text.xlsx"));
        var rows = reading.Rows.ToList();

        Assert.Equal(36, StatistiktabellePipelines.Values(rows).Count);
        var notes = reading.Normalisations.Entries.Where(e => e.Code == "ZAHL_ALS_TEXT").ToList();
        Assert.Equal(36, notes.Sum(n => n.Count));
        Assert.Contains(notes, n => n.Raw == "1.000" && n.Row == 10 && n.Column == "B" && n.Sheet == "Temporär");
    }

    [Fact]
    public void A_long_table_reads_one_value_per_row_with_areas_by_name_and_rejects_an_unknown_area()
    {
        var book = new XlsxWorkbook("Spec");
        var sheet = book.AddSheet("Daten");
        sheet.Text(0, 0, "Arbeitslose nach Stadtbezirken");
        string[][] rows =
        [
            ["Monat", "Region", "Merkmal", "Wert"],
            ["März 2017", "Mitte", "Arbeitslose", "1.234"],
            ["201703", "Senne", "Arbeitslose", "567"],
            ["03.2017", "Stadt Bielefeld", "Arbeitslose", "12.345"],
            ["März 2017", "Mitte", "Langzeitarbeitslose", "400"],
            ["März 2017", "Atlantis", "Arbeitslose", "5"],
            ["März 2017", "Schildesche", "Arbeitslose", "6"],
            ["April 2017", "Mitte", "Arbeitslose", "."],
        ];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[r].Length; c++)
            {
                sheet.Text(r + 2, c, rows[r][c]);
            }
        }

        book.Save(_dir.File("lang.xlsx"));
        var reader = StatistiktabellePipelines.Reader(Pipeline("""
              code: lang-test
              header: { first_cell: Monat }
              layout: long
              columns: { month: Monat, area: Region, series: Merkmal, value: Wert }
              series:
                - { label: Arbeitslose, indicator: Kontext.test-arbeitslose, name: Arbeitslose }
              symbols: { not_available: ["."] }
            """));

        var (read, scope, _) = StatistiktabellePipelines.ReadAll(reader, _dir.File("lang.xlsx"));

        Assert.Equal(new RowCounts(10, 3, 2, 5), StatistiktabellePipelines.Counts(read));
        var values = StatistiktabellePipelines.Values(read);
        Assert.Equal(1234m, values[("Kontext.test-arbeitslose", "2017-03", "05711000-01")].Value);
        Assert.Equal(567m, values[("Kontext.test-arbeitslose", "2017-03", "05711000-10")].Value);
        Assert.Equal(12345m, values[("Kontext.test-arbeitslose", "2017-03", "05711000")].Value);
        var rejected = read.OfType<SourceRow.Rejected>().Select(r => r.Problems.Single()).ToList();
        Assert.Equal([(8, "B", "Atlantis", "STAT_ZEILE_UNBEKANNT"), (9, "B", "Schildesche", "STAT_ZEILE_UNBEKANNT")],
            rejected.Select(p => (p.Row, p.Column, p.RawValue, p.Reason.Code)));
        // Schildesche is a Stadtbezirk and a Quartier in config/bereiche.yml: which one is meant is not guessed.
        Assert.Contains("mehrdeutig (05711000-02, quartier:schildesche)", rejected[1].Message, StringComparison.Ordinal);
        Assert.Equal(Observations.SupersedeMode.FullSnapshot, scope.Mode);
    }

    [Theory]
    [InlineData("header: { first_cell: Jahr, rows: 2, month_row: 2 }\n  row_key: month", "der Monat eines Werts")]
    [InlineData("header: { first_cell: Jahr, rows: 2, month_row: 2, month_pattern: \"^(?<name>.+)\" }\n  row_key: year", "keine Gruppe (?<monat>")]
    [InlineData("header: { first_cell: Jahr, rows: 2, month_row: 3 }\n  row_key: year", "header.month_row 3 liegt nicht im Kopf")]
    [InlineData("header: { first_cell: Jahr, rows: 2, month_row: 2 }\n  row_key: year\n  symbols: { not_available: [\".\"], nothing: [\".\"] }", "'.' ist leer, eine Zahl oder hat mehr als eine Bedeutung")]
    public void A_section_that_would_leave_a_values_meaning_open_is_refused_at_start_up(string section, string expected)
    {
        var path = Pipeline($"  code: t\n  {section}\n  area: {{ code: \"05711000\", name: Bielefeld }}\n  series:\n    - {{ label: \"\", indicator: Kontext.t, name: T }}\n");

        var refusal = Assert.Throws<PipelineDefinitionException>(() => StatistiktabellePipelines.Reader(path));

        Assert.Contains(expected, refusal.Message, StringComparison.Ordinal);
    }

    private string Pipeline(string section)
    {
        var path = _dir.File($"p{Guid.NewGuid():N}.yml");
        File.WriteAllText(path, "name: stat-test\nsource: Test\nreader: statistiktabelle\nfiles: \"*.xlsx\"\n\nstatistiktabelle:\n" + section);
        return path;
    }
}
