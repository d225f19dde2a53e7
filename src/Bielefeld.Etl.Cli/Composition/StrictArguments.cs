using Bielefeld.Etl.Cli.Commands;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// Refuses options and arguments a command does not know. The parser would otherwise keep them aside as "remaining"
/// and the command would run as if they were not there: <c>run --all --archiv</c> would load and leave the files.
/// Only <c>bench</c> takes remaining arguments: it passes them on to the bench console.
/// </summary>
public sealed class StrictArguments : ICommandInterceptor
{
    /// <inheritdoc />
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (settings is BenchCommand.Settings)
        {
            return;
        }

        var unknown = context.Remaining.Parsed.Select(o => o.Key.StartsWith('-') ? o.Key : (o.Key.Length == 1 ? "-" : "--") + o.Key)
            .Concat(context.Remaining.Raw)
            .ToList();
        if (unknown.Count > 0)
        {
            throw new UnknownArgumentsException($"unbekannte Option oder überzähliges Argument: {string.Join(" ", unknown)}");
        }
    }
}

/// <summary>The command line holds something the command does not know; exit code <see cref="ExitCodes.Usage"/>.</summary>
/// <param name="message">What is unknown, in German.</param>
public sealed class UnknownArgumentsException(string message) : Exception(message);
