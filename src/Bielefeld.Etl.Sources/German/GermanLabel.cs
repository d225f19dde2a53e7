using System.Text;

namespace Bielefeld.Etl.Sources.German;

/// <summary>
/// Labels (headers, Kennzahlen, sheet names) as people type them: non-breaking spaces from copied web pages, spaces at
/// the end, doubled spaces, a line break in a wrapped header cell. All of these read as single ordinary spaces; nothing
/// else in the label changes (case and spelling still have to match).
/// </summary>
public static class GermanLabel
{
    /// <summary>The label with every run of white space (NBSP, narrow NBSP, tab, line break included) as one space, trimmed; zero-width characters and soft hyphens removed.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var result = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsInvisible(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                result.Append(' ');
                pendingSpace = false;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>A cell's label: its text (numbers in invariant form) normalised by <see cref="Normalise"/>.</summary>
    public static string Of(object? cell) => Normalise(SheetCell.Raw(cell));

    /// <summary>
    /// Reads a label and says what was normalised: null when the text was already canonical (or empty), otherwise a
    /// <see cref="NormalisationCodes.LabelSpaces"/> note naming what was found.
    /// </summary>
    public static string Read(string? text, out Normalisation? note)
    {
        var label = Normalise(text);
        note = null;
        if (text is null || label.Length == 0 || string.Equals(label, text, StringComparison.Ordinal))
        {
            return label;
        }

        note = new Normalisation(NormalisationCodes.LabelSpaces, text, $"Bezeichnung '{label}' mit {Describe(text)} gelesen");
        return label;
    }

    /// <summary>What differs from the canonical form, e.g. „geschütztem Leerzeichen, Leerzeichen am Ende“.</summary>
    private static string Describe(string text)
    {
        var found = new List<string>();
        if (text.Any(c => c is '\u00A0' or '\u202F' or '\u2007'))
        {
            found.Add("geschütztem Leerzeichen");
        }

        if (text.Any(c => c is '\n' or '\r'))
        {
            found.Add("Zeilenumbruch");
        }

        if (text.Any(c => c == '\t'))
        {
            found.Add("Tabulator");
        }

        if (text.Any(IsInvisible))
        {
            found.Add("unsichtbarem Zeichen");
        }

        if (text.Length > 0 && char.IsWhiteSpace(text[0]))
        {
            found.Add("Leerzeichen am Anfang");
        }

        if (text.Length > 0 && char.IsWhiteSpace(text[^1]))
        {
            found.Add("Leerzeichen am Ende");
        }

        if (text.Contains("  ", StringComparison.Ordinal))
        {
            found.Add("doppeltem Leerzeichen");
        }

        return found.Count == 0 ? "Leerraum" : string.Join(", ", found);
    }

    private static bool IsInvisible(char c) => c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF' or '\u00AD';
}
