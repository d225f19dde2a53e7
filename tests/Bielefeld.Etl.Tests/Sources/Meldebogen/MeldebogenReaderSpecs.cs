using System.Text;
using Bielefeld.Etl.Loading;
using Bielefeld.Etl.Observations;
using Bielefeld.Etl.Sources.Meldebogen;

namespace Bielefeld.Etl.Tests.Sources.Meldebogen;

public sealed class MeldebogenReaderSpecs : IDisposable
{
    private const string Header = "Indikator;Bezeichnung;Einheit;Periode;Bereich;Wert;Zaehler;Nenner;Erledigt_am;Bewertung;Kommentar;Gemeldet_von";
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static (List<SourceRow> Rows, DeliveryScope Scope) Read(string path)
    {
        using var reading = MeldebogenPipeline.Reader.Open(path);
        return (reading.Rows.ToList(), reading.Scope);
    }

    private string Csv(params string[] lines)
    {
        var path = _dir.File("Meldebogen_test_2017.csv");
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
        return path;
    }

    private static RejectedRow SingleProblem(SourceRow row) => Assert.Single(Assert.IsType<SourceRow.Rejected>(row).Problems);

    [Fact]
    public void The_sample_loads_four_reports_rejects_two_rows_and_skips_the_header_and_the_untouched_template_rows()
    {
        var (rows, scope) = Read(MeldebogenPipeline.Sample);

        Assert.Equal(53, rows.Count);
        Assert.Equal(Enumerable.Range(1, 53), rows.Select(r => r.Row));
        Assert.Equal([2, 3, 18, 27], rows.OfType<SourceRow.Accepted>().Select(r => r.Row));
        Assert.Equal([5, 10], rows.OfType<SourceRow.Rejected>().Select(r => r.Row));
        Assert.Equal(47, rows.OfType<SourceRow.Skipped>().Count());
        Assert.Equal(SupersedeMode.PerValue, scope.Mode);
    }

    [Fact]
    public void A_milestone_is_0_in_the_months_before_it_was_reached_and_1_in_its_month()
    {
        var (rows, _) = Read(MeldebogenPipeline.Sample);
        var heepen = Assert.IsType<SourceRow.Accepted>(rows[1]).Observations;
        var sennestadt = Assert.IsType<SourceRow.Accepted>(rows[2]).Observations;

        Assert.Equal(
            [("500-8.1", new DateOnly(2017, 1, 1), "quartier:heepen", 0m), ("500-8.1", new DateOnly(2017, 2, 1), "quartier:heepen", 0m), ("500-8.1", new DateOnly(2017, 3, 1), "quartier:heepen", 1m)],
            heepen.Select(o => (o.IndicatorCode, o.Month, o.AreaCode, o.Value!.Value)));
        Assert.Equal([0m, 0m, 0m, 0m, 1m], sennestadt.Select(o => o.Value!.Value));
        Assert.All(heepen.Concat(sennestadt), o => Assert.Equal(("MELDEBOGEN", (DateOnly?)null), (o.SeriesKey, o.Vintage)));
    }

    [Fact]
    public void The_samples_rejected_rows_name_cell_raw_value_and_reason()
    {
        var (rows, _) = Read(MeldebogenPipeline.Sample);
        var stieghorst = Assert.IsType<SourceRow.Rejected>(rows[4]).Problems;
        var heepenFebruary = SingleProblem(rows[9]);

        Assert.Equal(
            [("Meldebogen", 5, "I", (string?)null, "FELD_FEHLT"), ("Meldebogen", 5, "F", "1", "FELD_UNZULAESSIG")],
            stieghorst.Select(p => (p.Sheet, p.Row, p.Column, p.RawValue, p.Reason.Code)));
        Assert.Equal(("F", "ca. 2", "WERT_KEINE_ZAHL"), (heepenFebruary.Column, heepenFebruary.RawValue, heepenFebruary.Reason.Code));
        Assert.Equal("Wert: 'ca. 2' ist keine Zahl (erlaubt z. B. 12 oder 1.234,5).", heepenFebruary.Message);
    }

    [Fact]
    public void Every_kind_reads_its_own_fields_and_quarters_and_years_land_in_their_last_month()
    {
        var path = Csv(
            Header,
            "540-10.1;;;2017-Q2;;12;;;;;;540.1",
            "Jobcenter-4.1;;;2017-03;Stadt Bielefeld;1.234,5;;;;;;Jobcenter",
            "540-1.1;;;2017-05;Mitte;;17;20;;;;540.2",
            "540-4.3;;;2017;;;;;30.06.2017;;;540.2",
            "540-4.1;;;2017;;;;;;teilweise;Test der Uni: Fortschritte bei 6 von 10 Kindern;540.2",
            "540-4.2;;;2017;Quartier Heepen;;;;;Nicht erreicht;zwei Schulen abgesprungen;540.2");

        var accepted = Read(path).Rows.Skip(1).Select(r => Assert.IsType<SourceRow.Accepted>(r).Observations).ToList();

        Assert.Equal((new DateOnly(2017, 6, 1), 12m), (accepted[0].Single().Month, accepted[0].Single().Value!.Value));
        Assert.Equal(1234.5m, accepted[1].Single().Value);
        var rate = accepted[2].Single();
        Assert.Equal(("05711000-01", (decimal?)null, 17m, 20m), (rate.AreaCode, rate.Value, rate.Numerator!.Value, rate.Denominator!.Value));
        Assert.Equal(6, accepted[3].Count);
        Assert.Equal((new DateOnly(2017, 6, 1), 1m), (accepted[3][^1].Month, accepted[3][^1].Value!.Value));
        Assert.Equal((new DateOnly(2017, 12, 1), 0.5m), (accepted[4].Single().Month, accepted[4].Single().Value!.Value));
        Assert.Equal(("quartier:heepen", 0m), (accepted[5].Single().AreaCode, accepted[5].Single().Value!.Value));
    }

    [Fact]
    public void Rows_that_fill_the_wrong_fields_or_name_unknown_things_are_rejected_with_a_reason()
    {
        var path = Csv(
            Header,
            "540-1.1;;;2017-05;;85;17;20;;;;540.2",
            "540-10.7;;;2017-05;;3;;;;;;540.1",
            "REGE-9.1;;;2017-05;;3;;;;;;REGE",
            "540-10.1;;;Mai 2017;;3;;;;;;540.1",
            "540-10.1;;;2017-05;Heepen;3;;;;;;540.1",
            "540-10.1;;;2017-05;Bielefeld-Nord;3;;;;;;540.1",
            "540-10.1;;;2017-05;;3;;;;;;",
            "540-10.1;;;2017-05;;2,5;;;;;;540.1",
            "540-10.1;;;2017-05;;-1;;;;;;540.1",
            "540-1.1;;;2017-05;;;17;0;;;;540.2",
            "540-4.3;;;2017-Q1;;;;;30.06.2017;;;540.2",
            "540-4.3;;;2017;;;;;31.02.2017;;;540.2",
            "540-4.1;;;2017;;;;;;gut;passt;540.2",
            "540-4.1;;;2017;;;;;;erreicht;;540.2",
            "540-10.1;;;2019;;3;;;;;;540.1");

        var codes = Read(path).Rows.Skip(1).Select(r => SingleProblem(r)).Select(p => (p.Row, p.Column, p.Reason.Code)).ToList();

        Assert.Equal(
        [
            (2, "Wert", "FELD_UNZULAESSIG"), (3, "Indikator", "INDIKATOR_UNBEKANNT"), (4, "Indikator", "INDIKATOR_AUS_SYSTEMQUELLE"),
            (5, "Periode", "PERIODE_UNGUELTIG"), (6, "Bereich", "BEREICH_MEHRDEUTIG"), (7, "Bereich", "BEREICH_UNBEKANNT"),
            (8, "Gemeldet_von", "FELD_FEHLT"), (9, "Wert", "WERT_NICHT_GANZZAHLIG"), (10, "Wert", "WERT_NEGATIV"),
            (11, "Nenner", "NENNER_NICHT_POSITIV"), (12, "Erledigt_am", "DATUM_AUSSERHALB_PERIODE"), (13, "Erledigt_am", "DATUM_UNGUELTIG"),
            (14, "Bewertung", "BEWERTUNG_UNGUELTIG"), (15, "Kommentar", "FELD_FEHLT"), (16, "Periode", "PERIODE_UNGUELTIG"),
        ],
            codes);
    }

    [Fact]
    public void The_same_indicator_month_and_area_twice_in_one_file_rejects_the_second_row()
    {
        var path = Csv(Header, "540-10.1;;;2017-05;;3;;;;;;540.1", "540-10.1;;;2017-Q2;;2;;;;;;540.1", "540-10.1;;;2017-06;;4;;;;;;540.1");

        var rows = Read(path).Rows;

        Assert.IsType<SourceRow.Accepted>(rows[1]);
        Assert.IsType<SourceRow.Accepted>(rows[2]);
        var duplicate = SingleProblem(rows[3]);
        Assert.Equal(("MELDUNG_DOPPELT", "540-10.1 für 2017-06 und Stadt Bielefeld steht schon in Zeile 3; eine Korrektur kommt in einen neuen Meldebogen."),
            (duplicate.Reason.Code, duplicate.Message));
    }

    [Fact]
    public void A_Windows_1252_csv_with_commas_and_a_renamed_Zaehler_header_reads_the_same()
    {
        var path = _dir.File("Meldebogen_ansi.csv");
        File.WriteAllText(path,
            "Indikator,Periode,Bereich,Wert,Zähler,Nenner,Erledigt am,Bewertung,Gemeldet von,Notiz\r\n540-1.1,2017-05,Quartier Jöllenbeck,,17,20,,,540.2,x\r\n",
            Bielefeld.Etl.Sources.Csv.ExtractEncoding.Windows1252);

        var rate = Assert.IsType<SourceRow.Accepted>(Read(path).Rows[1]).Observations.Single();

        Assert.Equal(("quartier:joellenbeck", 17m, 20m), (rate.AreaCode, rate.Numerator!.Value, rate.Denominator!.Value));
    }

    [Fact]
    public void A_csv_with_a_title_line_above_a_comma_separated_header_is_read_and_says_so()
    {
        var path = Csv(
            "Meldebogen Maßnahme 540-10, Stand Juni 2017",
            "",
            Header.Replace(';', ','),
            "540-10.1,,,2017-05,,3,,,,,,540.1",
            "Jobcenter-4.1,,,2017-03,Stadt Bielefeld,\"1.234,5\",,,,,,Jobcenter");

        using var reading = MeldebogenPipeline.Reader.Open(path);
        var rows = reading.Rows.ToList();

        Assert.Equal([(1, "Titelzeile über der Kopfzeile"), (2, "Leerzeile"), (3, "Kopfzeile")], rows.OfType<SourceRow.Skipped>().Select(s => (s.Row, s.Why)));
        Assert.Equal([(4, 3m), (5, 1234.5m)], rows.OfType<SourceRow.Accepted>().Select(a => (a.Row, a.Observations.Single().Value!.Value)));
        Assert.Equal(5, rows.Count);
        Assert.Equal(["Kopfzeile in Zeile 3 statt 1 gefunden", "Trennzeichen ',' statt ';' gelesen"], reading.Normalisations.Entries.Select(e => e.Message));
    }

    [Fact]
    public void A_file_without_a_required_column_is_refused_as_a_whole()
    {
        var path = Csv("Indikator;Periode;Bereich;Wert;Gemeldet_von", "540-10.1;2017-05;;3;540.1");

        var refused = Assert.Throws<ExtractFileException>(() => Read(path));

        Assert.Equal("KOPF_UNERWARTET", refused.Reason.Code);
        Assert.Contains("fehlen die Spalten Zaehler, Nenner, Erledigt_am, Bewertung", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_template_of_a_measure_has_a_row_per_indicator_period_and_target_area()
    {
        var rows = MeldebogenTemplate.ForMeasure(KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping, "500-8", 2017);

        Assert.Equal(52, rows.Count);
        Assert.Equal(("500-8.1", "2017", "Quartier Heepen", "erledigt"), (rows[0].Indikator, rows[0].Periode, rows[0].Bereich, rows[0].Einheit));
        Assert.Equal(("500-8.2", "2017-01", "Quartier Heepen"), (rows[4].Indikator, rows[4].Periode, rows[4].Bereich));
        Assert.Equal(("500-8.2", "2017-12", "Quartier Stieghorst"), (rows[^1].Indikator, rows[^1].Periode, rows[^1].Bereich));
        Assert.All(rows, r => Assert.Null(r.Wert ?? r.ErledigtAm ?? r.GemeldetVon));
    }

    [Fact]
    public void Templates_leave_out_indicators_that_a_system_extract_delivers()
    {
        var rege = MeldebogenTemplate.ForOrgUnit(KafPipeline.Catalog, KafPipeline.Areas, MeldebogenPipeline.Mapping, "REGE", 2017);

        Assert.DoesNotContain(rege, r => r.Indikator.StartsWith("REGE-9.", StringComparison.Ordinal));
        Assert.Contains(rege, r => r.Indikator == "REGE-6.1" && r.Periode == "2017");
    }
}
