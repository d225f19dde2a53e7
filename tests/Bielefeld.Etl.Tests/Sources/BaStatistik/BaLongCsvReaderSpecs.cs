using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;
using Bielefeld.Etl.Sources.Csv;
using Bielefeld.Etl.Synthetic.BaStatistik;

namespace Bielefeld.Etl.Tests.Sources.BaStatistik;

public sealed class BaLongCsvReaderSpecs : IDisposable
{
    private const string Status = "13.07.2017";
    private const string LoneParents = "Arbeitslose Alleinerziehende SGB II";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(params BaSpecialEvaluationRow[] rows)
    {
        var path = _dir.File("BA_SA_Test_20170714.csv");
        BaSpecialEvaluationWriter.Write(rows, path);
        return path;
    }

    private static BaSpecialEvaluationRow Sieker(string value, string month = "201706", string status = Status) =>
        new(month, status, "Quartier", "Sieker", "Sieker", LoneParents, value);

    private static List<SourceRow> Rows(string path, IExtractReader? reader = null) => BaPipeline.ReadAll(reader ?? BaPipeline.Reader, path).Rows;

    private static RejectedRow SingleProblem(List<SourceRow> rows) => Assert.Single(Assert.Single(rows.OfType<SourceRow.Rejected>()).Problems);

    [Fact]
    public void Every_line_of_the_lone_parent_evaluation_is_loaded_rejected_or_skipped()
    {
        var (rows, scope) = BaPipeline.ReadAll(BaPipeline.Reader, BaPipeline.Sample(BaSampleSet.LoneParents));

        Assert.Equal(Enumerable.Range(1, 24), rows.Select(r => r.Row));
        Assert.Equal(21, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal(
            [(1, "Kopfzeile"), (23, "Regionstyp Stadt wird für 'Arbeitslose Alleinerziehende SGB II' nicht geladen")],
            rows.OfType<SourceRow.Skipped>().Select(s => (s.Row, s.Why)));
        var problem = SingleProblem(rows);
        Assert.Equal((null, 24, "Region", "Sennestadt-Süd", "BA_REGION_UNBEKANNT"), (problem.Sheet, problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
        Assert.Equal(new BaPipeline.DeliveryScopeView(new DateOnly(2016, 12, 1), new DateOnly(2017, 6, 1), SupersedeMode.PerValue, null), scope);
    }

    [Fact]
    public void Quarters_are_found_by_name_and_December_2016_is_kept_as_the_baseline()
    {
        var observations = Rows(BaPipeline.Sample(BaSampleSet.LoneParents)).OfType<SourceRow.Accepted>().SelectMany(a => a.Observations).ToList();

        Assert.Equal(
            [("quartier:baumheide", 7), ("quartier:sennestadt", 7), ("quartier:sieker", 7)],
            observations.GroupBy(o => o.AreaCode).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Equal(
            [("quartier:sennestadt", 112m), ("quartier:baumheide", 87m), ("quartier:sieker", 64m)],
            observations.Where(o => o.Month == new DateOnly(2016, 12, 1)).Select(o => (o.AreaCode, o.Value!.Value)));
        Assert.All(observations, o => Assert.Equal(("Jobcenter-8.1", "BA:Jobcenter-8.1", new DateOnly(2017, 7, 13)), (o.IndicatorCode, o.SeriesKey, o.Vintage!.Value)));
    }

    [Fact]
    public void The_suppressed_April_figure_of_Sieker_is_loaded_as_suppressed_without_a_value()
    {
        var april = Rows(BaPipeline.Sample(BaSampleSet.LoneParents)).OfType<SourceRow.Accepted>().SelectMany(a => a.Observations)
            .Single(o => o.AreaCode == "quartier:sieker" && o.Month == new DateOnly(2017, 4, 1));

        Assert.Equal((null, true), (april.Value, april.Suppressed));
    }

    [Fact]
    public void Training_entries_and_integrations_sum_to_the_figures_of_the_sample()
    {
        var rows = Rows(BaPipeline.Sample(BaSampleSet.TrainingAndIntegrations));
        var observations = rows.OfType<SourceRow.Accepted>().SelectMany(a => a.Observations).ToList();

        Assert.Equal(16, rows.Count);
        Assert.Equal(184m, observations.Where(o => o.IndicatorCode == "Jobcenter-1.1").Sum(o => o.Value));
        Assert.Equal(2902m, observations.Where(o => o.IndicatorCode == "Jobcenter-3.1").Sum(o => o.Value));
        Assert.All(observations, o => Assert.Equal("05711000", o.AreaCode));
        Assert.Equal([(1, "Kopfzeile"), (8, "kein Wert (.: Zahlenwert nicht verfügbar)")], rows.OfType<SourceRow.Skipped>().Select(s => (s.Row, s.Why)));
        Assert.Equal(
            [(15, "Wert", "vorl. 498", "WERT_KEINE_ZAHL"), (16, "Regionsschluessel", "05754008", "BA_REGION_UNBEKANNT")],
            rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Column!, p.RawValue!, p.Reason.Code)));
    }

    [Theory]
    [InlineData("-", 0)]
    [InlineData("1.234", 1234)]
    [InlineData("*", null)]
    [InlineData("1 234", 1234)]
    [InlineData("1\u00A0234", 1234)]
    [InlineData("1\u202F234", 1234)]
    public void Symbols_and_German_numbers_are_read_as_the_contract_says(string value, int? expected)
    {
        var observation = Assert.Single(Assert.Single(Rows(Write(Sieker(value))).OfType<SourceRow.Accepted>()).Observations);

        Assert.Equal(((decimal?)expected, expected is null), (observation.Value, observation.Suppressed));
    }

    [Theory]
    [InlineData("x", "kein Wert (x: Angabe nicht sinnvoll)")]
    [InlineData(".", "kein Wert (.: Zahlenwert nicht verfügbar)")]
    public void Not_applicable_and_missing_values_are_skipped_never_zero(string value, string why)
    {
        var rows = Rows(Write(Sieker(value)));

        Assert.Equal(why, Assert.IsType<SourceRow.Skipped>(rows[1]).Why);
    }

    [Theory]
    [InlineData("5.9", "Wert", "WERT_KEINE_ZAHL")]
    [InlineData("", "Wert", "BA_WERT_LEER")]
    [InlineData("-3", "Wert", "WERT_NEGATIV")]
    [InlineData("\u22123", "Wert", "WERT_NEGATIV")]
    [InlineData("1 23", "Wert", "WERT_KEINE_ZAHL")]
    [InlineData("1 234.5", "Wert", "WERT_KEINE_ZAHL")]
    [InlineData("12,5", "Wert", "WERT_NICHT_GANZZAHLIG")]
    public void Values_that_are_no_count_are_rejected_with_column_and_raw_value(string value, string column, string code)
    {
        var problem = SingleProblem(Rows(Write(Sieker(value))));

        Assert.Equal((2, column, value, code), (problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
    }

    [Fact]
    public void Month_and_Datenstand_must_be_readable_and_in_order()
    {
        var rows = Rows(Write(Sieker("60", month: "06/17"), Sieker("60", month: "201705", status: "2017-07-13"), Sieker("60", month: "201708", status: Status)));

        Assert.Equal(
            [(2, "BA_BERICHTSMONAT_UNGUELTIG"), (3, "BA_DATENSTAND_UNGUELTIG"), (4, "BA_DATENSTAND_UNGUELTIG")],
            rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Reason.Code)));
    }

    [Theory]
    [InlineData("06/17")]
    [InlineData("Juni")]
    [InlineData("15.06.2017")]
    [InlineData("13/2017")]
    [InlineData("Jun 17")]
    public void A_Berichtsmonat_that_would_need_guessing_is_rejected_with_its_raw_value(string month)
    {
        var problem = SingleProblem(Rows(Write(Sieker("60", month: month))));

        Assert.Equal((2, "Berichtsmonat", month, "BA_BERICHTSMONAT_UNGUELTIG"), (problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
    }

    [Theory]
    [InlineData("06/2017")]
    [InlineData("Jun 2017")]
    [InlineData("Juni 2017")]
    [InlineData("2017-06")]
    [InlineData("Jun. 2017")]
    public void A_Berichtsmonat_as_exports_write_it_is_read_as_that_month(string month)
    {
        var rows = Rows(Write(Sieker("60", month: month)));

        var observation = Assert.Single(Assert.IsType<SourceRow.Accepted>(rows[1]).Observations);
        Assert.Equal((new DateOnly(2017, 6, 1), 60m), (observation.Month, observation.Value));
    }

    [Fact]
    public void Unknown_Merkmal_and_Regionstyp_and_a_duplicate_are_rejected()
    {
        var rows = Rows(Write(
            Sieker("60"),
            Sieker("61"),
            Sieker("60") with { Merkmal = "Arbeitslose Alleinerziehende SGB III" },
            Sieker("60") with { Regionstyp = "Sozialraum" }));

        Assert.Equal(
            [(3, "BA_DOPPELT"), (4, "BA_MERKMAL_UNBEKANNT"), (5, "BA_REGIONSTYP_UNBEKANNT")],
            rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Reason.Code)));
    }

    [Fact]
    public void A_duplicate_is_found_however_far_apart_and_in_whatever_order_its_months_come()
    {
        // Months decades apart and going backwards: the duplicate check's month window grows both ways.
        var rows = Rows(Write(
            Sieker("60", "201706", "13.07.2017"),
            Sieker("61", "199001", "13.07.2017"),
            Sieker("62", "201012", "13.07.2017"),
            Sieker("63", "199001", "13.07.2017"),
            Sieker("64", "201706", "13.07.2017"),
            Sieker("65", "203001", "13.07.2030")));

        Assert.Equal([2, 3, 4, 7], rows.OfType<SourceRow.Accepted>().Select(r => r.Row));
        Assert.Equal([(5, "BA_DOPPELT"), (6, "BA_DOPPELT")], rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Reason.Code)));
    }

    [Fact]
    public void The_scope_is_the_delivery_month_before_the_rows_and_the_files_months_after_them_in_one_pass()
    {
        using var reading = BaPipeline.Reader.Open(Write(Sieker("60", "201706"), Sieker("61", "201612") with { Merkmal = "unbekannt" }, Sieker("62", "201703")));

        Assert.Equal((new DateOnly(2017, 7, 1), new DateOnly(2017, 7, 1)), (reading.Scope.FirstMonth, reading.Scope.LastMonth));
        Assert.Equal(4, reading.Rows.Count());
        // A rejected row's month counts for the period too, as it always did.
        Assert.Equal((new DateOnly(2016, 12, 1), new DateOnly(2017, 6, 1)), (reading.Scope.FirstMonth, reading.Scope.LastMonth));
    }

    [Fact]
    public void Repeated_values_read_the_same_whatever_spacing_and_case_they_come_in()
    {
        var rows = Rows(Write(
            Sieker("60"),
            Sieker("1.234") with { Region = " Baumheide ", Regionsschluessel = "", Regionstyp = "QUARTIER", Berichtsmonat = " 201705" },
            Sieker("5,0") with { Region = "Baumheide", Regionsschluessel = "", Berichtsmonat = "201704" },
            Sieker("5,5") with { Region = "baumheide", Regionsschluessel = "", Berichtsmonat = "201703" },
            Sieker("x") with { Berichtsmonat = "201702" }));

        Assert.Equal(
            [("quartier:sieker", 60m), ("quartier:baumheide", 1234m), ("quartier:baumheide", 5m)],
            rows.OfType<SourceRow.Accepted>().SelectMany(a => a.Observations).Select(o => (o.AreaCode, o.Value!.Value)));
        var problem = SingleProblem(rows);
        Assert.Equal((5, "Wert", "5,5", "WERT_NICHT_GANZZAHLIG"), (problem.Row, problem.Column, problem.RawValue, problem.Reason.Code));
        Assert.Contains("'5,5'", problem.Message, StringComparison.Ordinal);
        Assert.Equal("kein Wert (x: Angabe nicht sinnvoll)", rows.OfType<SourceRow.Skipped>().Last().Why);
    }

    [Fact]
    public void District_keys_decide_and_a_contradicting_name_is_rejected()
    {
        var reader = BaPipeline.ReaderFor(_dir.Path, """
              special_evaluations:
                merkmale:
                  - { label: Arbeitslose Alleinerziehende SGB II, indicator: Jobcenter-8.1 }
            """);
        var path = Write(
            new("201706", Status, "Stadtbezirk", "05711000-09", "Sennestadt", LoneParents, "402"),
            new("201706", Status, "Stadtbezirk", "05711000-07", "Sennestadt", LoneParents, "388"),
            new("201706", Status, "Stadtbezirk", "05711000-11", "Quelle", LoneParents, "17"),
            new("201706", Status, "Quartier", "quartier:sieker", "Baumheide", LoneParents, "60"));

        var rows = Rows(path, reader);

        Assert.Equal("05711000-09", Assert.Single(rows.OfType<SourceRow.Accepted>()).Observations[0].AreaCode);
        Assert.Equal(
            [(3, "BA_REGION_WIDERSPRUCH"), (4, "BA_REGION_UNBEKANNT"), (5, "BA_REGION_WIDERSPRUCH")],
            rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Reason.Code)));
    }

    [Fact]
    public void A_Windows_1252_file_without_BOM_with_a_renamed_header_and_an_extra_column_is_read()
    {
        var path = _dir.File("BA_SA_Alleinerziehende_20170714.csv");
        File.WriteAllText(path,
            "Berichtsmonat;Datenstand;Regionstyp;Regionsschlüssel;Region;Merkmal;Wert;Bemerkung\r\n" +
            "201706;13.07.2017;Quartier;Jöllenbeck;Jöllenbeck;Arbeitslose Alleinerziehende SGB II;41;vorläufig\r\n\r\n",
            ExtractEncoding.Windows1252);

        var rows = Rows(path);

        var observation = Assert.Single(Assert.Single(rows.OfType<SourceRow.Accepted>()).Observations);
        Assert.Equal(("quartier:joellenbeck", 41m), (observation.AreaCode, observation.Value));
        Assert.Equal([1, 2, 3], rows.Select(r => r.Row));
    }

    [Fact]
    public void A_missing_column_refuses_the_file_and_names_it()
    {
        var path = _dir.File("BA_SA_Test_20170714.csv");
        File.WriteAllText(path, "\uFEFFBerichtsmonat;Datenstand;Regionstyp;Regionsschluessel;Region;Merkmal\r\n201706;13.07.2017;Stadt;05711000;Bielefeld;Integrationen SGB II\r\n", Encoding.UTF8);

        var refused = Assert.Throws<ExtractFileException>(() => Rows(path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains("es fehlen die Spalten Wert", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_outside_the_contract_is_refused()
    {
        var path = _dir.File("Sonderauswertung_Juli.csv");
        File.WriteAllText(path, "x");

        Assert.Equal("DATEINAME_UNERWARTET", Assert.Throws<ExtractFileException>(() => Rows(path)).Reason.Code);
    }
}
