using Bielefeld.Etl.Cli.Commands;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("bielefeld-etl");
    config.AddCommand<InitCommand>("init").WithDescription("Warehouse anlegen oder migrieren und den Plankatalog laden");
    config.AddCommand<RunCommand>("run").WithDescription("Dateien aus dem Eingang laden und die Zielerreichung berechnen")
        .WithExample("run", "--all").WithExample("run", "--pipeline", "kaf");
    config.AddCommand<ServeCommand>("serve").WithDescription("Pipelines nach Zeitplan ausführen (Hangfire), Dashboard unter /hangfire")
        .WithExample("serve", "--urls", "http://127.0.0.1:5080");
    config.AddCommand<StatusCommand>("status").WithDescription("Letzte Ladevorgänge mit Zeilenbilanz");
    config.AddCommand<ReportCommand>("report").WithDescription("Zielerreichung als HTML-Übersicht (ohne Power BI lesbar und druckbar)");
    config.AddCommand<PowerBiCommand>("powerbi").WithDescription("Power-BI-Datenquelle (.pbids) für das konfigurierte Server-Warehouse schreiben");
    config.AddCommand<BenchCommand>("bench").WithDescription("Synthetische Extrakte erzeugen und das Laden gegen die Massenpfade der Datenbanken messen (src/Bielefeld.Etl.Bench)")
        .WithExample("bench", "--rows", "2000000", "--json", "bench.json").WithExample("bench", "generate", "--rows", "1000000", "--out", "data/bench");
    config.AddCommand<RejectsCommand>("rejects").WithDescription("Abgewiesene Zeilen prüfen, entscheiden (rejects decide <ID>) und als CSV/HTML speichern")
        .WithExample("rejects", "--source", "kaf", "--csv", "abgewiesen.csv")
        .WithExample("rejects", "decide", "17", "--decision", "akzeptiert", "--by", "M. Muster", "--comment", "Wert mit Träger geklärt");
    config.AddCommand<MeldebogenCommand>("meldebogen").WithDescription("Meldebogen-Vorlage für eine Maßnahme oder Organisationseinheit erzeugen")
        .WithExample("meldebogen", "--measure", "540-10", "--year", "2017").WithExample("meldebogen", "--org-unit", "500", "--year", "2017", "--format", "csv");
    config.AddCommand<SamplesCommand>("samples").WithDescription("Beispiel-Extrakte aus den Zahlen in src/Bielefeld.Etl.Synthetic neu schreiben");
    config.AddBranch("catalog", catalog =>
    {
        catalog.SetDescription("Plankatalog (config/plan/<Jahr>/)");
        catalog.AddCommand<CatalogImportCommand>("import").WithDescription("Plankatalog aus dem Textexport des Plans erzeugen")
            .WithExample("catalog", "import", "ziele-und-massnahmen-2017.txt");
    });
});
return await app.RunAsync(args);
