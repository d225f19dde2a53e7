using Bielefeld.Etl.Cli.Commands;
using Bielefeld.Etl.Cli.Composition;
using Spectre.Console.Cli;

using var interruption = new Interruption();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("bielefeld-etl");
    // Every error is one line on stderr starting with "Fehler:", and every exit code is in README.md's table.
    config.SetExceptionHandler((exception, _) => ExitFor(exception));
    config.SetInterceptor(new StrictArguments());
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
    // Examples are printed as they are written: values with spaces carry their quotes, so a copied example works.
    config.AddCommand<RejectsCommand>("rejects").WithDescription("Abgewiesene Zeilen prüfen, entscheiden (rejects decide <ID>) und als CSV/HTML speichern")
        .WithExample("rejects", "--source", "kaf", "--csv", "abgewiesen.csv")
        .WithExample("rejects", "decide", "17", "--decision", "akzeptiert", "--by", "\"M. Muster\"", "--comment", "\"Wert mit Träger geklärt\"");
    config.AddCommand<MeldebogenCommand>("meldebogen").WithDescription("Meldebogen-Vorlage für eine Maßnahme oder Organisationseinheit erzeugen")
        .WithExample("meldebogen", "--measure", "540-10", "--year", "2017").WithExample("meldebogen", "--org-unit", "500", "--year", "2017", "--format", "csv");
    config.AddCommand<SamplesCommand>("samples").WithDescription("Beispiel-Extrakte aus den Zahlen in src/Bielefeld.Etl.Synthetic neu schreiben");
    config.AddBranch("catalog", catalog =>
    {
        catalog.SetDescription("Plankatalog (config/plan/<Jahr>/)");
        catalog.AddCommand<CatalogImportCommand>("import").WithDescription("Plankatalog aus dem Textexport des Plans erzeugen")
            .WithExample("catalog", "import", "ziele-und-massnahmen-2017.txt");
        catalog.AddCommand<CatalogCheckCommand>("check").WithDescription("Jedes Ziel neben dem Satz des Plans, aus dem es stammt (zur Abnahme)")
            .WithExample("catalog", "check").WithExample("catalog", "check", "--code", "Jobcenter-8");
    });
});
return await app.RunAsync(args, interruption.Token);

// What the commands did not handle themselves: a signal, a wrong call, or a bug.
int ExitFor(Exception exception)
{
    if (interruption.Happened)
    {
        Console.Error.WriteLine(interruption.Message);
        return interruption.ExitCode;
    }

    if (exception is CommandAppException usage)
    {
        Console.Error.WriteLine(CommandLineProblem.Describe(usage));
        return ExitCodes.Usage;
    }

    if (exception is UnknownArgumentsException unknown)
    {
        Console.Error.WriteLine($"Fehler: {unknown.Message}. Hilfe: bielefeld-etl --help");
        return ExitCodes.Usage;
    }

    Console.Error.WriteLine($"Fehler: unerwarteter Fehler ({exception.GetType().Name}: {exception.Message}); bitte mit der folgenden Ausgabe melden.");
    Console.Error.WriteLine(exception);
    return ExitCodes.InternalError;
}
