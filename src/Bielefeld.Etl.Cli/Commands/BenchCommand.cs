using System.Diagnostics;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>bench</c>: delegates to the bench console (src/Bielefeld.Etl.Bench, Release), which keeps its baselines (Sep, the
/// naive Dapper loop) out of the product. Every argument is passed on: <c>bench --rows 2000000 --json bench.json</c>,
/// <c>bench generate --rows 1000000 --out data/bench</c>.
/// </summary>
public sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var project = FindBenchProject(Environment.CurrentDirectory);
        if (project is null)
        {
            await Console.Error.WriteLineAsync("Fehler: bench läuft im Repository (src/Bielefeld.Etl.Bench nicht gefunden).");
            return 2;
        }

        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in new[] { "run", "--project", project, "-c", "Release", "--" }.Concat(context.Remaining.Raw))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet konnte nicht gestartet werden.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    private static string? FindBenchProject(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var project = Path.Combine(dir.FullName, "src", "Bielefeld.Etl.Bench", "Bielefeld.Etl.Bench.csproj");
            if (File.Exists(project))
            {
                return project;
            }
        }

        return null;
    }

    /// <summary>No options of its own: everything goes to the bench console.</summary>
    public sealed class Settings : CommandSettings;
}
