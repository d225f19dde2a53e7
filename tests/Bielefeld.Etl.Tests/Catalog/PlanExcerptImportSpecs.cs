using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>
/// The importer's rules, specified on the plan-like excerpt that ships with the tests (<see cref="ImportedPlan.Excerpt2019"/>):
/// structure, headings, table cells, indicator splitting, typed targets, areas, costs and the findings for the reviewer.
/// The same rules against the published plan: <see cref="PlanImportSpecifications"/>.
/// </summary>
public sealed class PlanExcerptImportSpecs
{
    private static ImportedPlan PlanExcerpt2019 => ImportedPlan.Excerpt2019;

    [Fact]
    public void The_body_gives_the_measures_in_plan_order_and_the_year_and_title_of_the_head()
    {
        var plan = PlanExcerpt2019.Import.Plan;

        Assert.Equal(2019, plan.Jahr);
        Assert.Equal("Ziele und Maßnahmen für ein Soziales Bielefeld – Planung des Sozialdezernats für das Jahr 2019 (Auszug für die Spezifikationen)", plan.Titel);
        Assert.Equal(["REGE-21", "Jobcenter-20", "Jobcenter-21", "REGE-22", "510-20", "510-21", "500-20", "540-21", "500-21"], plan.Reihenfolge);
        Assert.Equal(18, PlanExcerpt2019.Import.Measures.Sum(m => m.Indikatoren.Count));
    }

    [Fact]
    public void Contents_and_body_are_compared_the_body_wins_and_every_difference_is_a_finding()
    {
        var findings = PlanExcerpt2019.Import.Findings;

        Assert.Equal("Vermittlung in Ausbildung und Einstiegsqualifizierung", PlanExcerpt2019.Measure("Jobcenter-20").Titel);
        Assert.Equal(
            [
                new ImportFinding("Jobcenter-20", "Titel im Inhaltsverzeichnis „Vermittlung in Ausbildung“ weicht vom Text ab; übernommen ist der Titel im Text „Vermittlung in Ausbildung und Einstiegsqualifizierung“."),
                new ImportFinding("540-21", "Fehlt im Inhaltsverzeichnis; übernommen aus dem Text des Plans."),
                new ImportFinding("540-20", "Steht im Inhaltsverzeichnis, fehlt aber im Text; nicht übernommen."),
            ],
            findings.Take(3));
        Assert.DoesNotContain(PlanExcerpt2019.Import.Measures, m => m.Code == "540-20");
    }

    [Fact]
    public void A_trailing_full_stop_of_a_measure_title_is_dropped()
    {
        Assert.Equal("Bewerbungswerkstatt im Quartier", PlanExcerpt2019.Measure("REGE-21").Titel);
        Assert.DoesNotContain(PlanExcerpt2019.Import.Findings, f => f.Code == "REGE-21");
    }

    [Fact]
    public void Headings_give_policy_area_target_group_focal_theme_and_principles()
    {
        var rege21 = PlanExcerpt2019.Measure("REGE-21");

        Assert.Equal(("REGE", "Arbeitssuchende Menschen", "Zielgruppe Jugendliche"), (rege21.Organisationseinheit, rege21.Handlungsfeld, rege21.Zielgruppe));
        Assert.Equal("Arbeitslosigkeit verringern - Übergänge gestalten: Ausbildung vor Arbeit; Betriebe gewinnen", rege21.Schwerpunktthema);
        Assert.Equal(["Wir arbeiten präventiv.", "Wir gestalten die Prozesse partizipativ."], rege21.Leitsaetze);
        Assert.Equal("Strukturen und konzeptionelle Entwicklungen", PlanExcerpt2019.Measure("REGE-22").Zielgruppe);
        Assert.Equal(("Kinder und Jugendliche", null), (PlanExcerpt2019.Measure("510-20").Handlungsfeld, PlanExcerpt2019.Measure("510-20").Zielgruppe));
        Assert.Equal(("Wohnungslose Menschen", "500"), (PlanExcerpt2019.Measure("500-21").Handlungsfeld, PlanExcerpt2019.Measure("500-21").Organisationseinheit));
    }

    [Fact]
    public void Cells_become_plain_text_and_a_narrative_before_the_table_is_not_a_cell()
    {
        var rege21 = PlanExcerpt2019.Measure("REGE-21");

        Assert.Equal("Jugendliche aus den Quartieren bewerben sich mit vollständigen Unterlagen.", rege21.Zielsetzung);
        Assert.Equal("Offene Werkstatt an zwei Nachmittagen pro Woche.", rege21.Massnahmen);
        Assert.Equal("- Räume im Stadtteilzentrum anmieten.\n- Honorarkräfte gewinnen.", rege21.Umsetzungsschritte);
        Assert.Null(PlanExcerpt2019.Measure("REGE-22").Zielsetzung);
    }

    [Fact]
    public void An_item_cut_by_a_page_break_is_joined_and_the_rule_line_between_is_dropped()
    {
        Assert.Equal(
            "- Sprechstunde einmal pro Woche im Bürgerzentrum.\n- Absprachen mit den Trägern im Stadtteil.\n- Auswertung nach sechs Monaten.",
            PlanExcerpt2019.Measure("Jobcenter-21").Umsetzungsschritte);
    }

    [Fact]
    public void The_rest_of_a_split_label_continues_the_cell_and_a_plain_line_after_Aufwand_ends_the_table()
    {
        var measure = PlanExcerpt2019.Measure("500-21");

        Assert.Equal("Einladung der Träger im Frühjahr.\nSozialamt gemeinsam mit der Wohnungslosenhilfe.", measure.Umsetzungsschritte);
        Assert.Equal("Fachtag: 2.400 €", measure.Aufwand!.Text);
    }

    [Fact]
    public void A_plain_count_is_an_at_least_target_for_the_calendar_year_with_the_noun_as_unit()
    {
        var indicator = PlanExcerpt2019.Indicator("REGE-21.1");

        Assert.Equal(("Jugendliche, die die Werkstatt besucht haben", "anzahl", "Jugendliche", "Eigene Dokumentation."), (indicator.Bezeichnung, indicator.Art, indicator.Einheit, indicator.Datenquelle));
        Assert.Equal(("mindestens", 120m, "kalenderjahr", "120 Jugendliche"), (PlanExcerpt2019.Target("REGE-21.1").Vergleich, PlanExcerpt2019.Target("REGE-21.1").Wert, PlanExcerpt2019.Target("REGE-21.1").Zeitraum, PlanExcerpt2019.Target("REGE-21.1").Wortlaut));
    }

    [Fact]
    public void Numbered_indicators_take_their_targets_by_Zu_n_and_each_its_own_data_source()
    {
        var rate = PlanExcerpt2019.Indicator("Jobcenter-20.1");
        var count = PlanExcerpt2019.Indicator("Jobcenter-20.2");

        Assert.Equal(("Arbeitslosenquote U25 SGB II", "veroeffentlichte_quote", "%", "Statistik der Bundesagentur für Arbeit"), (rate.Bezeichnung, rate.Art, rate.Einheit, rate.Datenquelle));
        Assert.Equal(("hoechstens", 4.8m, "höchstens 4,8%"), (PlanExcerpt2019.Target("Jobcenter-20.1").Vergleich, PlanExcerpt2019.Target("Jobcenter-20.1").Wert, PlanExcerpt2019.Target("Jobcenter-20.1").Wortlaut));
        Assert.Equal(("Einmündungen in Ausbildung", "Einmündungen", "Eigene Auswertung des Jobcenters"), (count.Bezeichnung, count.Einheit, count.Datenquelle));
        Assert.Equal(("mindestens", 310m), (PlanExcerpt2019.Target("Jobcenter-20.2").Vergleich, PlanExcerpt2019.Target("Jobcenter-20.2").Wert));
    }

    [Fact]
    public void A_stock_reduction_of_the_Quartiere_the_indicator_names_is_one_target_for_them_together()
    {
        var indicator = PlanExcerpt2019.Indicator("Jobcenter-21.1");
        var target = Assert.Single(indicator.Ziele);

        Assert.Equal("bestand", indicator.Art);
        Assert.Equal(["quartier:heepen", "quartier:brackwede"], target.Bereiche);
        Assert.Equal(("reduktion", 4m, "Bestandsreduzierung um 4%.", "angenommen"), (target.Vergleich, target.Wert, target.Wortlaut, target.BasisHerkunft));
        Assert.Contains(new ImportFinding("Jobcenter-21.1", "Ein Ziel für Heepen, Brackwede zusammen (bereiche); die Quartiere sind Drill-down."), PlanExcerpt2019.Import.Findings);
    }

    [Fact]
    public void Bullets_give_a_darunter_part_and_a_milestone_with_its_deadline_by_position()
    {
        var indicators = PlanExcerpt2019.Measure("REGE-22").Indikatoren;

        Assert.Equal(["Beratene Schülerinnen und Schüler", "darunter Schülerinnen und Schüler aus Förderschulen", "Kooperationsvereinbarung mit den Berufskollegs liegt vor"], indicators.Select(i => i.Bezeichnung));
        Assert.Equal([null, "REGE-22.1", null], indicators.Select(i => i.Eltern));
        Assert.Equal([400m, 60m], indicators.Take(2).Select(i => Assert.Single(i.Ziele).Wert!.Value));
        Assert.Equal(("meilenstein", "erledigt"), (indicators[2].Art, indicators[2].Einheit));
        Assert.Equal(("erledigt_bis", "2019-06-30", "bis 2019-06-30"), (PlanExcerpt2019.Target("REGE-22.3").Vergleich, PlanExcerpt2019.Target("REGE-22.3").Stichtag, PlanExcerpt2019.Target("REGE-22.3").Zeitraum));
    }

    [Fact]
    public void A_Kita_year_is_the_plan_period_and_a_rate_with_a_decimal_point_is_read_and_reported()
    {
        Assert.Equal(("mindestens", 150m, "kitajahr 2019/20"), (PlanExcerpt2019.Target("510-20.1").Vergleich, PlanExcerpt2019.Target("510-20.1").Wert, PlanExcerpt2019.Target("510-20.1").Zeitraum));
        Assert.Equal(("quote", "%"), (PlanExcerpt2019.Indicator("510-20.2").Art, PlanExcerpt2019.Indicator("510-20.2").Einheit));
        Assert.Equal((42.5m, "quartier:sennestadt"), (PlanExcerpt2019.Target("510-20.2").Wert, PlanExcerpt2019.Target("510-20.2").Bereich));
        Assert.Contains(new ImportFinding("510-20.2", "Zahl mit Dezimalpunkt im Zielwert gelesen als 42.5 (de-DE schreibt ein Komma)."), PlanExcerpt2019.Import.Findings);
    }

    [Fact]
    public void A_milestone_without_a_date_is_due_at_the_end_of_the_plan_year_and_reported()
    {
        Assert.Equal(("erledigt_bis", "2019-12-31", "angenommen", "erledigt"), (PlanExcerpt2019.Target("510-21.1").Vergleich, PlanExcerpt2019.Target("510-21.1").Stichtag, PlanExcerpt2019.Target("510-21.1").StichtagHerkunft, PlanExcerpt2019.Target("510-21.1").Wortlaut));
        Assert.Equal("plan", PlanExcerpt2019.Target("REGE-22.3").StichtagHerkunft);
        Assert.Contains(new ImportFinding("510-21.1", "Meilenstein ohne Termin im Plan; Ende des Planjahres (2019-12-31) angenommen (stichtag_herkunft: angenommen)."), PlanExcerpt2019.Import.Findings);
        Assert.Equal(("anzahl", "Schulungen", 12m), (PlanExcerpt2019.Indicator("510-21.2").Art, PlanExcerpt2019.Indicator("510-21.2").Einheit, PlanExcerpt2019.Target("510-21.2").Wert));
    }

    [Fact]
    public void Items_after_a_nachrichtlich_lead_in_are_informational_and_each_selected_Quartier_gets_the_target()
    {
        var indicators = PlanExcerpt2019.Measure("500-20").Indikatoren;

        Assert.Equal([false, true, true], indicators.Select(i => i.Nachrichtlich));
        Assert.All(indicators.Skip(1), i => Assert.Empty(i.Ziele));
        Assert.Equal(["quartier:joellenbeck", "quartier:stieghorst", "quartier:dornberg"], indicators[0].Ziele.Select(t => t.Bereich));
        Assert.All(indicators[0].Ziele, t => Assert.Equal(("mindestens", 2m), (t.Vergleich, t.Wert)));
        Assert.Contains(PlanExcerpt2019.Import.Findings, f => f.Code == "500-20.1" && f.Message.Contains("jeweils", StringComparison.Ordinal));
    }

    [Fact]
    public void Wording_without_a_figure_gives_no_target_and_says_so()
    {
        var indicator = PlanExcerpt2019.Indicator("540-21.1");

        Assert.Equal(("qualitativ", "Bewertung", null), (indicator.Art, indicator.Einheit, indicator.Datenquelle));
        Assert.Equal(("keiner", null, "Die Ratsuchenden sind mit der Beratung zufrieden."), (PlanExcerpt2019.Target("540-21.1").Vergleich, PlanExcerpt2019.Target("540-21.1").Wert, PlanExcerpt2019.Target("540-21.1").Wortlaut));
        Assert.Contains(new ImportFinding("540-21.1", "Kein messbarer Zielwert in „Die Ratsuchenden sind mit der Beratung zufrieden.“ (vergleich: keiner)."), PlanExcerpt2019.Import.Findings);
    }

    [Fact]
    public void Figures_that_cannot_be_told_apart_give_no_target_for_any_indicator()
    {
        var indicators = PlanExcerpt2019.Measure("500-21").Indikatoren;

        Assert.Equal(["Teilnehmende am Fachtag", "Beteiligte Träger", "Veröffentlichte Dokumentation"], indicators.Select(i => i.Bezeichnung));
        Assert.All(indicators, i => Assert.Equal("keiner", Assert.Single(i.Ziele).Vergleich));
        Assert.Contains(PlanExcerpt2019.Import.Findings, f => f.Code == "500-21" && f.Message.Contains("nicht eindeutig", StringComparison.Ordinal));
    }

    [Fact]
    public void Costs_are_the_stated_amount_the_total_after_insgesamt_the_sum_of_list_items_zero_or_none()
    {
        Assert.Equal(
            [18500m, null, 0m, 7500m, 1200000m, null, null, 0m, 2400m],
            PlanExcerpt2019.Import.Measures.Select(m => m.Aufwand?.EurProJahr));
        Assert.Equal("Interne Sach- und Personalkosten.", PlanExcerpt2019.Measure("Jobcenter-20").Aufwand!.Text);
        Assert.Null(PlanExcerpt2019.Measure("500-20").Aufwand);
    }

    [Fact]
    public void The_findings_for_the_reviewer_in_plan_order()
    {
        Assert.Equal(
            ["Jobcenter-20", "540-21", "540-20", "Jobcenter-21.1", "510-20.2", "510-21.1", "500-20.1", "540-21.1", "500-21", "500-21.1", "500-21.2", "500-21.3"],
            PlanExcerpt2019.Import.Findings.Select(f => f.Code));
    }
}
