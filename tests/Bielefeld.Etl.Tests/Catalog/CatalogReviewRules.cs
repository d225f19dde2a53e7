using Bielefeld.Etl.Definitions.Catalog;
using Bielefeld.Etl.Definitions.Catalog.Import;
using Xunit;

namespace Bielefeld.Etl.Tests.Catalog;

/// <summary>
/// Rules the 2017 catalog review (docs/catalog-review-2017.md) added to the importer, on plan-like excerpts: a milestone's
/// deadline stated only in the Maßnahmen cell, and a target about "the Quartier" that only the problem analysis names.
/// </summary>
public sealed class CatalogReviewRules
{
    [Fact]
    public void A_milestone_without_a_deadline_in_its_target_takes_the_one_its_measures_item_states()
    {
        var import = Import(Measure("510-4", "Kooperation von OGS und OKJA weiterentwickeln", "Im Stadtgebiet fehlen Absprachen.",
            "<ol style=\"list-style-type: none\"> 1. Erstellen einer Bedarfsanalyse (OGS-Wartelisten) unter Federführung von 510.1 bis 31.12.2017. 2. Erstellen eines Rahmenkonzepts zur Kooperation von Jugendhilfe und OGS gemeinsam von 400 und 510.1 bis 31.12.2018, u.a. <ul style=\"list-style-type: none\"> • Definition von Schnittmengen in der Arbeit.",
            "<ol style=\"list-style-type: none\"> 1. Vorliegen eines Rahmenkonzeptes. 2. Anzahl der Kooperationsangebote.",
            "<p>Zu 1.</p> <ul style=\"list-style-type: none\"> • Ein Rahmenkonzept liegt vor und wird umgesetzt. <p>Zu 2.</p> <ul style=\"list-style-type: none\"> • Vier Kooperationsangebote."));

        var target = Assert.Single(Indicator(import, "510-4.1").Ziele);
        Assert.Equal(("erledigt_bis", "2018-12-31", "bis 2018-12-31"), (target.Vergleich, target.Stichtag, target.Zeitraum));
        Assert.Equal(
            [new ImportFinding("510-4.1", "Meilenstein ohne Termin im Zielwert; Termin 2018-12-31 aus den Maßnahmen zur Zielerreichung übernommen („Erstellen eines Rahmenkonzepts zur Kooperation von Jugendhilfe und OGS gemein…“).")],
            import.Findings.Where(f => f.Code == "510-4.1"));
    }

    [Fact]
    public void A_measures_item_that_shares_fewer_words_or_states_no_deadline_gives_none_and_the_plan_year_end_is_assumed()
    {
        var import = Import(Measure("510-7", "Angebotslandschaft HzE weiterentwickeln", "Die Plätze werden nicht mehr benötigt.",
            "<ol style=\"list-style-type: none\">1. Umstrukturierung bestehender Angebote (vor allem Umwandlung der Clearingeinrichtungen, hier: bis 30.06.2017).2. Schaffung einer 5. städtischen Einrichtung.3. Anpassung der Konzeption für das Mädchenwohnheim Halhof (Überprüfung in 2017).",
            "<ol style=\"list-style-type: none\"> 1. Existenz einer 5. städtischen Einrichtung. 2. Vorliegen einer neuen Konzeption für das Mädchenwohnheim Halhof.",
            "<p>Zu 1.</p> <ul style=\"list-style-type: none\"> • Eine 5. städtische Einrichtung ist eröffnet. <p>Zu 2.</p> <ul style=\"list-style-type: none\"> • Die Konzeption liegt vor."));

        Assert.Equal(["2017-12-31", "2017-12-31"], import.Measures.Single().Indikatoren.Select(i => Assert.Single(i.Ziele).Stichtag));
        Assert.Equal(["angenommen", "angenommen"], import.Measures.Single().Indikatoren.Select(i => Assert.Single(i.Ziele).StichtagHerkunft));
        Assert.Equal(
            ["510-7.1", "510-7.2"],
            import.Findings.Where(f => f.Message.StartsWith("Meilenstein ohne Termin im Plan; Ende des Planjahres (2017-12-31) angenommen", StringComparison.Ordinal)).Select(f => f.Code));
    }

    [Fact]
    public void A_target_about_the_quarter_takes_the_one_quarter_the_problem_analysis_names()
    {
        var import = Import(Measure("540-11", "Partizipation im altengerechten Quartier", "Im Quartier Kammerich ist der Anteil an Menschen ü60 sehr hoch.",
            "Workshop zur Bedarfserfassung",
            "<ul style=\"list-style-type: none\"> • Anteil der erreichten Bewohnerinnen und Bewohner ü60 • Anteil der erreichten Bewohnerinnen und Bewohner ü60 mit Migrationshintergrund",
            "<ul style=\"list-style-type: none\"> • 5% der im Quartier lebenden ü60jährigen haben sich in Arbeitsgruppen zusammen gefunden. • Dabei sollen 30% der erreichten Bewohnerinnen und Bewohner einen Migrationshintergrund haben."));

        Assert.Equal(
            [("540-11.1", 5m, "quartier:kammerich"), ("540-11.2", 30m, "quartier:kammerich")],
            import.Measures.Single().Indikatoren.Select(i => (i.Code, Assert.Single(i.Ziele).Wert!.Value, Assert.Single(i.Ziele).Bereich)));
        Assert.Contains(new ImportFinding("540-11.1", "Das Ziel spricht vom Quartier, ohne es zu nennen; bezogen auf quartier:kammerich, das einzige Quartier, das die Ausgangslage nennt."), import.Findings);
    }

    [Fact]
    public void A_problem_analysis_naming_several_quarters_or_a_measure_not_about_a_quarter_leaves_the_target_city_wide()
    {
        var severalQuarters = Import(Measure("540-12", "Quartierskarte", "In Sennestadt und Sieker fehlen Informationen.",
            "Karte erstellen", "Anteil befragter Bewohnerinnen und Bewohner, die angeben, informiert zu sein",
            "50 % der Befragten geben an, über bestehende Angebote informiert zu sein"));
        var noQuarterWording = Import(Measure("540-4", "Förderung von Basiskompetenzen am Beispiel Wellbachschule", "In Baumheide zeigen viele Kinder Entwicklungsrückstände.",
            "Entwicklung eines Förderkonzeptes", "Anteil der geförderten Kinder mit Entwicklungsfortschritt", "60 % der geförderten Kinder"));

        Assert.Null(Assert.Single(Indicator(severalQuarters, "540-12.1").Ziele).Bereich);
        Assert.Null(Assert.Single(Indicator(noQuarterWording, "540-4.1").Ziele).Bereich);
    }

    private static CatalogImport Import(string measure) => CatalogImporter.Convert(
        "Ziele und Maßnahmen für ein Soziales Bielefeld\n\n**- Planung des Sozialdezernats\nfür das Jahr 2017 -**\n\nInhaltsverzeichnis\n\nEinleitung\t1\n"
        + "Soziales\t2\n" + ContentsLine(measure) + "\n\nEinleitung\n\nLiebe Leserin, lieber Leser,\n\nSoziales\n\n" + measure,
        "auszug.txt");

    private static string ContentsLine(string measure) => measure.Split('\n').First(l => l.StartsWith("Maßnahme:", StringComparison.Ordinal)) + "\t2";

    private static string Measure(string code, string title, string problemAnalysis, string measuresCell, string indicatorCell, string targetCell) =>
        $"""
        Schwerpunktthema: Teilhabe sichern

        Leitsatz: Wir arbeiten präventiv.

        Maßnahme: {title} ({code})

        Ausgangslage / Problemanalyse (evtl. mit Quartiersbezug):

        {problemAnalysis}

        Zielsetzung	Die Lage ist verbessert.
        Maßnahme(n) zur Zielerreichung:	{measuresCell}
        Indikator	{indicatorCell}
        Zielwert	{targetCell}
        Datenquellen:	Eigene Dokumentation.
        Aufwand	Kein Aufwand.

        """.Replace("\r", "", StringComparison.Ordinal);

    private static IndicatorDocument Indicator(CatalogImport import, string code) => import.Measures.SelectMany(m => m.Indikatoren).Single(i => i.Code == code);
}
