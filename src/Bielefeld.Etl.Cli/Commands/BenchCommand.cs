using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Commands;

/// <summary>
/// <c>bench</c>: delegates to the bench console (src/Bielefeld.Etl.Bench), which keeps its baselines (Sep, the naive
/// Dapper loop) out of the product. It is published in Release for this platform, so that it runs the product's code
/// precompiled as a published product does (src/ProductRuntime.props), and started from there. Every argument after
/// <c>bench</c> is passed on unchanged: <c>bench --rows 2000000 --json bench.json</c>,
/// <c>bench generate --rows 1000000 --out data/bench</c>.
/// </summary>
public sealed class BenchCommand : AsyncCommand<BenchCommand.Settings>
{
    /// <inheritdoc />
    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        // From the current folder (a checkout), else from the program itself (run from its build output in a checkout).
        var project = FindBenchProject(Environment.CurrentDirectory) ?? FindBenchProject(AppContext.BaseDirectory);
        if (project is null)
        {
            await Console.Error.WriteLineAsync("Fehler: bench läuft im Repository (src/Bielefeld.Etl.Bench nicht gefunden).");
            return 2;
        }

        var published = Path.Combine(Path.GetDirectoryName(project)!, "bin", "published", RuntimeInformation.RuntimeIdentifier);
        var publish = await RunDotnetAsync(
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-o", published, "-v", "q", "-nologo"],
            cancellationToken);
        if (publish != 0)
        {
            return publish;
        }

        return await RunDotnetAsync([Path.Combine(published, "bielefeld-etl-bench.dll"), .. BenchArguments(context.Arguments)], cancellationToken);
    }

    private static async Task<int> RunDotnetAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet konnte nicht gestartet werden.");
        await process.WaitForExitAsync(cancellationToken);
        return process.ExitCode;
    }

    /// <summary>
    /// The command line after the verb. Spectre keeps options it does not know apart from the raw remainder (which holds
    /// only what follows <c>--</c>), so the bench's options are taken from the whole command line as typed.
    /// </summary>
    private static IEnumerable<string> BenchArguments(IReadOnlyList<string> all)
    {
        var verb = all.ToList().IndexOf("bench");
        return all.Skip(verb + 1).Where(a => a != "--");
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

    /// <summary>No options of its own: everything goes to the bench console (<c>bench --help</c> lists them).</summary>
    public sealed class Settings : CommandSettings
    {
        /// <summary><c>generate</c> writes the synthetic extracts only; without it the bench measures.</summary>
        [CommandArgument(0, "[VERB]")]
        [Description("generate: nur die synthetischen Extrakte schreiben; ohne: messen")]
        public string? Verb { get; init; }
    }
}
