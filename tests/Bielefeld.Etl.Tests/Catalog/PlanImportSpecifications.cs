using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>What the import of the published 2017 plan must give: exact figures, checked against the plan text (skipped where <see cref="SharedData"/> has no plan).</summary>
public sealed class PlanImportSpecifications
{
    private static ImportedPlan Plan2017 => ImportedPlan.Published2017;

    [Fact]
    public void The_body_has_48_measures_in_plan_order()
    {
        var measures = Plan2017.Import.Measures;

        Assert.Equal(48, measures.Count);
        Assert.Equal(48, measures.Select(m => m.Code).Distinct().Count());
        Assert.Equal("REGE-3", measures[0].Code);
        Assert.Equal("540-12", measures[^1].Code);
    }

    [Fact]
    public void Measure_540_6_is_imported_although_the_table_of_contents_omits_it()
    {
        var measure = Plan2017.Measure("540-6");

        Assert.Equal("Verbesserung des Umgangs mit suizidalen Krisen an Schulen - Handlungsempfehlungen für die Praktiker schaffen", measure.Titel);
        Assert.Equal("Menschen mit Behinderung / chron. Erkrankung", measure.Handlungsfeld);
        Assert.Contains(Plan2017.Import.Findings, f => f.Code == "540-6" && f.Message.Contains("Inhaltsverzeichnis", StringComparison.Ordinal));
    }

    [Fact]
    public void The_body_title_wins_over_the_contents_and_the_difference_is_reported()
    {
        Assert.Equal("Jugend – Ausbildungsinitiative", Plan2017.Measure("REGE-3").Titel);
        var finding = Assert.Single(Plan2017.Import.Findings, f => f.Code == "REGE-3");
        Assert.Contains("Ausbildungsoffensive", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_REGE_3_and_540_6_differ_between_contents_and_body()
    {
        var structural = Plan2017.Import.Findings.Where(f => f.Message.Contains("Inhaltsverzeichnis", StringComparison.Ordinal)).Select(f => f.Code);

        Assert.Equal(["REGE-3", "540-6"], structural);
    }

    [Fact]
    public void Jobcenter_1_is_at_least_583_placements_in_training()
    {
        var indicator = Plan2017.Indicator("Jobcenter-1.1");
        var target = Plan2017.Target("Jobcenter-1.1");

        Assert.Equal(("anzahl", "Einmündungen"), (indicator.Art, indicator.Einheit));
        Assert.Equal(("mindestens", 583m, "kalenderjahr"), (target.Vergleich, target.Wert, target.Zeitraum));
        Assert.Equal("583 Einmündungen in Ausbildung.", target.Wortlaut);
    }

    [Fact]
    public void Jobcenter_2_is_at_most_5_9_percent_published_rate()
    {
        var indicator = Plan2017.Indicator("Jobcenter-2.1");
        var target = Plan2017.Target("Jobcenter-2.1");

        Assert.Equal(("Arbeitslosenquote U25 SGB II", "veroeffentlichte_quote", "%"), (indicator.Bezeichnung, indicator.Art, indicator.Einheit));
        Assert.Equal(("hoechstens", 5.9m), (target.Vergleich, target.Wert));
        Assert.Equal("5,9%", target.Wortlaut);
    }

    [Fact]
    public void Jobcenter_8_is_one_5_percent_stock_reduction_for_its_three_quarters_together()
    {
        var indicator = Plan2017.Indicator("Jobcenter-8.1");
        var target = Assert.Single(indicator.Ziele);

        Assert.Equal("bestand", indicator.Art);
        Assert.Equal(["quartier:sennestadt", "quartier:baumheide", "quartier:sieker"], target.Bereiche);
        Assert.Null(target.Bereich);
        Assert.Equal(("reduktion", 5m, "Bestandsreduzierung um 5%.", "angenommen"), (target.Vergleich, target.Wert, target.Wortlaut, target.BasisHerkunft));
    }

    [Fact]
    public void Jobcenter_3_is_at_least_5985_integrations_with_six_informational_darunter_values()
    {
        var measure = Plan2017.Measure("Jobcenter-3");
        var target = Plan2017.Target("Jobcenter-3.1");

        Assert.Equal(("mindestens", 5985m), (target.Vergleich, target.Wert));
        Assert.EndsWith("ergibt sich ein rechnerischer Zielwert von 5.985 Integrationen.", target.Wortlaut, StringComparison.Ordinal);
        Assert.Equal(7, measure.Indikatoren.Count);
        Assert.All(measure.Indikatoren.Skip(1), i => Assert.Equal(("Jobcenter-3.1", true), (i.Eltern, i.Nachrichtlich)));
        Assert.All(measure.Indikatoren.Skip(1), i => Assert.Empty(i.Ziele));
        Assert.Equal("darunter U25", measure.Indikatoren[1].Bezeichnung);
    }

    [Fact]
    public void Jobcenter_6_is_at_least_255000_euros_of_saved_housing_costs()
    {
        var indicator = Plan2017.Indicator("Jobcenter-6.1");
        var target = Plan2017.Target("Jobcenter-6.1");

        Assert.Equal(("betrag", "EUR"), (indicator.Art, indicator.Einheit));
        Assert.Equal(("mindestens", 255000m, "255.000€"), (target.Vergleich, target.Wert, target.Wortlaut));
        Assert.All(Plan2017.Measure("Jobcenter-6").Indikatoren.Skip(1), i => Assert.True(i.Nachrichtlich));
        Assert.Equal("Jobcenter-6.2", Plan2017.Indicator("Jobcenter-6.3").Eltern);
    }

    [Fact]
    public void Jobcenter_4_has_two_amounts_940000_and_450000_each_with_informational_case_numbers()
    {
        var indicators = Plan2017.Measure("Jobcenter-4").Indikatoren;

        Assert.Equal(4, indicators.Count);
        Assert.Equal(("mindestens", 940000m), (Plan2017.Target("Jobcenter-4.1").Vergleich, Plan2017.Target("Jobcenter-4.1").Wert));
        Assert.Equal(("mindestens", 450000m), (Plan2017.Target("Jobcenter-4.3").Vergleich, Plan2017.Target("Jobcenter-4.3").Wert));
        Assert.EndsWith("Ergebnis im Bereich Beratung und Vermittlung", indicators[0].Bezeichnung, StringComparison.Ordinal);
        Assert.EndsWith("Ergebnis Projektteam", indicators[2].Bezeichnung, StringComparison.Ordinal);
        Assert.True(indicators[1].Nachrichtlich && indicators[3].Nachrichtlich);
    }

    [Fact]
    public void REGE_9_has_three_indicators_the_third_a_darunter_of_the_second_with_160()
    {
        var indicators = Plan2017.Measure("REGE-9").Indikatoren;

        Assert.Equal(["REGE-9.1", "REGE-9.2", "REGE-9.3"], indicators.Select(i => i.Code));
        Assert.Equal([97m, 530m, 160m], indicators.Select(i => Assert.Single(i.Ziele).Wert!.Value));
        Assert.Equal("REGE-9.2", indicators[2].Eltern);
        Assert.Equal("Teilnehmende in Coachingprozessen aus Stadtumbaugebieten", indicators[2].Bezeichnung);
    }

    [Fact]
    public void REGE_10_to_13_keep_the_codes_and_targets_of_the_hand_written_first_part()
    {
        Assert.Equal(("REGE-9.2", 25m), (Plan2017.Indicator("REGE-10.1").Eltern, Plan2017.Target("REGE-10.1").Wert));
        Assert.Equal(248m, Plan2017.Target("REGE-11.1").Wert);
        Assert.Equal(371m, Plan2017.Target("REGE-12.1").Wert);
        Assert.Equal(2570m, Plan2017.Target("REGE-13.1").Wert);
    }

    [Fact]
    public void _510_7_has_four_indicators_two_rates_one_at_most_40_percent_and_two_milestones()
    {
        var indicators = Plan2017.Measure("510-7").Indikatoren;

        Assert.Equal(["quote", "quote", "meilenstein", "meilenstein"], indicators.Select(i => i.Art));
        Assert.Equal(("mindestens", 100m), (Plan2017.Target("510-7.1").Vergleich, Plan2017.Target("510-7.1").Wert));
        Assert.Equal(("hoechstens", 40m), (Plan2017.Target("510-7.2").Vergleich, Plan2017.Target("510-7.2").Wert));
        Assert.All(indicators.Skip(2), i => Assert.Equal("erledigt_bis", Assert.Single(i.Ziele).Vergleich));
        Assert.StartsWith("Existenz einer 5. städtischen Einrichtung", indicators[2].Bezeichnung, StringComparison.Ordinal);
    }

    [Fact]
    public void _540_2_has_no_target_and_says_so()
    {
        var target = Plan2017.Target("540-2.1");

        Assert.Equal(("keiner", null, ""), (target.Vergleich, target.Wert, target.Wortlaut));
        Assert.Contains(Plan2017.Import.Findings, f => f.Code == "540-2.1");
    }

    [Fact]
    public void _510_1_counts_four_new_kitas_in_the_kita_year_2017_18()
    {
        var target = Plan2017.Target("510-1.1");

        Assert.Equal(("mindestens", 4m, "kitajahr 2017/18"), (target.Vergleich, target.Wert, target.Zeitraum));
    }

    [Fact]
    public void _510_5_has_three_milestones_each_with_its_own_deadline()
    {
        Assert.Equal(
            ["2017-12-31", "2018-03-31", "2017-03-31"],
            Plan2017.Measure("510-5").Indikatoren.Select(i => Assert.Single(i.Ziele).Stichtag));
        Assert.Equal("bis 2018-03-31", Plan2017.Target("510-5.2").Zeitraum);
    }

    [Fact]
    public void _510_3_is_due_by_the_end_of_2018()
    {
        var target = Plan2017.Target("510-3.1");

        Assert.Equal(("erledigt_bis", "2018-12-31", "bis 2018-12-31"), (target.Vergleich, target.Stichtag, target.Zeitraum));
    }

    [Fact]
    public void REGE_5_refers_to_the_school_year_2016_17()
    {
        Assert.Equal(("mindestens", 75m, "schuljahr 2016/17"), (Plan2017.Target("REGE-5.1").Vergleich, Plan2017.Target("REGE-5.1").Wert, Plan2017.Target("REGE-5.1").Zeitraum));
    }

    [Fact]
    public void _500_8_has_a_target_in_each_of_the_four_selected_quarters()
    {
        var codes = new[] { "quartier:heepen", "quartier:sennestadt", "quartier:joellenbeck", "quartier:stieghorst" };

        Assert.Equal(codes, Plan2017.Indicator("500-8.1").Ziele.Select(t => t.Bereich));
        Assert.Equal(codes, Plan2017.Indicator("500-8.2").Ziele.Select(t => t.Bereich));
        Assert.All(Plan2017.Indicator("500-8.2").Ziele, t => Assert.Equal(("mindestens", 1m), (t.Vergleich, t.Wert)));
    }

    [Fact]
    public void _500_9_takes_three_targets_by_wording_and_marks_the_other_indicators_informational()
    {
        var indicators = Plan2017.Measure("500-9").Indikatoren;

        Assert.Equal([false, true, true, false, false], indicators.Select(i => i.Nachrichtlich));
        Assert.Equal([1m, 20m, 10m], indicators.Where(i => !i.Nachrichtlich).Select(i => Assert.Single(i.Ziele).Wert!.Value));
    }

    [Fact]
    public void _500_1_names_figures_that_cannot_be_told_apart_so_no_target_is_invented()
    {
        Assert.All(Plan2017.Measure("500-1").Indikatoren, i => Assert.Equal("keiner", Assert.Single(i.Ziele).Vergleich));
        Assert.Contains(Plan2017.Import.Findings, f => f.Code == "500-1" && f.Message.Contains("nicht eindeutig", StringComparison.Ordinal));
    }

    [Fact]
    public void A_decimal_point_in_a_target_is_read_and_reported()
    {
        Assert.Equal((0.75m, "quartier:joellenbeck"), (Plan2017.Target("500-4.1").Wert, Plan2017.Target("500-4.1").Bereich));
        Assert.Contains(Plan2017.Import.Findings, f => f.Code == "500-4.1" && f.Message.Contains("Dezimalpunkt", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures_of_the_2017_catalog()
    {
        var indicators = Plan2017.Import.Measures.SelectMany(m => m.Indikatoren).ToList();
        var targets = indicators.SelectMany(i => i.Ziele).ToList();

        Assert.Equal(88, indicators.Count);
        Assert.Equal(15, indicators.Count(i => i.Nachrichtlich));
        Assert.Equal(10, indicators.Count(i => i.Eltern is not null));
        Assert.Equal(
            [("erledigt_bis", 18), ("hoechstens", 2), ("keiner", 10), ("mehr_als", 2), ("mindestens", 46), ("reduktion", 1)],
            targets.GroupBy(t => t.Vergleich).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void Informational_indicators_have_no_target_and_all_others_have_at_least_one()
    {
        var indicators = Plan2017.Import.Measures.SelectMany(m => m.Indikatoren).ToList();

        Assert.All(indicators.Where(i => i.Nachrichtlich), i => Assert.Empty(i.Ziele));
        Assert.All(indicators.Where(i => !i.Nachrichtlich), i => Assert.NotEmpty(i.Ziele));
    }

    [Fact]
    public void Indicator_codes_are_the_measure_code_and_the_1_based_position()
    {
        Assert.All(Plan2017.Import.Measures, m => Assert.Equal(
            Enumerable.Range(1, m.Indikatoren.Count).Select(n => $"{m.Code}.{n}"),
            m.Indikatoren.Select(i => i.Code)));
    }

    [Fact]
    public void The_org_unit_is_the_prefix_of_the_code()
    {
        Assert.Equal(["500", "510", "540", "Jobcenter", "REGE"], Plan2017.Import.Measures.Select(m => m.Organisationseinheit).Distinct().Order(StringComparer.Ordinal));
        Assert.All(Plan2017.Import.Measures, m => Assert.StartsWith(m.Organisationseinheit + "-", m.Code, StringComparison.Ordinal));
    }

    [Fact]
    public void Headings_give_policy_area_target_group_focal_theme_and_principles()
    {
        var rege10 = Plan2017.Measure("REGE-10");
        var rege9 = Plan2017.Measure("REGE-9");

        Assert.Equal(("Arbeitssuchende Menschen", "Zielgruppe Erwachsene"), (rege10.Handlungsfeld, rege10.Zielgruppe));
        Assert.Equal(["Wir arbeiten präventiv.", "Wir sichern die Teilhabe von Menschen mit vorübergehendem oder dauerhaftem Unterstützungsbedarf und verringern die Folgen sozialer Unterschiede."], rege10.Leitsaetze);
        Assert.Equal("Strukturen und konzeptionelle Entwicklungen", rege9.Zielgruppe);
        Assert.Equal("Arbeitslosigkeit verringern - kommunale Schwerpunkte in der Arbeitsmarktpolitik setzen: Nachhaltige Integration (dauerhaft und bedarfsdeckend); Beschäftigung für arbeitsmarktferne Arbeitslose fördern; Kosten der Unterkunft im Blick behalten", rege9.Schwerpunktthema);
        Assert.Null(Plan2017.Measure("510-6").Zielgruppe);
        Assert.Equal(8, Plan2017.Import.Measures.Select(m => m.Handlungsfeld).Distinct().Count());
    }

    [Fact]
    public void A_row_continued_after_a_page_break_is_one_cell()
    {
        Assert.StartsWith("- Anwendung der KAF-eigenen \"Coachingstruktur\" und Nutzung des \"KAF-Kompetenz-Entwicklungs-Dokumentationstools\".", Plan2017.Measure("REGE-9").Umsetzungsschritte, StringComparison.Ordinal);
        Assert.Contains("passgenaues Matching realisieren. Verantwortlich: REGE – KAF.", Plan2017.Measure("REGE-11").Umsetzungsschritte, StringComparison.Ordinal);
        Assert.Equal("KAF-Projektcontrolling", Plan2017.Measure("REGE-9").Datenquellen);
    }

    [Theory]
    [InlineData("REGE-3", "52000")]
    [InlineData("510-1", "2000000")]
    [InlineData("500-1", "172000")]
    [InlineData("540-6", "5500")]
    [InlineData("REGE-8", "392000")]
    [InlineData("540-2", "0")]
    public void Costs_are_euros_per_year_where_the_text_states_an_amount(string code, string euros)
    {
        Assert.Equal(decimal.Parse(euros, System.Globalization.CultureInfo.InvariantCulture), Plan2017.Measure(code).Aufwand!.EurProJahr);
    }

    [Fact]
    public void Costs_without_an_amount_keep_only_the_text()
    {
        var cost = Plan2017.Measure("Jobcenter-1").Aufwand!;

        Assert.Equal((null, "Interne Sach- und Personalkosten, Eingliederungsleistungen."), (cost.EurProJahr, cost.Text));
        Assert.Null(Plan2017.Measure("REGE-9").Aufwand);
    }
}
