using System.Text.RegularExpressions;
using Spectre.Console.Cli;

namespace Bielefeld.Etl.Cli.Composition;

/// <summary>
/// Turns what the command-line parser (Spectre.Console.Cli, English) says about a wrong call into one German line;
/// the commands' own validation messages are German already and pass through.
/// </summary>
public static partial class CommandLineProblem
{
    /// <summary>The line for <paramref name="exception"/>, with the <c>Fehler:</c> prefix every error line has.</summary>
    public static string Describe(CommandAppException exception)
    {
        var message = exception.Message.Trim();
        var quoted = Quoted().Match(message);
        var x = quoted.Groups["x"].Value;
        var german = (quoted.Success ? quoted.Groups["lead"].Value : null) switch
        {
            "Unknown command" => $"unbekannter Befehl '{x}'",
            "Unknown option" => $"unbekannte Option '{x}'",
            "Could not match" => $"'{x}' passt zu keinem Argument (ein Wert mit Leerzeichen gehört in Anführungszeichen, z. B. --by \"M. Muster\")",
            "Missing required argument" => $"das Argument <{x}> fehlt",
            "Option" when message.Contains("no value", StringComparison.Ordinal) => $"die Option --{x} braucht einen Wert",
            _ when message.StartsWith("Expected an option value", StringComparison.Ordinal) => "eine Option braucht einen Wert",
            _ when message.Contains("is missing required argument", StringComparison.Ordinal) => "der Befehl ist unvollständig (Unterbefehl oder Argument fehlt)",
            _ when exception is CommandRuntimeException => message, // a command's own validation, in German
            _ => $"Aufruf nicht verstanden ({message})",
        };
        return $"Fehler: {german.TrimEnd('.')}. Hilfe: bielefeld-etl --help";
    }

    [GeneratedRegex("^(?<lead>Unknown command|Unknown option|Could not match|Missing required argument|Option) '(?<x>[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();
}
