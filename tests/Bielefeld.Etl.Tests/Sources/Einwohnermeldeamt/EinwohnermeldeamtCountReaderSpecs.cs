using Bielefeld.Etl.Catalog;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources;

namespace Bielefeld.Etl.Tests.Sources.Einwohnermeldeamt;

public sealed class EinwohnermeldeamtCountReaderSpecs : IDisposable
{
    private const string SampleName = "EWO_Bestand_20170630.csv";
    private const string Header = "Stichtag;Stadtbezirk_Nr;Stadtbezirk;Quartier;Altersgruppe;Geschlecht;Migrationshintergrund;Anzahl";
    private static readonly IExtractReader Reader = RecordPipelines.Reader("einwohnermeldeamt");
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Sample => RecordPipelines.Sample("einwohnermeldeamt", SampleName);

    private static decimal? Value(List<Observation> totals, string code, string area) =>
        totals.SingleOrDefault(o => o.IndicatorCode == code && o.AreaCode == area)?.Value;

    private string Write(string name, params string[] lines)
    {
        var path = _dir.File(name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n", new System.Text.UTF8Encoding(true));
        return path;
    }

    [Fact]
    public void Every_line_is_loaded_rejected_or_skipped()
    {
        var (rows, _, scope) = RecordPipelines.ReadAll(Reader, Sample);

        Assert.Equal(Enumerable.Range(1, 21), rows.Select(r => r.Row));
        Assert.Equal(15, rows.OfType<SourceRow.Accepted>().Count());
        Assert.Equal([15, 17, 19, 20], rows.OfType<SourceRow.Rejected>().Select(r => r.Row));
        Assert.Equal([1, 21], rows.OfType<SourceRow.Skipped>().Select(r => r.Row));
        Assert.Equal(new DeliveryScope("einwohnermeldeamt", "EWO", new DateOnly(2017, 6, 1), new DateOnly(2017, 6, 1)), scope);
    }

    [Fact]
    public void Context_series_sum_residents_per_quarter_district_and_city_exactly()
    {
        var (_, totals, _) = RecordPipelines.ReadAll(Reader, Sample);

        // Kammerich: 60-64 295, 80+ 155, 25-29 64. Ummeln is not in config/bereiche.yml: it counts for Brackwede and the city only.
        Assert.Equal(514m, Value(totals, "Kontext.einwohner", "quartier:kammerich"));
        Assert.Equal(450m, Value(totals, "Kontext.einwohner-60plus", "quartier:kammerich"));
        Assert.Equal(82m, Value(totals, "Kontext.einwohner-60plus-mh", "quartier:kammerich"));
        Assert.Equal(594m, Value(totals, "Kontext.einwohner", "05711000-04"));
        Assert.Equal(530m, Value(totals, "Kontext.einwohner-60plus", "05711000-04"));
        Assert.Equal(863m, Value(totals, "Kontext.einwohner", Area.CityCode));
        Assert.Equal(741m, Value(totals, "Kontext.einwohner-60plus", Area.CityCode));
        Assert.Equal(155m, Value(totals, "Kontext.einwohner-60plus-mh", Area.CityCode));
        Assert.Equal(0m, Value(totals, "Kontext.einwohner-60plus-mh", "quartier:sieker"));
        Assert.Null(Value(totals, "Kontext.einwohner", "05711000-01")); // Mitte's only row is rejected
        Assert.All(totals, o => Assert.Equal((new DateOnly(2017, 6, 1), "EWO", false), (o.Month, o.SeriesKey, o.Suppressed)));
    }

    [Fact]
    public void Wrong_quarters_unknown_age_bands_duplicates_and_control_totals_that_do_not_add_up_are_rejected()
    {
        var (rows, _, _) = RecordPipelines.ReadAll(Reader, Sample);
        var problems = rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Column, p.RawValue, p.Reason.Code));

        Assert.Equal(
        [
            (15, "Anzahl", "60", "KONTROLLSUMME_ABWEICHEND"),
            (17, "Quartier", "Sieker", "QUARTIER_NICHT_IM_BEZIRK"),
            (19, "Altersgruppe", "62-66", "ALTERSGRUPPE_UNBEKANNT"),
            (20, null, null, "ZEILE_DOPPELT"),
        ], problems);
        Assert.Equal("Kontrollsumme 60 für Baumheide (m, J) weicht von der Summe der Einzelzeilen 58 ab.",
            rows.OfType<SourceRow.Rejected>().First().Problems[0].Message);
    }

    [Fact]
    public void The_context_series_are_informational_stocks_of_the_Kontext_pseudo_measure()
    {
        var catalog = ContextCatalog.Extend(KafPipeline.Catalog, [Reader]);

        var indicator = catalog.FindIndicator("Kontext.einwohner-60plus")!;
        Assert.Equal(("Kontext", IndicatorKind.Stock, true, "Personen"), (indicator.MeasureCode, indicator.Kind, indicator.Informational, indicator.Unit));
        Assert.Empty(indicator.Targets);
        Assert.Equal(KafPipeline.Catalog.Measures.Count + 1, catalog.Measures.Count);
    }

    [Fact]
    public void A_Stichtag_other_than_the_file_name_refuses_the_file()
    {
        var path = Write(SampleName, Header, "30.06.2017;04;Brackwede;Kammerich;60-64;w;N;112", "31.03.2017;04;Brackwede;Kammerich;60-64;w;J;38");

        var error = Assert.Throws<ExtractFileException>(() => RecordPipelines.ReadAll(Reader, path));

        Assert.Equal("STICHTAG_WIDERSPRUCH", error.Reason.Code);
        Assert.Contains("Zeile 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_date_that_is_no_quarter_end_is_refused_by_name()
    {
        var path = Write("EWO_Bestand_20170615.csv", Header);

        Assert.Equal("DATEINAME_UNERWARTET", Assert.Throws<ExtractFileException>(() => Reader.Open(path)).Reason.Code);
    }

    [Fact]
    public void Windows_1252_with_commas_and_an_aliased_header_reads_the_same_with_umlauts_intact()
    {
        var path = _dir.File(SampleName);
        var text = File.ReadAllText(Sample).Replace(";", ",", StringComparison.Ordinal).Replace("Migrationshintergrund", "MH", StringComparison.Ordinal)
            .Replace("30.06.2017,06,Jöllenbeck,Oberlohmannshof,65-69", "30.06.2017,06,Jöllenbek,Oberlohmannshof,65-69", StringComparison.Ordinal);
        File.WriteAllBytes(path, Bielefeld.Etl.Sources.Csv.ExtractEncoding.Windows1252.GetBytes(text));

        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, path);

        var contradiction = rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Single(p => p.Reason.Code == "BEZIRK_WIDERSPRUCH");
        Assert.Equal("Stadtbezirk 06 heißt Jöllenbeck, nicht 'Jöllenbek'.", contradiction.Message);
        Assert.Equal(155m, Value(totals, "Kontext.einwohner-60plus-mh", Area.CityCode));
    }

    [Fact]
    public void Duplicates_are_found_whatever_the_case_of_quarter_and_total_label_and_name_the_line_that_counts()
    {
        var path = Write(SampleName, Header,
            "30.06.2017;04;Brackwede;Ummeln;60-64;w;N;80",
            "30.06.2017;04;Brackwede;UMMELN;60-64;w;N;81",
            "30.06.2017;04;Brackwede;Ummeln;insgesamt;w;N;80",
            "30.06.2017;04;Brackwede;ummeln;INSGESAMT;w;N;80");

        var (rows, totals, _) = RecordPipelines.ReadAll(Reader, path);

        Assert.Equal([2, 4], rows.OfType<SourceRow.Accepted>().Select(r => r.Row));
        Assert.Equal(
        [
            (3, "ZEILE_DOPPELT", "UMMELN, 60-64, w, N steht schon in Zeile 2; gezählt wird jene Zeile."),
            (5, "ZEILE_DOPPELT", "ummeln, INSGESAMT, w, N steht schon in Zeile 4; gezählt wird jene Zeile."),
        ], rows.OfType<SourceRow.Rejected>().SelectMany(r => r.Problems).Select(p => (p.Row, p.Reason.Code, p.Message)));
        Assert.Equal(80m, Value(totals, "Kontext.einwohner", "05711000-04"));
    }
}
