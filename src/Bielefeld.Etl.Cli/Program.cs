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
    config.AddBranch("catalog", catalog =>
    {
        catalog.SetDescription("Plankatalog (config/plan/<Jahr>/)");
        catalog.AddCommand<CatalogImportCommand>("import").WithDescription("Plankatalog aus dem Textexport des Plans erzeugen")
            .WithExample("catalog", "import", "../shared/plan/ziele-und-massnahmen-2017.txt");
    });
});
return await app.RunAsync(args);
